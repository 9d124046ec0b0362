import { Show } from 'solid-js';
import { format } from '@tongxin/i18n';
import { when } from '../parts/when.ts';
import { taskWord } from '@tongxin/i18n/task-words';
import { m } from './messages.ts';
import type { Evidence, Target } from './task-types.ts';

export const kindLabel = (kind: string) => taskWord('kind', kind);
export const targetText = (target: Target) => m('targetValue', { amount: format(target.amount), unit: taskWord('unit', target.unit) });

/** What the member will be asked for when reporting it done, in one line. */
export function evidenceText(kind: string, evidence: Evidence): string {
  if (kind === 'study') return m('evidence.study');
  const parts: string[] = [];
  if (evidence.photo === 'required') parts.push(m('evidence.photoRequired'));
  if (evidence.photo === 'optional') parts.push(m('evidence.photoOptional'));
  if (evidence.text) parts.push(m('evidence.text'));
  if (evidence.number) parts.push(m('evidence.number'));
  return parts.length > 0 ? parts.join(m('evidence.and')) : m('evidence.none');
}

/**
 * A task's terms as a list of facts: points, deadline, target, and (for an offered task) the
 * places left and the city; then the evidence asked for, with the publisher's reason for a photo.
 */
export function TaskFacts(props: {
  kind: string;
  points: number;
  pointsLabel?: string;
  deadline: string | Date;
  target: Target | null;
  evidence: Evidence;
  quota?: { quota: number | null; claimed: number; full: boolean };
  city?: string | null;
}) {
  const past = () => new Date(props.deadline) <= new Date();
  return (
    <>
      <dl class="facts task-facts">
        <dt>{props.pointsLabel ?? m('points')}</dt>
        <dd><strong>{m(props.points === 1 ? 'pointValue' : 'pointsValue', { points: props.points })}</strong></dd>
        <dt>{m('deadline')}</dt>
        <dd>
          {when(props.deadline)}
          <Show when={past()}> <span class="badge badge-off">{m('pastDeadline')}</span></Show>
        </dd>
        <Show when={props.target}>
          {(target) => (
            <>
              <dt>{m('target')}</dt>
              <dd>{targetText(target())}</dd>
            </>
          )}
        </Show>
        <Show when={props.quota}>
          {(quota) => (
            <>
              <dt>{m('quota')}</dt>
              <dd>
                <Show
                  when={!quota().full}
                  fallback={<span class="badge badge-bad">{m('full')}</span>}
                >
                  <Show when={quota().quota} fallback={m('unlimited')}>
                    {(of) => m('quotaLeft', { left: Math.max(0, of() - quota().claimed), quota: of() })}
                  </Show>
                </Show>
              </dd>
            </>
          )}
        </Show>
        <Show when={props.city}>
          {(city) => (
            <>
              <dt>{m('city')}</dt>
              <dd>{city()}</dd>
            </>
          )}
        </Show>
        <dt>{m('evidence')}</dt>
        <dd>{evidenceText(props.kind, props.evidence)}</dd>
      </dl>
      <Show when={props.kind !== 'study' && props.evidence.photo !== 'none' && props.evidence.photoReason}>
        {(reason) => <p class="muted">{m('photoWhy', { reason: reason() })}</p>}
      </Show>
    </>
  );
}
