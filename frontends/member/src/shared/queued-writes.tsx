import { For, Show } from 'solid-js';
import { errorText, format } from '@tongxin/i18n';
import type { QueuedWrite } from '@tongxin/offline';
import { m } from './offline-messages.ts';
import { dismissWrite, queuedWrites } from './write-queue.ts';

/** Where a queued write stands, in words: waiting, retrying at a time, or refused and why. */
export function writeStatus(write: QueuedWrite): string {
  if (write.state === 'refused') return m('refused', { reason: errorText(write.refusal?.code ?? 'invalid_value', (write.refusal?.params ?? {}) as Record<string, string>) });
  if (write.retryAt) return m('retrying', { time: format(new Date(write.retryAt), { hour: '2-digit', minute: '2-digit', hour12: false }) });
  return m('waiting');
}

/** What a queued write is, in the reader's language (its `label` is the task's title or the report's month). */
export function writeLabel(write: QueuedWrite): string {
  switch (write.kind) {
    case 'report.submit':
      return m('label.report', { period: write.label });
    case 'suggestion.send':
      return m('label.suggestion', { title: write.label });
    case 'ledger.confirm':
      return m('label.confirm');
    case 'claim.withdraw':
      return m('label.withdraw', { title: write.label });
    case 'meeting.respond':
      return m('label.respond', { title: write.label });
    case 'checkin.request':
      return m('label.checkin', { org: write.label });
    case 'mobility.outflow':
      return m('label.outflow', { city: write.label });
    case 'mobility.return':
      return m('label.return', { date: write.label });
    case 'mobility.withdraw':
      return m('label.withdrawRequest', { kind: write.label });
    case 'task.complete':
      return m('label.complete', { title: write.label });
    default:
      return m('label.claim', { title: write.label });
  }
}

/** The member's writes not yet taken by the server (issue 18), above every section; nothing when there are none. */
export function QueuedWrites() {
  return (
    <Show when={queuedWrites().length > 0}>
      <section class="card" aria-labelledby="queue-heading" style={{ 'margin-bottom': '0.75rem' }}>
        <h2 id="queue-heading" style={{ 'font-size': '1rem', margin: 0 }}>{m('queueTitle')}</h2>
        <p class="muted">{m('queueIntro')}</p>
        <ul class="queue" style={{ 'list-style': 'none', padding: 0, margin: 0 }}>
          <For each={queuedWrites()}>
            {(write) => (
              <li style={{ padding: '0.5rem 0', 'border-top': '1px solid var(--color-border, #ddd)' }}>
                <strong>{writeLabel(write)}</strong>
                <p class={write.state === 'refused' ? 'field-error' : 'muted'} style={{ margin: '0.25rem 0' }}>
                  {/* A refusal's reason can be a sentence: it wraps at 360 px. */}
                  <span class={`badge ${write.state === 'refused' ? 'badge-bad' : 'badge-wait'}`} style={{ 'white-space': 'normal' }}>{writeStatus(write)}</span>
                </p>
                <Show when={write.state === 'refused'}>
                  <button type="button" class="secondary" style={{ 'min-height': '44px' }} onClick={() => void dismissWrite(write)}>
                    {m('dismiss')}
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}
