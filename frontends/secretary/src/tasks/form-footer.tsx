import { Show } from 'solid-js';
import { ErrorNotice } from '@tongxin/ui';
import { c } from '../shared/messages.ts';
import { t } from './messages.ts';

/**
 * Below the fields: what went wrong that no field shows (a closed task, the network), a
 * conflict with someone else's edit (nothing was saved; the latest version is one tap away),
 * and the buttons: publish or keep as a draft, or save an edit.
 */
export function FormFooter(props: {
  fieldProblems: boolean;
  otherFailure: string | undefined;
  conflict: boolean;
  onReload: () => void;
  editing: boolean;
  pending: boolean;
  onCancel: () => void;
}) {
  return (
    <>
      <Show when={props.fieldProblems}>
        <p class="field-error" role="alert">{t('fix')}</p>
      </Show>
      <Show when={props.otherFailure}>
        {(message) => <ErrorNotice message={message()} />}
      </Show>
      <Show when={props.conflict}>
        <div class="notice notice-error task-form-failure" role="alert">
          <p>{t('conflict')}</p>
          <button type="button" onClick={() => props.onReload()}>{t('reload')}</button>
        </div>
      </Show>
      <div class="form-buttons">
        <Show
          when={props.editing}
          fallback={
            <>
              <button type="submit" value="publish" disabled={props.pending} aria-busy={props.pending}>{t('submit')}</button>
              <button type="submit" value="draft" class="secondary" disabled={props.pending}>{t('saveDraft')}</button>
            </>
          }
        >
          <button type="submit" value="save" disabled={props.pending} aria-busy={props.pending}>{t('saveChanges')}</button>
        </Show>
        <button type="button" class="secondary" onClick={() => props.onCancel()}>{c('cancel')}</button>
      </div>
    </>
  );
}
