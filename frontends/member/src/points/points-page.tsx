import { For, Match, Show, Switch, createResource, createSignal } from 'solid-js';
import { scoring } from '@tongxin/api-client';
import { format } from '@tongxin/i18n';
import { ErrorNotice, Loading, describeError } from '@tongxin/ui';
import { SectionStyles } from '../parts/section-styles.tsx';
import { m as words, type PartsMessageKey } from '../parts/messages.ts';
import { entryWhen } from './entry-when.ts';
import { m, type PointsMessageKey } from './messages.ts';
import { SPANS, periodName, periodOf, type Span } from './period.ts';
import { AsOf, readKept } from '../shared/kept-read.tsx';

type Mine = Awaited<ReturnType<typeof scoring.points.mine.query>>;
type Entry = Mine['entries'][number];

const css = `
.member-view .spans { display: grid; grid-template-columns: repeat(3, 1fr); gap: 0.4rem; border: 0; margin: 0 0 1rem; padding: 0; }
.member-view .spans legend { font-weight: 600; padding: 0; margin-bottom: 0.25rem; }
.member-view .spans label { position: relative; display: flex; align-items: center; justify-content: center; gap: 0.3rem; min-height: 2.75rem; border: 1px solid var(--color-border); border-radius: 4px; cursor: pointer; }
.member-view .spans label:has(input:checked) { background: var(--color-brand); color: #fff; font-weight: 700; border-color: var(--color-brand); }
.member-view .spans label:has(input:focus-visible) { outline: 3px solid var(--color-focus); outline-offset: 2px; }
.member-view .spans input { position: absolute; opacity: 0; width: 1px; height: 1px; }
.member-view .counts { margin-bottom: 0.75rem; }
.member-view .standing { margin: 0.25rem 0; font-weight: 600; }
.member-view .entries { list-style: none; margin: 0; padding: 0; }
.member-view .entries li { display: flex; gap: 0.75rem; justify-content: space-between; align-items: baseline; padding: 0.6rem 0; border-bottom: 1px solid var(--color-border); }
.member-view .entries li > div { min-width: 0; overflow-wrap: anywhere; }
.member-view .entries p { margin: 0; }
.member-view .entries .amount { flex: none; white-space: nowrap; font-weight: 700; font-size: 1.1rem; color: #1d5e20; }
.member-view .entries .amount.minus { color: var(--color-error); }
`;

const signed = (points: number) => (points > 0 ? `+${format(points)}` : format(points));

/**
 * What an event entry is about: the activity and, when the event said it (older ones did
 * not), which task or which kind of meeting. A report's month is the line below (`entryWhen`).
 */
export function entryTitle(entry: Pick<Entry, 'kind' | 'label'>): string {
  const kind = m(`kind.${entry.kind}` as PointsMessageKey) ?? entry.kind;
  const label = entry.label;
  if (!label) return kind;
  if (entry.kind === 'task_claimed' || entry.kind === 'task_completed') return m('label.task', { kind, title: label });
  if (entry.kind.startsWith('meeting_')) return m('label.meeting', { kind, meeting: words(`meeting.${label}` as PartsMessageKey) ?? label });
  return kind;
}

/** A capped entry says what it still counted: up to the cap, or nothing this time. */
export const cappedText = (points: number) => (points > 0 ? m('capped', { points: m(points === 1 ? 'pointValue' : 'pointsValue', { points: signed(points) }) }) : m('cappedNone'));

/** Where an entry comes from: the activity, or a correction with who made it and why. */
function EntrySource(props: { entry: Entry }) {
  const kind = () => entryTitle(props.entry);
  return (
    <Show
      when={props.entry.source === 'correction'}
      fallback={
        <>
          <p>{kind()}</p>
          <Show when={props.entry.note}>{(note) => <p class="muted">{m(`note.${note()}` as PointsMessageKey) ?? note()}</p>}</Show>
          <Show when={props.entry.capped}>
            <p class="muted">{cappedText(props.entry.points)}</p>
          </Show>
          <Show when={props.entry.reason}>{(reason) => <p class="muted">{reason()}</p>}</Show>
        </>
      }
    >
      <p>
        {m('correction')}
        <Show when={props.entry.author}>{(author) => <span class="muted"> · {m('correctedBy', { author: author() })}</span>}</Show>
      </p>
      <Show when={props.entry.reason}>{(reason) => <p class="muted">{m('reason', { reason: reason() })}</p>}</Show>
    </Show>
  );
}

/**
 * 积分: the member's own points (total and for a month, quarter or year), every entry behind
 * them, their own position in their branch and their branch's among the township's branches.
 * Brief, burden rules: no leaderboard of other members is shown, only one's own position.
 */
export default function PointsPage() {
  const [span, setSpan] = createSignal<Span>('year');
  const period = () => periodOf(span());
  const [mine, { refetch }] = createResource(period, (chosen) => readKept(`points.mine:${chosen}`, () => scoring.points.mine.query({ period: chosen })));

  return (
    <section aria-labelledby="points-heading">
      <SectionStyles />
      <style>{css}</style>
      <h2 id="points-heading">{m('title')}</h2>
      <AsOf name={`points.mine:${period()}`} />
      <p class="muted">{m('intro')}</p>
      <fieldset class="spans">
        <legend>{m('periodChoice')}</legend>
        <For each={SPANS}>
          {(value) => (
            <label>
              <input type="radio" name="points-span" value={value} checked={span() === value} onChange={() => setSpan(value)} />
              {m(`period.${value}`)}
            </label>
          )}
        </For>
      </fieldset>
      <Switch>
        <Match when={mine.error}>
          <ErrorNotice message={describeError(mine.error)} onRetry={refetch} />
        </Match>
        <Match when={mine.latest}>
          {(points) => (
            <div aria-busy={mine.loading}>
              <ul class="counts">
                <li>
                  <span class="count">{format(points().balance)}</span>
                  {m('balance')}
                </li>
                <li>
                  <span class="count">{format(points().periodPoints)}</span>
                  {m('periodPoints', { period: periodName(period()) })}
                </li>
              </ul>
              <Show when={points().position} fallback={<p class="standing">{m('noPosition')}</p>}>
                {(position) => <p class="standing">{m('position', { rank: position().rank, of: position().of })}</p>}
              </Show>
              <Show when={points().branch}>
                {(branch) => <p class="standing">{m('branchRank', { org: branch().orgName, rank: branch().rank, of: branch().of })}</p>}
              </Show>
              <p class="muted">{m('positionPrivate')}</p>
              <h3>{m('entries', { period: periodName(period()) })}</h3>
              <Show when={points().entries.length > 0} fallback={<p>{m('noEntries')}</p>}>
                <ul class="entries">
                  <For each={points().entries}>
                    {(entry) => (
                      <li>
                        <div>
                          <EntrySource entry={entry} />
                          <p class="muted">{entryWhen(entry)}</p>
                        </div>
                        <span class="amount" classList={{ minus: entry.points < 0 }}>
                          {m(Math.abs(entry.points) === 1 ? 'pointValue' : 'pointsValue', { points: signed(entry.points) })}
                        </span>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </div>
          )}
        </Match>
        <Match when={mine.loading}>
          <Loading />
        </Match>
      </Switch>
    </section>
  );
}
