import { Show } from 'solid-js';
import { t, word } from './messages.ts';
import { Field, FieldError, Radios, useFieldProblems } from './task-form-parts.tsx';
import { PHOTO_RULES, STUDY_FORMATS, type ManagedTask, type PhotoRule, type StudyFormat } from '../shared/tasks-api.ts';

/**
 * What a member sends to complete the task: a sentence and a number by default, a photo only
 * with a reason the member sees (brief: "evidence only where it matters").
 */
export function EvidenceFields(props: {
  editing: ManagedTask | undefined;
  number: boolean;
  onNumber: (number: boolean) => void;
  photo: PhotoRule;
  onPhoto: (photo: PhotoRule) => void;
}) {
  const { errorOf, described } = useFieldProblems();
  return (
    <fieldset class="group">
      <legend>{t('evidence')}</legend>
      <label class="check">
        <input type="checkbox" name="evidence.text" checked={props.editing?.evidence.text ?? true} />
        {t('evidenceText')}
      </label>
      <label class="check">
        <input
          type="checkbox"
          name="evidence.number"
          checked={props.number}
          aria-describedby="task-evidence.number-hint"
          onChange={(event) => props.onNumber(event.currentTarget.checked)}
        />
        {t('evidenceNumber')}
      </label>
      <p id="task-evidence.number-hint" class="meta">{t('evidenceNumberHint')}</p>
      <Radios name="evidence.photo" legend={t('photo')} values={PHOTO_RULES} value={props.photo} onChange={(v) => props.onPhoto(v)} label={(v) => word('photo', v)} />
      <Show when={props.photo !== 'none'}>
        <Field name="evidence.photoReason" label={t('photoReason')} hint={t('photoReasonHint')}>
          <textarea
            id="task-evidence.photoReason"
            name="evidence.photoReason"
            maxLength={200}
            value={props.editing?.evidence.photoReason ?? ''}
            aria-invalid={errorOf('evidence.photoReason') ? 'true' : undefined}
            aria-describedby={described('evidence.photoReason', true)}
          />
        </Field>
      </Show>
    </fieldset>
  );
}

/** A study task's material: a text to read, or a link to a video or page. Study is recorded, never scored. */
export function StudyFields(props: { editing: ManagedTask | undefined; format: StudyFormat; onFormat: (format: StudyFormat) => void }) {
  const { errorOf, described } = useFieldProblems();
  return (
    <fieldset class="group">
      <legend>{t('study')}</legend>
      <Radios name="study.format" legend={t('studyFormat')} values={STUDY_FORMATS} value={props.format} onChange={(v) => props.onFormat(v)} label={(v) => word('format', v)} />
      <Show
        when={props.format === 'text'}
        fallback={
          <Field name="study.url" label={t('studyUrl')}>
            <input id="task-study.url" name="study.url" type="url" inputmode="url" value={props.editing?.study?.url ?? ''} aria-invalid={errorOf('study.url') ? 'true' : undefined} aria-describedby={described('study.url')} />
          </Field>
        }
      >
        <Field name="study.body" label={t('studyBody')}>
          <textarea id="task-study.body" name="study.body" value={props.editing?.study?.body ?? ''} aria-invalid={errorOf('study.body') ? 'true' : undefined} aria-describedby={described('study.body')} />
        </Field>
      </Show>
      <FieldError name="study" />
    </fieldset>
  );
}
