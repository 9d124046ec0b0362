import { Match, Show, Switch, createSignal, onMount } from 'solid-js';
import { identity, roster } from '@tongxin/api-client';
import { searchParam } from '../navigation.tsx';
import { displayCode, isWellFormedCode, normalizeCode } from './activation-code.ts';
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

type CodeField = 'tenantId' | 'code';
type PersonField = 'name' | 'idTail' | 'phone' | 'password' | 'confirm';
type Proof = 'idTail' | 'phone';

const phonePattern = /^1\d{10}$/;
const idTailPattern = /^\d{5}[\dX]$/;

/**
 * Member activation (`/activate?t=<tenantId>&code=<code>`, or typed by hand): the code is
 * checked first (it says nothing about the person), then the member confirms who they are
 * with their name and the end of their ID number or their ledger phone, chooses a password
 * and is logged in.
 */
export default function ActivatePage() {
  const linkTenant = searchParam('t') ?? '';
  const [tenantId, setTenantId] = createSignal(linkTenant);
  const [code, setCode] = createSignal(displayCode(searchParam('code') ?? ''));
  const [checked, setChecked] = createSignal<{ tenantName: string } | null>(null);
  const [codeProblems, setCodeProblems] = createSignal<Problems<CodeField>>({});
  const [checkFailure, setCheckFailure] = createSignal<unknown>(null);
  const [checking, setChecking] = createSignal(false);

  const [name, setName] = createSignal('');
  const [proof, setProof] = createSignal<Proof>('idTail');
  const [idTail, setIdTail] = createSignal('');
  const [phone, setPhone] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [confirmation, setConfirmation] = createSignal('');
  const [problems, setProblems] = createSignal<Problems<PersonField>>({});
  const [failure, setFailure] = createSignal<unknown>(null);
  const [submitting, setSubmitting] = createSignal(false);

  const codeInputs: Partial<Record<CodeField, HTMLElement>> = {};
  const personInputs: Partial<Record<PersonField, HTMLElement>> = {};

  /** A different code or county must be checked again. */
  function changeCode(value: string) {
    setCode(displayCode(value));
    setChecked(null);
    setCheckFailure(null);
  }

  async function check(options: { focus: boolean }) {
    if (checking()) return;
    const values = { tenantId: tenantId(), code: normalizeCode(code()) };
    const found: Problems<CodeField> = {};
    if (!values.tenantId) found.tenantId = 'countyRequired';
    if (!values.code) found.code = 'fieldRequired';
    else if (!isWellFormedCode(values.code)) found.code = 'activate.codeInvalid';
    setCodeProblems(found);
    setCheckFailure(null);
    if (focusFirst(['tenantId', 'code'], found, codeInputs)) return;

    setChecking(true);
    try {
      setChecked(await identity.activation.check.query(values));
      if (options.focus) queueMicrotask(() => personInputs.name?.focus());
    } catch (error) {
      setCodeProblems(serverProblems(error, { tenantId: 'tenantId', code: 'code' }));
      focusFirst(['tenantId', 'code'], codeProblems(), codeInputs);
      setCheckFailure(error);
    } finally {
      setChecking(false);
    }
  }

  // Opened from the link (or its QR code): the code is checked straight away.
  onMount(() => {
    if (linkTenant && code()) void check({ focus: false });
  });

  async function redeem(event: SubmitEvent) {
    event.preventDefault();
    if (submitting()) return;
    const proofValue = proof() === 'idTail' ? idTail().trim().toUpperCase() : phone().replace(/[\s-]/g, '');
    const found: Problems<PersonField> = {};
    if (!name().trim()) found.name = 'fieldRequired';
    if (proof() === 'idTail') {
      if (!proofValue) found.idTail = 'fieldRequired';
      else if (!idTailPattern.test(proofValue)) found.idTail = 'activate.idTailInvalid';
    } else if (!proofValue) found.phone = 'fieldRequired';
    else if (!phonePattern.test(proofValue)) found.phone = 'activate.phoneInvalid';
    Object.assign(found, passwordProblems(password(), confirmation()));
    setProblems(found);
    setFailure(null);
    if (focusFirst(['name', 'idTail', 'phone', 'password', 'confirm'], found, personInputs)) return;

    setSubmitting(true);
    try {
      const result = await identity.activation.redeem.mutate({
        tenantId: tenantId(),
        code: normalizeCode(code()),
        name: name().trim(),
        ...(proof() === 'idTail' ? { idTail: proofValue } : { phone: proofValue }),
        password: password(),
      });
      await untilRosterLinksAccount();
      completeLogin(result, '/member', m('activate.done'));
    } catch (error) {
      setProblems(serverProblems(error, { name: 'name', idTail: 'idTail', phone: 'phone', password: 'password' }));
      focusFirst(['name', 'idTail', 'phone', 'password'], problems(), personInputs);
      setFailure(error);
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <PublicPage title={m('activate.title')}>
      <form
        class="form"
        novalidate
        onSubmit={(event) => {
          event.preventDefault();
          void check({ focus: true });
        }}
      >
        <p class="hint">{m('activate.intro')}</p>
        <Show when={!linkTenant}>
          <CountySelect
            value={tenantId()}
            onChange={(value) => {
              setTenantId(value);
              setChecked(null);
            }}
            problem={codeProblems().tenantId}
            ref={(element) => (codeInputs.tenantId = element)}
          />
        </Show>
        <TextField
          id="activation-code"
          class="code"
          label={m('activate.code')}
          hint={m('activate.codeHint')}
          value={code()}
          onInput={changeCode}
          problem={codeProblems().code}
          autocapitalize="characters"
          maxlength={16}
          ref={(element) => (codeInputs.code = element)}
        />
        <Show when={checkFailure()}>{(error) => <FormFailure error={error()} />}</Show>
        <Show when={!checked()}>
          <button type="submit" aria-busy={checking()}>
            {checking() ? m('checking') : m('activate.next')}
          </button>
        </Show>
      </form>

      <Show when={checked()}>
        {(found) => (
          <form class="form after" novalidate onSubmit={redeem} aria-labelledby="activate-who-heading">
            <p class="notice notice-ok" role="status">
              {m('activate.forCounty', { county: found().tenantName })}
            </p>
            <h2 id="activate-who-heading">{m('activate.whoTitle')}</h2>
            <TextField
              id="activate-name"
              label={m('activate.name')}
              value={name()}
              onInput={setName}
              problem={problems().name}
              autocomplete="name"
              ref={(element) => (personInputs.name = element)}
            />
            <fieldset>
              <legend>{m('activate.proof')}</legend>
              <label class="choice">
                <input type="radio" name="proof" value="idTail" checked={proof() === 'idTail'} onChange={() => setProof('idTail')} />
                {m('activate.proofIdTail')}
              </label>
              <label class="choice">
                <input type="radio" name="proof" value="phone" checked={proof() === 'phone'} onChange={() => setProof('phone')} />
                {m('activate.proofPhone')}
              </label>
            </fieldset>
            <Switch>
              <Match when={proof() === 'idTail'}>
                <TextField
                  id="activate-id-tail"
                  label={m('activate.idTail')}
                  hint={m('activate.idTailHint')}
                  value={idTail()}
                  onInput={setIdTail}
                  problem={problems().idTail}
                  autocapitalize="characters"
                  maxlength={6}
                  ref={(element) => (personInputs.idTail = element)}
                />
              </Match>
              <Match when={proof() === 'phone'}>
                <TextField
                  id="activate-phone"
                  type="tel"
                  inputmode="tel"
                  autocomplete="tel"
                  label={m('activate.phone')}
                  hint={m('activate.phoneHint')}
                  value={phone()}
                  onInput={setPhone}
                  problem={problems().phone}
                  maxlength={13}
                  ref={(element) => (personInputs.phone = element)}
                />
              </Match>
            </Switch>
            <h2>{m('activate.passwordTitle')}</h2>
            <p class="hint">{m('activate.usernameNote')}</p>
            <PasswordPair
              password={password()}
              confirmation={confirmation()}
              onPassword={setPassword}
              onConfirmation={setConfirmation}
              problems={problems()}
              ref={(field, element) => (personInputs[field] = element)}
            />
            <Show when={failure()}>{(error) => <FormFailure error={error()} />}</Show>
            <button type="submit" aria-busy={submitting()}>
              {submitting() ? m('submitting') : m('activate.submit')}
            </button>
          </form>
        )}
      </Show>
    </PublicPage>
  );
}

/**
 * The roster learns the new account from identity's event a moment after activation (the
 * relay polls every 250 ms): the member's home needs it, so wait for it a few seconds at
 * most rather than open on "not found".
 */
async function untilRosterLinksAccount(tries = 20): Promise<void> {
  for (let i = 0; i < tries; i++) {
    try {
      await roster.members.me.query();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }
}
