import { For, Show, createSignal } from 'solid-js';
import { format } from '@tongxin/i18n';
import { ErrorNotice, createAction } from '@tongxin/ui';
import { c } from '../../shared/messages.ts';
import { formatChinaTime } from '../../shared/china-time.ts';
import { GRADES, scoringApi, type Grade, type Proposal } from '../scoring-api.ts';
import { failureText } from '../../shared/field-message.ts';
import { gradeText, t } from './messages.ts';

const BADGE: Record<Grade, string> = { excellent: 'badge-good', qualified: 'badge-good', basic: 'badge-warn', unqualified: 'badge-bad' };
type ConfirmInput = { year: number; memberId: string; grade: Grade; reason: string | null };
type NoProposalKey = `noProposal.${'not_enough_record' | 'requirements_not_met'}`;

/**
 * One member's proposal with its basis; the branch confirms it, or picks another grade and says
 * why. Without a proposal (issue 17: never 不合格 by default) the branch picks the grade itself.
 */
export function ProposalCard(props: { proposal: Proposal; onDone: (said: string) => void }) {
  const p = () => props.proposal;
  const id = () => `evaluation-${p().memberId}`;
  const [grade, setGrade] = createSignal<Grade | null>(p().grade);
  const [noGrade, setNoGrade] = createSignal(false);
  const [reason, setReason] = createSignal(p().overridden ? (p().reason ?? '') : '');
  const [missing, setMissing] = createSignal(false);
  const confirm = createAction((input: ConfirmInput) => scoringApi.evaluation.confirm.mutate(input));
  const differs = () => p().proposedGrade !== null && grade() !== p().proposedGrade;
  const reasonError = () => (missing() ? t('reasonRequired') : confirm.fields().reason);
  const gradeError = () => (noGrade() ? t('gradeRequired') : confirm.fields().grade);

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const text = reason().trim();
    const chosen = grade();
    setNoGrade(chosen === null);
    if (chosen === null) {
      document.getElementById(`${id()}-grade`)?.focus();
      return;
    }
    setMissing(differs() && text === '');
    if (missing()) {
      document.getElementById(`${id()}-reason`)?.focus();
      return;
    }
    const done = await confirm.run({ year: p().year, memberId: p().memberId, grade: chosen, reason: differs() ? text : null });
    if (done) props.onDone(t('confirmed', { name: p().name, grade: gradeText(chosen) }));
  }

  return (
    <li class="card" data-member={p().memberId}>
      <h2>{p().name}</h2>
      <Show when={p().branchName}><p class="meta">{p().branchName}</p></Show>
      <p>
        {t('basis', { points: format(p().basis.points), reports: format(p().basis.reports), meetings: format(p().basis.inPersonMeetings) })}
        <Show when={!p().basis.reportRuleApplies}>
          <span class="meta"> {t('reportsNotRequired')}</span>
        </Show>
      </p>
      <Show when={p().basis.meetingsAttended !== undefined}>
        <p class="meta">
          {t('basisMore', { attended: format(p().basis.meetingsAttended ?? 0), claimed: format(p().basis.tasksClaimed ?? 0), completed: format(p().basis.tasksCompleted ?? 0) })}
        </p>
      </Show>
      <p>
        <Show when={p().proposedGrade} fallback={<span class="badge">{t('noProposal')}</span>}>
          {(proposed) => <span class={`badge ${BADGE[proposed()]}`}>{t('proposal', { grade: gradeText(proposed()) })}</span>}
        </Show>{' '}
        <Show when={p().finalGrade} fallback={<span class="badge">{t('notConfirmed')}</span>}>
          {(final) => (
            <>
              <span class={`badge ${BADGE[final()]}`}>{t('final', { grade: gradeText(final()) })}</span>
              <Show when={p().overridden}> <span class="badge badge-warn">{t('overridden')}</span></Show>
            </>
          )}
        </Show>
      </p>
      <Show when={!p().proposedGrade && p().basis.noProposal}>
        {(why) => <p class="meta">{t(`noProposal.${why()}` as NoProposalKey)}</p>}
      </Show>
      <Show when={p().finalGrade && p().confirmedAt}>
        <p class="meta">{t('confirmedBy', { name: p().confirmedBy ?? '', date: formatChinaTime(p().confirmedAt!) })}</p>
      </Show>
      <Show when={p().overridden && p().reason}>
        <p class="meta">{t('reasonWas', { reason: p().reason! })}</p>
      </Show>
      <form class="panel" aria-label={t('confirmFor', { name: p().name })} onSubmit={onSubmit} novalidate>
        <div class="field">
          <label for={`${id()}-grade`}>{t('gradeFor', { name: p().name })}</label>
          <select
            id={`${id()}-grade`}
            value={grade() ?? ''}
            aria-invalid={gradeError() ? 'true' : undefined}
            onChange={(event) => {
              setGrade((event.currentTarget.value || null) as Grade | null);
              setMissing(false);
              setNoGrade(false);
            }}
          >
            <Show when={grade() === null}><option value="">{t('pickGrade')}</option></Show>
            <For each={GRADES}>{(g) => <option value={g}>{gradeText(g)}</option>}</For>
          </select>
          <Show when={gradeError()}><p class="field-error">{gradeError()}</p></Show>
        </div>
        <Show when={differs()}>
          <div class="field">
            <label for={`${id()}-reason`}>{t('reasonFor', { name: p().name })}</label>
            <p id={`${id()}-reason-hint`} class="meta">{t('reasonHint')}</p>
            <textarea
              id={`${id()}-reason`}
              value={reason()}
              maxLength={500}
              aria-invalid={reasonError() ? 'true' : undefined}
              aria-describedby={[`${id()}-reason-hint`, reasonError() && `${id()}-reason-error`].filter(Boolean).join(' ')}
              onInput={(event) => setReason(event.currentTarget.value)}
            />
            <Show when={reasonError()}><p id={`${id()}-reason-error`} class="field-error">{reasonError()}</p></Show>
          </div>
        </Show>
        <Show when={confirm.error() && !reasonError() && !gradeError()}>
          <ErrorNotice message={failureText(confirm.error())} />
        </Show>
        <div class="form-buttons">
          <button type="submit" disabled={confirm.pending()} aria-label={t('confirmFor', { name: p().name })}>
            {confirm.pending() ? c('saving') : t('confirm')}
          </button>
        </div>
      </form>
    </li>
  );
}
