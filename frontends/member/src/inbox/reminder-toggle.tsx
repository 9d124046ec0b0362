import { Show, createResource } from 'solid-js';
import { reporting } from '@tongxin/api-client';
import { ErrorNotice, createAction, describeError } from '@tongxin/ui';
import { m } from './messages.ts';

/**
 * The member's own switch for non-official reminders (issue 17: reminders the member
 * controls). Official notices (marked 正式通知 in the list) and the branch's own follow-up
 * stay whatever is chosen here.
 */
export function ReminderToggle() {
  const [current, { mutate }] = createResource(() => reporting.notifications.reminders.query());
  const save = createAction((reminders: boolean) => reporting.notifications.setReminders.mutate({ reminders }));
  async function change(on: boolean) {
    const done = await save.run(on);
    if (done) mutate(done.output);
  }
  return (
    <Show when={current()}>
      {(now) => (
        <div class="field" style={{ 'margin-bottom': '0.75rem' }}>
          <label class="choice" style={{ 'align-items': 'center' }}>
            <input type="checkbox" checked={now().reminders} disabled={save.pending()} aria-describedby="reminders-hint" onChange={(e) => change(e.currentTarget.checked)} />
            {m('remindersOn')}
          </label>
          <p id="reminders-hint" class="muted">{m('remindersHint')}</p>
          <Show when={save.error()}>{(error) => <ErrorNotice message={describeError(error())} />}</Show>
        </div>
      )}
    </Show>
  );
}
