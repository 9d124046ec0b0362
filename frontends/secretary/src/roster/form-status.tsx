import { Show } from 'solid-js';
import { errorKind } from '@tongxin/api-client';
import { ErrorNotice } from '@tongxin/ui';
import { m } from '../messages.ts';
import { describeRosterError } from './describe-roster-error.ts';
import type { SubmissionState } from './submission.ts';

/** The buttons and the outcome of a form: progress while sending, a readable failure, or done. */
export function FormFooter(props: { submission: SubmissionState; onCancel: () => void; label?: string }) {
  const invalid = () => Object.keys(props.submission.fields()).length > 0;
  const invalidText = () => props.submission.fields()['(input)'] ?? m('form.fix');
  return (
    <>
      <Show when={props.submission.error() && errorKind(props.submission.error()) !== 'BAD_REQUEST'}>
        <ErrorNotice message={describeRosterError(props.submission.error())} />
      </Show>
      <Show when={invalid()}>
        <p class="field-error" role="alert">
          {invalidText()}
        </p>
      </Show>
      <div class="form-buttons">
        <button type="submit" disabled={props.submission.pending()} aria-busy={props.submission.pending()}>
          {props.submission.pending() ? m('form.saving') : (props.label ?? m('form.save'))}
        </button>
        <button type="button" class="secondary" onClick={() => props.onCancel()}>
          {m('form.cancel')}
        </button>
      </div>
    </>
  );
}
