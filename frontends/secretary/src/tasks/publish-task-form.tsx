import { For, Show, createSignal, untrack } from 'solid-js';
import { errorKind, tasks } from '@tongxin/api-client';
import { createAction, describeError } from '@tongxin/ui';
import { FLOW_KINDS, type TreeOrg } from '../shared/org-options.ts';
import { isoToChinaLocal } from '@tongxin/calendar';
import { FormFooter } from './form-footer.tsx';
import { t, word } from './messages.ts';
import { EvidenceFields, StudyFields } from './evidence-fields.tsx';
import { PublisherFields } from './publisher-fields.tsx';
import { readTaskForm, type Draft, type Fields } from './read-task-form.ts';
import { changesOf, type Changes } from './task-changes.ts';
import { TargetFields } from './target-fields.tsx';
import { Field, FieldError, FieldProblemsContext, Radios } from './task-form-parts.tsx';
import { TASK_KINDS, type ManagedTask, type PhotoRule, type StudyFormat, type TargetUnit, type TaskKind, type Visibility } from '../shared/tasks-api.ts';

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
  const errorOf = (field: string) => local()[field] ?? save.fields()[field];
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
    return others.length > 0 ? others.map((name) => fields[name]).join('；') : undefined;
  };
  const defaultDeadline = isoToChinaLocal(new Date(Date.now() + 14 * DAY_MS).toISOString()).slice(0, 11) + '18:00';
  const initialDeadline = editing ? isoToChinaLocal(editing.deadline) : defaultDeadline;

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const draft = (event.submitter as HTMLButtonElement | null)?.value === 'draft';
    const { input, problems } = readTaskForm(new FormData(form), {
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
  const chooseOrg = (id: string) => {
    setOrgId(id);
    if (FLOW_KINDS.includes(orgs.find((o) => o.id === id)?.kind ?? '')) setVisibility('flow_org');
  };

  return (
    <FieldProblemsContext.Provider value={{ errorOf, described }}>
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
        <PublisherFields editing={editing} taken={taken} orgs={orgs} orgId={orgId()} onOrg={chooseOrg} />
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
        <TargetFields
          editing={editing}
          needsTarget={needsTarget()}
          targetError={targetError()}
          unit={unit()}
          onUnit={setUnit}
          unlimited={unlimited()}
          onUnlimited={setUnlimited}
          taken={taken}
        />
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
        <Show when={isStudy()} fallback={<EvidenceFields editing={editing} number={number()} onNumber={setNumber} photo={photo()} onPhoto={setPhoto} />}>
          <StudyFields editing={editing} format={format()} onFormat={setFormat} />
        </Show>
        <Show when={!isStudy()} fallback={<p class="meta" id="task-points-study">{t('studyNoPoints')}</p>}>
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
        </Show>
        <Show when={isStudy() && errorOf('points')}><p class="field-error">{errorOf('points')}</p></Show>
        <FormFooter
          fieldProblems={Object.keys(local()).length > 0 || Object.keys(save.fields()).some((name) => FORM_FIELDS.has(name))}
          otherFailure={otherFailure()}
          conflict={conflict()}
          onReload={() => props.onReload?.()}
          editing={!!editing}
          pending={save.pending()}
          onCancel={() => props.onCancel()}
        />
      </form>
    </FieldProblemsContext.Provider>
  );
}
