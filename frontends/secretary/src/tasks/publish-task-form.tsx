import { For, Show, createSignal, type JSX, untrack } from 'solid-js';
import { errorKind, tasks } from '@tongxin/api-client';
import { ErrorNotice, createAction, describeError } from '@tongxin/ui';
import { FLOW_KINDS, type TreeOrg } from '../shared/org-options.ts';
import { isoToChinaLocal } from '@tongxin/calendar';
import { c } from '../shared/messages.ts';
import { OrgSelect } from '../tree/org-select.tsx';
import { failureText, fieldMessage } from './field-message.ts';
import { t, word } from './messages.ts';
import { readTaskForm, type Draft, type Fields } from './read-task-form.ts';
import { changesOf, type Changes } from './task-changes.ts';
import { PHOTO_RULES, STUDY_FORMATS, TARGET_UNITS, TASK_KINDS, type ManagedTask, type PhotoRule, type StudyFormat, type TargetUnit, type TaskKind, type Visibility } from './tasks-api.ts';

/** The terms an edit may change (not the publisher, not the audience). */
/** The fields this form shows a server's message beside; any other is said above the buttons. */
const FORM_FIELDS = new Set(['orgId', 'kind', 'title', 'description', 'target', 'target.amount', 'quota', 'deadline', 'visibility', 'city', 'evidence.photoReason', 'study', 'study.body', 'study.url', 'points']);

// The unit a kind usually counts in: the form's first guess, which the secretary may change.
const UNIT_OF: Record<TaskKind, TargetUnit> = {
  sell_products: 'boxes', find_jobs: 'jobs', donation: 'yuan', promotion: 'orders', study: 'people', volunteer: 'hours', other: 'items',
};
const DAY_MS = 24 * 60 * 60 * 1000;
const COUNTY_KINDS = ['county', 'department'];

/**
 * Publish a task, or keep it as a draft. Evidence asks for a sentence and a number by
 * default; a photo only with a reason the member sees (brief: "evidence only where it matters").
 *
 * Given a `task`, the same form edits it (a new version of its terms, sent with the version
 * it was read at): the publisher and the audience stay as they are, and members who already
 * claimed keep what they were promised, which the form says when there are any.
 */
export function PublishTaskForm(props: {
  /** Publishing: the orgs the caller may publish for. */
  orgs?: readonly TreeOrg[];
  department?: boolean;
  /** Editing: the task as listed (its version is the one the edit expects). */
  task?: ManagedTask;
  onDone: (said: string) => void;
  onCancel: () => void;
  /** Editing: read the task again after someone else changed it. */
  onReload?: () => void;
}) {
  // The form works on a snapshot: the task and the orgs as they were when it opened.
  const editing = untrack(() => props.task);
  const orgs = untrack(() => props.orgs ?? []);
  // The department publishes for the county as its department org; a secretary for the top of their scope.
  const first = untrack(() => (props.department && orgs.find((o) => o.kind === 'department')) || orgs[0]);
  const [orgId, setOrgId] = createSignal(editing?.orgId ?? first?.id ?? '');
  const [kind, setKind] = createSignal<TaskKind>(editing?.kind ?? 'sell_products');
  const [unit, setUnit] = createSignal<TargetUnit>(editing?.target?.unit ?? UNIT_OF[editing?.kind ?? 'sell_products']);
  const [unlimited, setUnlimited] = createSignal(editing ? editing.quota === null : false);
  const [photo, setPhoto] = createSignal<PhotoRule>(editing?.evidence.photo ?? 'none');
  const [number, setNumber] = createSignal(editing?.evidence.number ?? true);
  const [format, setFormat] = createSignal<StudyFormat>(editing?.study?.format ?? 'text');
  const [visibility, setVisibility] = createSignal<Visibility>('org');
  const [local, setLocal] = createSignal<Fields>({});
  const save = createAction((input: { publish: Draft } | { update: Changes }, idempotencyKey: string): Promise<{ id: string }> =>
    'publish' in input ? tasks.tasks.publish.mutate({ ...input.publish, idempotencyKey }) : tasks.tasks.update.mutate({ ...input.update, idempotencyKey }),
  );
  /** Places already taken: an edit may not set the quota below them. */
  const taken = editing?.progress.claims ?? 0;

  const org = () => orgs.find((o) => o.id === orgId());
  const isFlow = () => FLOW_KINDS.includes(org()?.kind ?? '');
  const isCounty = () => COUNTY_KINDS.includes(org()?.kind ?? '');
  // A flow organization's own members and those checked in there are one audience to its
  // secretary: it is offered alone ("org" would miss the members checked in from another county).
  const visibilities = (): Visibility[] =>
    isFlow()
      ? ['flow_org']
      : [
          'org',
          // All mobile members of the county: the department's, as the county or its department org.
          ...(props.department && isCounty() ? (['tenant_mobile'] as const) : []),
        ];
  // The county's (or its department's) own members are the whole county's.
  const visibilityWord = (v: Visibility) => (v === 'org' && isCounty() ? t('visibility.county') : word('visibility', v));
  const chosenVisibility = () => (visibilities().includes(visibility()) ? visibility() : visibilities()[visibilities().length - 1]!);
  const isStudy = () => kind() === 'study';
  const errorOf = (field: string) => local()[field] ?? fieldMessage(save.fields()[field]);
  /** A number asked for needs a target to count in: the server names \`target\`, the form says why, beside the amount. */
  const targetError = () => errorOf('target.amount') ?? (save.fields().target ? t('targetForNumber') : undefined);
  const needsTarget = () => !isStudy() && number();
  const conflict = () => errorKind(save.error()) === 'CONFLICT' && !!editing;
  // A failure no field of the form shows: said above the buttons (a closed task, a conflict, the network).
  const otherFailure = () => {
    if (!save.error() || conflict()) return undefined;
    const fields = save.fields();
    const names = Object.keys(fields);
    if (names.length === 0) return describeError(save.error());
    const others = names.filter((name) => !FORM_FIELDS.has(name));
    return others.length > 0 ? failureText({ data: { fields: Object.fromEntries(others.map((name) => [name, fields[name]!])) } }) : undefined;
  };
  const defaultDeadline = isoToChinaLocal(new Date(Date.now() + 14 * DAY_MS).toISOString()).slice(0, 11) + '18:00';
  const initialDeadline = editing ? isoToChinaLocal(editing.deadline) : defaultDeadline;

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const draft = (event.submitter as HTMLButtonElement | null)?.value === 'draft';
    const { input, problems } = readTaskForm(form, {
      orgId: orgId(), kind: kind(), unit: unit(), unlimited: unlimited(), photo: photo(), format: format(), visibility: chosenVisibility(),
      needsTarget: needsTarget(), taken, keptDeadline: editing ? initialDeadline : null,
    });
    setLocal(problems);
    if (Object.keys(problems).length > 0) {
      form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    if (editing) {
      const changes = changesOf(editing, input, String(new FormData(form).get('deadline') ?? '').trim() !== initialDeadline);
      if (Object.keys(changes).length === 0) {
        props.onDone(t('unchanged', { title: editing.title }));
        return;
      }
      const done = await save.run({ update: { taskId: editing.id, expectedVersion: editing.version, ...changes } });
      if (done) props.onDone(t('edited', { title: input.title }));
      else queueMicrotask(() => form.querySelector<HTMLElement>('[aria-invalid="true"], .task-form-failure button')?.focus());
      return;
    }
    const done = await save.run({ publish: { ...input, draft } });
    if (done) props.onDone(t(draft ? 'drafted' : 'published', { title: input.title }));
    else queueMicrotask(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }
  // Editing opens in place of the list: its heading takes the focus, as a new page's would.
  const heading = (el: HTMLHeadingElement) => {
    if (editing) queueMicrotask(() => el.focus());
  };

  const described = (name: string, hint?: boolean) =>
    [hint && `task-${name}-hint`, errorOf(name) && `task-${name}-error`].filter(Boolean).join(' ') || undefined;
  const FieldError = (p: { name: string }) => (
    <Show when={errorOf(p.name)}>
      <p id={`task-${p.name}-error`} class="field-error">{errorOf(p.name)}</p>
    </Show>
  );
  const Field = (p: { name: string; label: string; hint?: string; optional?: boolean; children: JSX.Element }) => (
    <div class="field">
      <label for={`task-${p.name}`}>
        {p.label}
        <Show when={p.optional}><span class="meta"> {t('optional')}</span></Show>
      </label>
      <Show when={p.hint}><p id={`task-${p.name}-hint`} class="meta">{p.hint}</p></Show>
      {p.children}
      <FieldError name={p.name} />
    </div>
  );
  const Radios = <V extends string>(p: { name: string; legend: string; values: readonly V[]; value: V; onChange: (v: V) => void; label: (v: V) => string }) => (
    <fieldset class="choices">
      <legend>{p.legend}</legend>
      <For each={p.values}>
        {(v) => (
          <label>
            <input type="radio" name={p.name} value={v} checked={p.value === v} onChange={() => p.onChange(v)} />
            {p.label(v)}
          </label>
        )}
      </For>
    </fieldset>
  );

  return (
    <form
      class="form task-form panel"
      aria-labelledby="task-form-title"
      aria-describedby={editing && taken > 0 ? 'task-claims-kept' : undefined}
      onSubmit={onSubmit}
      novalidate
    >
      <h2 id="task-form-title" tabindex={editing ? '-1' : undefined} ref={heading}>
        {editing ? t('editTitle', { title: editing.title }) : t('formTitle')}
      </h2>
      <Show
        when={editing}
        fallback={
          <>
            <OrgSelect
              id="task-orgId"
              label={t('org')}
              orgs={orgs}
              value={orgId()}
              invalid={!!errorOf('orgId')}
              onChange={(id) => {
                setOrgId(id);
                if (FLOW_KINDS.includes(orgs.find((o) => o.id === id)?.kind ?? '')) setVisibility('flow_org');
              }}
            />
            <FieldError name="orgId" />
          </>
        }
      >
        {(task) => (
          <>
            <Show when={taken > 0}>
              <div id="task-claims-kept" class="notice notice-info">
                <p>{t('claimsKept', { n: taken })}</p>
              </div>
            </Show>
            {/* Fixed once published: shown, not offered. */}
            <dl class="facts">
              <dt>{t('org')}</dt>
              <dd>{task().orgName}</dd>
              <dt>{t('visibility')}</dt>
              <dd>{word('visibility', task().visibility)}</dd>
            </dl>
            <p class="meta">{t('fixedTerms')}</p>
          </>
        )}
      </Show>
      <Field name="kind" label={t('kind')}>
        <select
          id="task-kind"
          value={kind()}
          onChange={(event) => {
            const next = event.currentTarget.value as TaskKind;
            setKind(next);
            setUnit(UNIT_OF[next]);
          }}
        >
          <For each={TASK_KINDS}>{(k) => <option value={k}>{word('kind', k)}</option>}</For>
        </select>
      </Field>
      <Field name="title" label={t('taskTitle')}>
        <input id="task-title" name="title" maxLength={80} value={editing?.title ?? ''} aria-invalid={errorOf('title') ? 'true' : undefined} aria-describedby={described('title')} />
      </Field>
      <Field name="description" label={t('description')}>
        <textarea id="task-description" name="description" maxLength={2000} value={editing?.description ?? ''} aria-invalid={errorOf('description') ? 'true' : undefined} aria-describedby={described('description')} />
      </Field>
      <fieldset class="group">
        <legend>
          {t('target')}
          <Show when={!needsTarget()}><span class="meta"> {t('optional')}</span></Show>
        </legend>
        <p id="task-target.amount-hint" class="meta">{needsTarget() ? t('targetHintNumber') : t('targetHint')}</p>
        <div class="pair">
          <div class="field">
            <label for="task-target.amount">{t('targetAmount')}</label>
            <input
              id="task-target.amount"
              name="target.amount"
              type="number"
              inputmode="numeric"
              min="1"
              step="1"
              value={editing?.target?.amount ?? ''}
              aria-required={needsTarget() ? 'true' : undefined}
              aria-invalid={targetError() ? 'true' : undefined}
              aria-describedby={[`task-target.amount-hint`, targetError() && 'task-target.amount-error'].filter(Boolean).join(' ')}
            />
          </div>
          <div class="field">
            <label for="task-target.unit">{t('targetUnit')}</label>
            <select id="task-target.unit" value={unit()} onChange={(event) => setUnit(event.currentTarget.value as TargetUnit)}>
              <For each={TARGET_UNITS}>{(u) => <option value={u}>{word('unit', u)}</option>}</For>
            </select>
          </div>
        </div>
        <Show when={targetError()}>
          <p id="task-target.amount-error" class="field-error">{targetError()}</p>
        </Show>
      </fieldset>
      <fieldset class="group">
        <legend>{t('quota')}</legend>
        <label class="check">
          <input type="checkbox" checked={unlimited()} onChange={(event) => setUnlimited(event.currentTarget.checked)} />
          {t('unlimited')}
        </label>
        <Show when={!unlimited()}>
          <div class="field">
            <label for="task-quota">{t('quota')}</label>
            <Show when={taken > 0}>
              <p id="task-quota-hint" class="meta">{t('quotaTaken', { n: taken })}</p>
            </Show>
            <input
              id="task-quota"
              name="quota"
              type="number"
              inputmode="numeric"
              min={Math.max(1, taken)}
              step="1"
              value={editing?.quota ?? Math.max(10, taken)}
              aria-invalid={errorOf('quota') ? 'true' : undefined}
              aria-describedby={described('quota', taken > 0)}
            />
            <FieldError name="quota" />
          </div>
        </Show>
      </fieldset>
      <Field name="deadline" label={t('deadline')}>
        <input id="task-deadline" name="deadline" type="datetime-local" value={initialDeadline} aria-invalid={errorOf('deadline') ? 'true' : undefined} aria-describedby={described('deadline')} />
      </Field>
      <Show when={!editing}>
        <Radios name="visibility" legend={t('visibility')} values={visibilities()} value={chosenVisibility()} onChange={setVisibility} label={visibilityWord} />
        <FieldError name="visibility" />
      </Show>
      <Field name="city" label={t('city')} hint={t('cityHint')} optional>
        <input id="task-city" name="city" maxLength={40} value={editing ? (editing.city ?? '') : isFlow() ? (org()?.city ?? '') : ''} aria-invalid={errorOf('city') ? 'true' : undefined} aria-describedby={described('city', true)} />
      </Field>
      <Show
        when={isStudy()}
        fallback={
          <fieldset class="group">
            <legend>{t('evidence')}</legend>
            <label class="check">
              <input type="checkbox" name="evidence.text" checked={editing?.evidence.text ?? true} />
              {t('evidenceText')}
            </label>
            <label class="check">
              <input
                type="checkbox"
                name="evidence.number"
                checked={number()}
                aria-describedby="task-evidence.number-hint"
                onChange={(event) => setNumber(event.currentTarget.checked)}
              />
              {t('evidenceNumber')}
            </label>
            <p id="task-evidence.number-hint" class="meta">{t('evidenceNumberHint')}</p>
            <Radios name="evidence.photo" legend={t('photo')} values={PHOTO_RULES} value={photo()} onChange={setPhoto} label={(v) => word('photo', v)} />
            <Show when={photo() !== 'none'}>
              <Field name="evidence.photoReason" label={t('photoReason')} hint={t('photoReasonHint')}>
                <textarea
                  id="task-evidence.photoReason"
                  name="evidence.photoReason"
                  maxLength={200}
                  value={editing?.evidence.photoReason ?? ''}
                  aria-invalid={errorOf('evidence.photoReason') ? 'true' : undefined}
                  aria-describedby={described('evidence.photoReason', true)}
                />
              </Field>
            </Show>
          </fieldset>
        }
      >
        <fieldset class="group">
          <legend>{t('study')}</legend>
          <Radios name="study.format" legend={t('studyFormat')} values={STUDY_FORMATS} value={format()} onChange={setFormat} label={(v) => word('format', v)} />
          <Show
            when={format() === 'text'}
            fallback={
              <Field name="study.url" label={t('studyUrl')}>
                <input id="task-study.url" name="study.url" type="url" inputmode="url" value={editing?.study?.url ?? ''} aria-invalid={errorOf('study.url') ? 'true' : undefined} aria-describedby={described('study.url')} />
              </Field>
            }
          >
            <Field name="study.body" label={t('studyBody')}>
              <textarea id="task-study.body" name="study.body" value={editing?.study?.body ?? ''} aria-invalid={errorOf('study.body') ? 'true' : undefined} aria-describedby={described('study.body')} />
            </Field>
          </Show>
          <FieldError name="study" />
        </fieldset>
      </Show>
      <Field name="points" label={t('points')} hint={t('pointsHint')}>
        <input
          id="task-points"
          name="points"
          type="number"
          inputmode="numeric"
          min="1"
          max="100"
          step="1"
          value={editing?.points ?? 10}
          aria-invalid={errorOf('points') ? 'true' : undefined}
          aria-describedby={described('points', true)}
        />
      </Field>
      <Show when={Object.keys(local()).length > 0 || Object.keys(save.fields()).some((name) => FORM_FIELDS.has(name))}>
        <p class="field-error" role="alert">{t('fix')}</p>
      </Show>
      <Show when={otherFailure()}>
        {(message) => <ErrorNotice message={message()} />}
      </Show>
      {/* Someone else saved a version meanwhile: nothing was saved, and the latest version is one tap away. */}
      <Show when={conflict()}>
        <div class="notice notice-error task-form-failure" role="alert">
          <p>{t('conflict')}</p>
          <button type="button" onClick={() => props.onReload?.()}>{t('reload')}</button>
        </div>
      </Show>
      <div class="form-buttons">
        <Show
          when={editing}
          fallback={
            <>
              <button type="submit" value="publish" disabled={save.pending()} aria-busy={save.pending()}>{t('submit')}</button>
              <button type="submit" value="draft" class="secondary" disabled={save.pending()}>{t('saveDraft')}</button>
            </>
          }
        >
          <button type="submit" value="save" disabled={save.pending()} aria-busy={save.pending()}>{t('saveChanges')}</button>
        </Show>
        <button type="button" class="secondary" onClick={() => props.onCancel()}>{c('cancel')}</button>
      </div>
    </form>
  );
}
