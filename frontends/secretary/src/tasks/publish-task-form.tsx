import { For, Show, createSignal, type JSX } from 'solid-js';
import { ErrorNotice, createAction, describeError } from '@tongxin/ui';
import { FLOW_KINDS, type TreeOrg } from '../reporting/common/org-options.ts';
import { chinaLocalToIso, isoToChinaLocal } from '../reporting/common/period.ts';
import { c } from '../reporting/common/messages.ts';
import { OrgSelect } from '../tree/org-select.tsx';
import { fieldMessage, integerRange, requiredMessage } from './field-message.ts';
import { t, word } from './messages.ts';
import {
  PHOTO_RULES, STUDY_FORMATS, TARGET_UNITS, TASK_KINDS, tasksApi,
  type PhotoRule, type PublishTaskInput, type StudyFormat, type TargetUnit, type TaskKind, type Visibility,
} from './tasks-api.ts';

type Fields = Record<string, string>;
type Draft = Omit<PublishTaskInput, 'idempotencyKey'>;

// The unit a kind usually counts in: the form's first guess, which the secretary may change.
const UNIT_OF: Record<TaskKind, TargetUnit> = {
  sell_products: 'boxes', find_jobs: 'jobs', donation: 'yuan', promotion: 'orders', study: 'people', volunteer: 'hours', other: 'items',
};
const DAY_MS = 24 * 60 * 60 * 1000;
const COUNTY_KINDS = ['county', 'department'];

/**
 * Publish a task, or keep it as a draft. Evidence asks for a sentence and a number by
 * default; a photo only with a reason the member sees (brief: "evidence only where it matters").
 */
export function PublishTaskForm(props: { orgs: readonly TreeOrg[]; department: boolean; onDone: (said: string) => void; onCancel: () => void }) {
  // The department publishes for the county as its department org; a secretary for the top of their scope.
  const first = (props.department && props.orgs.find((o) => o.kind === 'department')) || props.orgs[0];
  const [orgId, setOrgId] = createSignal(first?.id ?? '');
  const [kind, setKind] = createSignal<TaskKind>('sell_products');
  const [unit, setUnit] = createSignal<TargetUnit>('boxes');
  const [unlimited, setUnlimited] = createSignal(false);
  const [photo, setPhoto] = createSignal<PhotoRule>('none');
  const [format, setFormat] = createSignal<StudyFormat>('text');
  const [visibility, setVisibility] = createSignal<Visibility>('org');
  const [local, setLocal] = createSignal<Fields>({});
  const publish = createAction((input: Draft, idempotencyKey: string) => tasksApi.tasks.publish.mutate({ ...input, idempotencyKey }));

  const org = () => props.orgs.find((o) => o.id === orgId());
  const isFlow = () => FLOW_KINDS.includes(org()?.kind ?? '');
  const visibilities = (): Visibility[] => [
    'org',
    // All mobile members of the county: the department's, as the county or its department org.
    ...(props.department && COUNTY_KINDS.includes(org()?.kind ?? '') ? (['tenant_mobile'] as const) : []),
    ...(isFlow() ? (['flow_org'] as const) : []),
  ];
  const chosenVisibility = () => (visibilities().includes(visibility()) ? visibility() : visibilities()[visibilities().length - 1]!);
  const isStudy = () => kind() === 'study';
  const errorOf = (field: string) => local()[field] ?? fieldMessage(publish.fields()[field]);
  const serverOnly = () => publish.error() && Object.keys(publish.fields()).length === 0;
  const defaultDeadline = isoToChinaLocal(new Date(Date.now() + 14 * DAY_MS).toISOString()).slice(0, 11) + '18:00';

  function read(form: HTMLFormElement): { input: Draft; problems: Fields } {
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const problems: Fields = {};
    const whole = (name: string, min: number, max: number) => {
      const raw = text(name);
      const value = Number(raw);
      if (raw === '') problems[name] = requiredMessage();
      else if (!Number.isInteger(value) || value < min || value > max) problems[name] = integerRange(min, max);
      return value;
    };
    const title = text('title');
    const description = text('description');
    if (title.length < 2) problems.title = title ? fieldMessage('Too small: expected string to have >=2 characters')! : requiredMessage();
    if (!description) problems.description = requiredMessage();
    const amountText = text('target.amount');
    const amount = amountText === '' ? null : whole('target.amount', 1, 100_000_000);
    const quota = unlimited() ? null : whole('quota', 1, 100_000);
    const points = whole('points', 1, 100);
    const deadlineText = text('deadline');
    let deadline = '';
    if (!deadlineText) problems.deadline = requiredMessage();
    else {
      deadline = chinaLocalToIso(deadlineText);
      if (new Date(deadline).getTime() <= Date.now()) problems.deadline = fieldMessage('future')!;
    }
    const photoReason = text('evidence.photoReason');
    if (!isStudy() && photo() !== 'none' && !photoReason) problems['evidence.photoReason'] = requiredMessage();
    const studyBody = text('study.body');
    const studyUrl = text('study.url');
    if (isStudy() && format() === 'text' && !studyBody) problems['study.body'] = requiredMessage();
    if (isStudy() && format() !== 'text' && !studyUrl) problems['study.url'] = requiredMessage();
    if (!orgId()) problems.orgId = requiredMessage();
    const input: Draft = {
      orgId: orgId(),
      kind: kind(),
      title,
      description,
      target: amount === null ? null : { amount, unit: unit() },
      quota,
      deadline,
      visibility: chosenVisibility(),
      city: text('city') || null,
      // A study task is confirmed by the member; it asks for no evidence.
      evidence: isStudy()
        ? { photo: 'none', photoReason: null, text: false, number: false }
        : { photo: photo(), photoReason: photo() === 'none' ? null : photoReason, text: data.has('evidence.text'), number: data.has('evidence.number') },
      points,
      study: isStudy() ? { format: format(), body: format() === 'text' ? studyBody : null, url: format() === 'text' ? null : studyUrl } : null,
      draft: false,
    };
    return { input, problems };
  }

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const draft = (event.submitter as HTMLButtonElement | null)?.value === 'draft';
    const { input, problems } = read(form);
    setLocal(problems);
    if (Object.keys(problems).length > 0) {
      form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const done = await publish.run({ ...input, draft });
    if (done) props.onDone(t(draft ? 'drafted' : 'published', { title: input.title }));
    else queueMicrotask(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }

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
    <form class="form task-form panel" aria-labelledby="task-form-title" onSubmit={onSubmit} novalidate>
      <h2 id="task-form-title">{t('formTitle')}</h2>
      <OrgSelect
        id="task-orgId"
        label={t('org')}
        orgs={props.orgs}
        value={orgId()}
        invalid={!!errorOf('orgId')}
        onChange={(id) => {
          setOrgId(id);
          if (FLOW_KINDS.includes(props.orgs.find((o) => o.id === id)?.kind ?? '')) setVisibility('flow_org');
        }}
      />
      <FieldError name="orgId" />
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
        <input id="task-title" name="title" maxLength={80} aria-invalid={errorOf('title') ? 'true' : undefined} aria-describedby={described('title')} />
      </Field>
      <Field name="description" label={t('description')}>
        <textarea id="task-description" name="description" maxLength={2000} aria-invalid={errorOf('description') ? 'true' : undefined} aria-describedby={described('description')} />
      </Field>
      <fieldset class="group">
        <legend>{t('target')}<span class="meta"> {t('optional')}</span></legend>
        <p id="task-target.amount-hint" class="meta">{t('targetHint')}</p>
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
              aria-invalid={errorOf('target.amount') ? 'true' : undefined}
              aria-describedby={described('target.amount', true)}
            />
          </div>
          <div class="field">
            <label for="task-target.unit">{t('targetUnit')}</label>
            <select id="task-target.unit" value={unit()} onChange={(event) => setUnit(event.currentTarget.value as TargetUnit)}>
              <For each={TARGET_UNITS}>{(u) => <option value={u}>{word('unit', u)}</option>}</For>
            </select>
          </div>
        </div>
        <FieldError name="target.amount" />
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
            <input
              id="task-quota"
              name="quota"
              type="number"
              inputmode="numeric"
              min="1"
              step="1"
              value="10"
              aria-invalid={errorOf('quota') ? 'true' : undefined}
              aria-describedby={described('quota')}
            />
            <FieldError name="quota" />
          </div>
        </Show>
      </fieldset>
      <Field name="deadline" label={t('deadline')}>
        <input id="task-deadline" name="deadline" type="datetime-local" value={defaultDeadline} aria-invalid={errorOf('deadline') ? 'true' : undefined} aria-describedby={described('deadline')} />
      </Field>
      <Radios name="visibility" legend={t('visibility')} values={visibilities()} value={chosenVisibility()} onChange={setVisibility} label={(v) => word('visibility', v)} />
      <FieldError name="visibility" />
      <Field name="city" label={t('city')} hint={t('cityHint')} optional>
        <input id="task-city" name="city" maxLength={40} value={isFlow() ? (org()?.city ?? '') : ''} aria-invalid={errorOf('city') ? 'true' : undefined} aria-describedby={described('city', true)} />
      </Field>
      <Show
        when={isStudy()}
        fallback={
          <fieldset class="group">
            <legend>{t('evidence')}</legend>
            <label class="check">
              <input type="checkbox" name="evidence.text" checked />
              {t('evidenceText')}
            </label>
            <label class="check">
              <input type="checkbox" name="evidence.number" checked />
              {t('evidenceNumber')}
            </label>
            <Radios name="evidence.photo" legend={t('photo')} values={PHOTO_RULES} value={photo()} onChange={setPhoto} label={(v) => word('photo', v)} />
            <Show when={photo() !== 'none'}>
              <Field name="evidence.photoReason" label={t('photoReason')} hint={t('photoReasonHint')}>
                <textarea
                  id="task-evidence.photoReason"
                  name="evidence.photoReason"
                  maxLength={200}
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
                <input id="task-study.url" name="study.url" type="url" inputmode="url" aria-invalid={errorOf('study.url') ? 'true' : undefined} aria-describedby={described('study.url')} />
              </Field>
            }
          >
            <Field name="study.body" label={t('studyBody')}>
              <textarea id="task-study.body" name="study.body" aria-invalid={errorOf('study.body') ? 'true' : undefined} aria-describedby={described('study.body')} />
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
          value="10"
          aria-invalid={errorOf('points') ? 'true' : undefined}
          aria-describedby={described('points', true)}
        />
      </Field>
      <Show when={Object.keys(local()).length > 0 || Object.keys(publish.fields()).length > 0}>
        <p class="field-error" role="alert">{t('fix')}</p>
      </Show>
      <Show when={serverOnly()}>
        <ErrorNotice message={describeError(publish.error())} />
      </Show>
      <div class="form-buttons">
        <button type="submit" value="publish" disabled={publish.pending()} aria-busy={publish.pending()}>{t('submit')}</button>
        <button type="submit" value="draft" class="secondary" disabled={publish.pending()}>{t('saveDraft')}</button>
        <button type="button" class="secondary" onClick={() => props.onCancel()}>{c('cancel')}</button>
      </div>
    </form>
  );
}
