import { Match, Show, Switch, createResource, createSignal } from 'solid-js';
import { errorReason, reporting } from '@tongxin/api-client';
import { format } from '@tongxin/i18n';
import { ErrorNotice, Loading, problemMessage } from '@tongxin/ui';
import { searchParam } from '../navigation.tsx';
import { a } from './checkin-answer-messages.ts';
import { PublicPage, TextField } from './public-form.tsx';

type Answer = 'confirm' | 'decline';
type DeclineCode = 'identity_unverifiable' | 'wrong_organization';
type Done = 'accepted' | 'refused';

/** A used link says how it was answered; every other refusal in the dictionary's words. */
function refusalText(error: unknown): string {
  const reason = errorReason(error);
  if (reason?.code === 'checkin_link_used') return a(reason.params.answer === 'confirmed' ? 'used.confirmed' : 'used.declined');
  return problemMessage(error);
}

/**
 * The single-use link a destination outside Tongxin answers a member's check-in by
 * (`/checkin-answer?t=<county>&token=<token>`, issue 17), opened from a text message without an
 * account. It shows what the server answers, the member's name, home branch and certificate
 * validity, and takes one answer: accept, or cannot accept for one of the brief's reasons.
 */
export default function CheckinAnswerPage() {
  const tenantId = searchParam('t') ?? '';
  const token = searchParam('token') ?? '';
  const [request, { refetch }] = createResource(
    () => (tenantId && token ? { tenantId, token } : false),
    (input) => reporting.checkinLinks.open.query(input),
  );
  const [answer, setAnswer] = createSignal<Answer | null>(null);
  const [declineCode, setDeclineCode] = createSignal<DeclineCode | null>(null);
  const [rightOrg, setRightOrg] = createSignal('');
  const [problem, setProblem] = createSignal<'answer' | 'reason' | null>(null);
  const [failure, setFailure] = createSignal<unknown>(null);
  const [submitting, setSubmitting] = createSignal(false);
  const [done, setDone] = createSignal<Done | null>(null);
  let firstAnswer: HTMLInputElement | undefined;
  let firstReason: HTMLInputElement | undefined;
  let doneNote: HTMLParagraphElement | undefined;

  async function send(event: SubmitEvent) {
    event.preventDefault();
    if (submitting()) return;
    setFailure(null);
    if (!answer()) {
      setProblem('answer');
      firstAnswer?.focus();
      return;
    }
    if (answer() === 'decline' && !declineCode()) {
      setProblem('reason');
      firstReason?.focus();
      return;
    }
    setProblem(null);
    setSubmitting(true);
    try {
      const wrongOrg = answer() === 'decline' && declineCode() === 'wrong_organization' && rightOrg().trim();
      const result = await reporting.checkinLinks.answer.mutate({
        tenantId,
        token,
        answer: answer()!,
        ...(answer() === 'decline' ? { declineCode: declineCode()! } : {}),
        ...(wrongOrg ? { rightOrg: rightOrg().trim() } : {}),
      });
      setDone(result.status);
      queueMicrotask(() => doneNote?.focus());
    } catch (error) {
      setFailure(error);
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <PublicPage title={a('title')}>
      <Switch>
        <Match when={!tenantId || !token}>
          <ErrorNotice message={a('incomplete')} />
        </Match>
        <Match when={done()}>
          {(status) => (
            <p class="notice notice-ok" role="status" tabindex="-1" ref={doneNote}>
              {a(status() === 'accepted' ? 'done.accepted' : 'done.refused')}
            </p>
          )}
        </Match>
        <Match when={request.error}>
          <ErrorNotice message={refusalText(request.error)} onRetry={errorReason(request.error) ? undefined : refetch} />
        </Match>
        <Match when={request()}>
          {(seen) => (
            <>
              <p class="hint">{a('intro')}</p>
              <dl class="facts">
                <dt>{a('organization')}</dt>
                <dd>{seen().organization}</dd>
                <dt>{a('member')}</dt>
                <dd>{seen().memberName}</dd>
                <dt>{a('homeBranch')}</dt>
                <dd>{seen().homeBranch ?? '—'}</dd>
                <dt>{a('certificate')}</dt>
                <dd>
                  <Show when={seen().certificate} fallback={a('certificateNone')}>
                    {(certificate) => a('certificateLine', { number: certificate().number, validUntil: certificate().validUntil, state: a(`state.${certificate().state}`) })}
                  </Show>
                </dd>
                <Show when={seen().note}>
                  {(note) => (
                    <>
                      <dt>{a('note')}</dt>
                      <dd style={{ 'white-space': 'pre-wrap' }}>{note()}</dd>
                    </>
                  )}
                </Show>
              </dl>
              <p class="hint">{a('linkUntil', { date: format(new Date(seen().expiresAt)) })}</p>
              <form class="form" novalidate onSubmit={send}>
                <fieldset aria-describedby={problem() === 'answer' ? 'answer-error' : undefined}>
                  <legend>{a('answer')}</legend>
                  <label class="choice">
                    <input type="radio" name="answer" value="confirm" ref={firstAnswer} checked={answer() === 'confirm'} onChange={() => setAnswer('confirm')} />
                    {a('confirm')}
                  </label>
                  <label class="choice">
                    <input type="radio" name="answer" value="decline" checked={answer() === 'decline'} onChange={() => setAnswer('decline')} />
                    {a('decline')}
                  </label>
                  <Show when={problem() === 'answer'}>
                    <p class="field-error" id="answer-error">{a('answerRequired')}</p>
                  </Show>
                </fieldset>
                <Show when={answer() === 'decline'}>
                  <fieldset aria-describedby={problem() === 'reason' ? 'reason-error' : undefined}>
                    <legend>{a('reason')}</legend>
                    <label class="choice">
                      <input type="radio" name="reason" value="identity_unverifiable" ref={firstReason} checked={declineCode() === 'identity_unverifiable'} onChange={() => setDeclineCode('identity_unverifiable')} />
                      {a('reason.identity_unverifiable')}
                    </label>
                    <label class="choice">
                      <input type="radio" name="reason" value="wrong_organization" checked={declineCode() === 'wrong_organization'} onChange={() => setDeclineCode('wrong_organization')} />
                      {a('reason.wrong_organization')}
                    </label>
                    <Show when={problem() === 'reason'}>
                      <p class="field-error" id="reason-error">{a('reasonRequired')}</p>
                    </Show>
                  </fieldset>
                  <Show when={declineCode() === 'wrong_organization'}>
                    <TextField id="right-org" label={a('rightOrg')} hint={a('rightOrgHint')} value={rightOrg()} onInput={setRightOrg} maxlength={100} />
                  </Show>
                </Show>
                <Show when={failure()}>{(error) => <ErrorNotice message={refusalText(error())} />}</Show>
                <button type="submit" aria-busy={submitting()}>
                  {submitting() ? a('submit') + '…' : a('submit')}
                </button>
              </form>
              <p class="hint">{a('privacy')}</p>
            </>
          )}
        </Match>
        <Match when={true}>
          <Loading />
        </Match>
      </Switch>
    </PublicPage>
  );
}
