import { For, Show } from 'solid-js';
import { format } from '@tongxin/i18n';
import { taskWord } from '@tongxin/i18n/task-words';
import { m } from '../messages.ts';
import { CARD_GROUPS, GRADES } from './cards.ts';
import { FigureCard } from './figure-card.tsx';
import { familyKeys, figure, type Figures } from './figures.ts';

/** The overview's cards in four groups; outcomes per unit and the evaluation's grades come from their families. */
export function FigureCards(props: { figures: Figures; previous: Figures; branchId?: string }) {
  const outcomes = () => familyKeys([props.figures, props.previous], 'outcome');
  return (
    <For each={CARD_GROUPS}>
      {(group) => (
        <section class="figure-group" aria-labelledby={`group-${group.id}`}>
          <h2 id={`group-${group.id}`}>{m(group.title)}</h2>
          <ul class="figure-cards">
            <For each={group.cards}>
              {(card) => <FigureCard card={card} label={m(card.label)} figures={props.figures} previous={props.previous} branchId={props.branchId} />}
            </For>
            <Show when={group.id === 'tasks'}>
              <For each={outcomes()}>
                {(unit) => (
                  <FigureCard card={{ name: `outcome:${unit}`, label: 'figure.outcome' }} label={m('figure.outcome', { unit: taskWord('unit', unit) })} figures={props.figures} previous={props.previous} />
                )}
              </For>
            </Show>
            <Show when={group.id === 'points'}>
              <li class="figure-card" data-figure="grades">
                <span class="figure-label">{m('figure.grades')}</span>
                <table class="grades">
                  <thead>
                    <tr>
                      <th scope="col">{m('grade.grade')}</th>
                      <th scope="col" class="num">{m('grade.proposed')}</th>
                      <th scope="col" class="num">{m('grade.confirmed')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={GRADES}>
                      {(grade) => (
                        <tr>
                          <th scope="row">{m(`grade.${grade}`)}</th>
                          <td class="num">{format(figure(props.figures, `proposed:${grade}`))}</td>
                          <td class="num">{grade === 'none' ? '—' : format(figure(props.figures, `confirmed:${grade}`))}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </li>
            </Show>
          </ul>
        </section>
      )}
    </For>
  );
}
