import { Show, createSignal, onCleanup } from 'solid-js';
import { identity } from '@tongxin/api-client';
import { m } from './messages.ts';
import {
  CountySelect,
  FormFailure,
  PasswordPair,
  PublicPage,
  TextField,
  completeLogin,
  focusFirst,
  passwordProblems,
  serverProblems,
  type Problems,
} from './public-form.tsx';

type RequestField = 'tenantId' | 'phone';
type CompleteField = 'code' | 'password' | 'confirm';

const COOLDOWN_S = 60;
const phonePattern = /^1\d{10}$/;
// A wrong or stale code is one message: nothing tells whether the phone is registered.
const completeOverrides = { UNAUTHORIZED: 'reset.codeWrong', NOT_FOUND: 'error.unknownCounty' } as const;
const requestOverrides = { NOT_FOUND: 'error.unknownCounty' } as const;

/**
 * Forgotten password (`/reset`): a code by text message to the phone on the ledger, then a
 * new password; the answer to "send" is the same whether the phone is registered or not.
 * Success ends every other session of the account and logs the user in here.
 */
export default function ResetPage() {
  const [tenantId, setTenantId] = createSignal('');
  const [phone, setPhone] = createSignal('');
  const [requestProblems, setRequestProblems] = createSignal<Problems<RequestField>>({});
  const [requestFailure, setRequestFailure] = createSignal<unknown>(null);
  const [sending, setSending] = createSignal(false);
  const [sentTo, setSentTo] = createSignal<{ tenantId: string; phone: string } | null>(null);
  const [cooldownUntil, setCooldownUntil] = createSignal(0);
  const [now, setNow] = createSignal(Date.now());
  const timer = setInterval(() => setNow(Date.now()), 1000);
  onCleanup(() => clearInterval(timer));
  const secondsLeft = () => Math.max(0, Math.ceil((cooldownUntil() - now()) / 1000));

  const [code, setCode] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [confirmation, setConfirmation] = createSignal('');
  const [problems, setProblems] = createSignal<Problems<CompleteField>>({});
  const [failure, setFailure] = createSignal<unknown>(null);
  const [submitting, setSubmitting] = createSignal(false);

  const requestInputs: Partial<Record<RequestField, HTMLElement>> = {};
  const completeInputs: Partial<Record<CompleteField, HTMLElement>> = {};
  const cleanPhone = () => phone().replace(/[\s-]/g, '');
  const cleanCode = () => code().replace(/\s/g, '');

  async function send(event: SubmitEvent) {
    event.preventDefault();
    if (sending() || secondsLeft() > 0) return;
    const found: Problems<RequestField> = {};
    if (!tenantId()) found.tenantId = 'countyRequired';
    if (!cleanPhone()) found.phone = 'fieldRequired';
    else if (!phonePattern.test(cleanPhone())) found.phone = 'reset.phoneInvalid';
    setRequestProblems(found);
    setRequestFailure(null);
    if (focusFirst(['tenantId', 'phone'], found, requestInputs)) return;

    setSending(true);
    try {
      const values = { tenantId: tenantId(), phone: cleanPhone() };
      await identity.passwordReset.request.mutate(values);
      setSentTo(values);
      setNow(Date.now());
      setCooldownUntil(Date.now() + COOLDOWN_S * 1000);
      queueMicrotask(() => completeInputs.code?.focus());
    } catch (error) {
      setRequestProblems(serverProblems(error, { tenantId: 'tenantId', phone: 'phone' }));
      focusFirst(['tenantId', 'phone'], requestProblems(), requestInputs);
      setRequestFailure(error);
    } finally {
      setSending(false);
    }
  }

  async function complete(event: SubmitEvent) {
    event.preventDefault();
    const target = sentTo();
    if (submitting() || !target) return;
    const found: Problems<CompleteField> = {};
    if (!/^\d{6}$/.test(cleanCode())) found.code = 'reset.codeInvalid';
    Object.assign(found, passwordProblems(password(), confirmation()));
    setProblems(found);
    setFailure(null);
    if (focusFirst(['code', 'password', 'confirm'], found, completeInputs)) return;

    setSubmitting(true);
    try {
      const result = await identity.passwordReset.complete.mutate({ ...target, code: cleanCode(), newPassword: password() });
      completeLogin(result, '/', m('reset.done'));
    } catch (error) {
      setProblems(serverProblems(error, { code: 'code', newPassword: 'password' }));
      focusFirst(['code', 'password'], problems(), completeInputs);
      setFailure(error);
    } finally {
      setSubmitting(false);
    }
  }

  const sendLabel = () => {
    if (sending()) return m('submitting');
    if (secondsLeft() > 0) return m('reset.resendIn', { seconds: secondsLeft() });
    return sentTo() ? m('reset.resend') : m('reset.send');
  };

  return (
    <PublicPage title={m('reset.title')}>
      <form class="form" novalidate onSubmit={send}>
        <p class="hint">{m('reset.intro')}</p>
        <CountySelect
          value={tenantId()}
          onChange={setTenantId}
          problem={requestProblems().tenantId}
          ref={(element) => (requestInputs.tenantId = element)}
        />
        <TextField
          id="reset-phone"
          type="tel"
          inputmode="tel"
          autocomplete="tel"
          label={m('reset.phone')}
          value={phone()}
          onInput={setPhone}
          problem={requestProblems().phone}
          maxlength={13}
          ref={(element) => (requestInputs.phone = element)}
        />
        <Show when={requestFailure()}>{(error) => <FormFailure error={error()} overrides={requestOverrides} />}</Show>
        {/* Never `disabled` while it counts down: that would drop the keyboard focus. */}
        <button
          type="submit"
          class="wide"
          aria-disabled={sending() || secondsLeft() > 0 ? 'true' : undefined}
          aria-busy={sending()}
        >
          {sendLabel()}
        </button>
        <p class="hint" role="status">
          {sentTo() ? m('reset.sent') : ''}
        </p>
      </form>

      <Show when={sentTo()}>
        <form class="form after" novalidate onSubmit={complete}>
          <TextField
            id="reset-code"
            class="code"
            label={m('reset.code')}
            value={code()}
            onInput={setCode}
            problem={problems().code}
            autocomplete="one-time-code"
            inputmode="numeric"
            maxlength={7}
            ref={(element) => (completeInputs.code = element)}
          />
          <PasswordPair
            password={password()}
            confirmation={confirmation()}
            onPassword={setPassword}
            onConfirmation={setConfirmation}
            problems={problems()}
            ref={(field, element) => (completeInputs[field] = element)}
          />
          <p class="hint">{m('reset.note')}</p>
          <Show when={failure()}>{(error) => <FormFailure error={error()} overrides={completeOverrides} />}</Show>
          <button type="submit" aria-busy={submitting()}>
            {submitting() ? m('submitting') : m('reset.submit')}
          </button>
        </form>
      </Show>
    </PublicPage>
  );
}
