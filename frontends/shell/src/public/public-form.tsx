import { For, Match, Show, Switch, createEffect, createResource, type JSX } from 'solid-js';
import { errorKind, errorReason, fieldErrors, identity } from '@tongxin/api-client';
import type { ErrorCode } from '@tongxin/errors';
import { ErrorNotice, Loading, describeError } from '@tongxin/ui';
import { navigate } from '../navigation.tsx';
import { setSession, setSessionEnded, setArrivalNotice } from '../session.ts';
import { m, type PublicMessage } from './messages.ts';

/** The styles of the public pages (phone first); the page-wide basics come from @tongxin/ui. */
const css = `
.public-page { max-width: 26rem; margin: 0 auto; }
.public-page .form { max-width: none; }
.public-page .hint { margin: 0; color: var(--color-muted); font-size: 0.95rem; }
.public-page input, .public-page select { min-height: 2.75rem; }
.public-page button[type="submit"], .public-page .wide { width: 100%; min-height: 3rem; }
.public-page h2 { font-size: 1.1rem; margin: 0.5rem 0 0; }
.public-page h2:focus { outline: none; }
.public-page h2:focus-visible { outline: 3px solid var(--color-focus); }
.public-page fieldset { border: 0; margin: 0; padding: 0; display: grid; gap: 0.25rem; min-width: 0; }
.public-page legend { font-weight: 600; padding: 0; margin-bottom: 0.25rem; }
.public-page .choice { display: flex; gap: 0.5rem; align-items: center; min-height: 2.75rem; }
.public-page .choice input { width: 1.25rem; height: 1.25rem; min-height: 0; margin: 0; }
.public-page .code { font-family: ui-monospace, monospace; letter-spacing: 0.08em; font-size: 1.15rem; }
.public-page .facts { margin: 0 0 1rem; }
.public-page .notice-ok { background: #eaf6ec; color: #1d5a2a; border: 1px solid #2f7a3e; }
.public-page .after { margin: 1.25rem 0 0; }
.public-page button[aria-disabled="true"] { opacity: 0.7; cursor: default; }
`;

export function PublicPage(props: { title: string; children: JSX.Element }) {
  return (
    <section class="public-page">
      <style>{css}</style>
      <h1>{props.title}</h1>
      {props.children}
    </section>
  );
}

export type Problems<F extends string> = Partial<Record<F, PublicMessage>>;

/** A labelled input with its hint and its problem, both read out with it. */
export function TextField(props: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  problem?: PublicMessage | undefined;
  hint?: string;
  type?: 'text' | 'password' | 'tel';
  autocomplete?: string;
  inputmode?: 'text' | 'numeric' | 'tel';
  autocapitalize?: 'none' | 'characters';
  maxlength?: number;
  class?: string;
  ref?: (element: HTMLInputElement) => void;
}) {
  const describedBy = () =>
    [props.hint ? `${props.id}-hint` : '', props.problem ? `${props.id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <Show when={props.hint}>
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      </Show>
      <input
        id={props.id}
        ref={(element) => props.ref?.(element)}
        class={props.class}
        type={props.type ?? 'text'}
        value={props.value}
        autocomplete={props.autocomplete ?? 'off'}
        inputmode={props.inputmode}
        autocapitalize={props.autocapitalize}
        spellcheck={false}
        maxlength={props.maxlength}
        aria-invalid={props.problem ? true : undefined}
        aria-describedby={describedBy()}
        onInput={(event) => props.onInput(event.currentTarget.value)}
      />
      <Show when={props.problem}>
        {(key) => (
          <p class="field-error" id={`${props.id}-error`}>
            {m(key())}
          </p>
        )}
      </Show>
    </div>
  );
}

/** The county picker of the login page (counties only: operators have no ledger phone). */
export function CountySelect(props: {
  value: string;
  onChange: (tenantId: string) => void;
  problem?: PublicMessage | undefined;
  ref?: (element: HTMLSelectElement) => void;
}) {
  const [tenants, { refetch }] = createResource(async () => (await identity.auth.tenants.query()).filter((tenant) => tenant.id !== 'platform' && !tenant.suspended));
  // A single county is chosen for the user.
  createEffect(() => {
    const list = tenants();
    if (list?.length === 1 && !props.value) props.onChange(list[0]!.id);
  });
  return (
    <Switch>
      <Match when={tenants.error}>
        <ErrorNotice message={describeError(tenants.error)} onRetry={refetch} />
      </Match>
      <Match when={tenants.loading}>
        <Loading />
      </Match>
      <Match when={tenants()}>
        {(list) => (
            <div class="field">
              <label for="tenantId">{m('county')}</label>
              <select
                id="tenantId"
                ref={(element) => props.ref?.(element)}
                value={props.value}
                onChange={(event) => props.onChange(event.currentTarget.value)}
                aria-invalid={props.problem ? true : undefined}
                aria-describedby={props.problem ? 'tenantId-error' : undefined}
              >
                <option value="">{m('countyPlaceholder')}</option>
                <For each={list()}>{(tenant) => <option value={tenant.id}>{tenant.name}</option>}</For>
              </select>
              <Show when={props.problem}>
                {(key) => (
                  <p class="field-error" id="tenantId-error">
                    {m(key())}
                  </p>
                )}
              </Show>
            </div>
        )}
      </Match>
    </Switch>
  );
}

/** The same rule as identity's password policy (its length); the server also refuses common ones. */
export const MIN_PASSWORD_LENGTH = 10;

export function passwordProblems(password: string, confirmation: string): Problems<'password' | 'confirm'> {
  const problems: Problems<'password' | 'confirm'> = {};
  if (!password) problems.password = 'fieldRequired';
  else if (password.length < MIN_PASSWORD_LENGTH) problems.password = 'password.tooShort';
  if (!confirmation) problems.confirm = 'fieldRequired';
  else if (password && confirmation !== password) problems.confirm = 'password.mismatch';
  return problems;
}

/** New password and its confirmation, with the rule said up front. */
export function PasswordPair(props: {
  password: string;
  confirmation: string;
  onPassword: (value: string) => void;
  onConfirmation: (value: string) => void;
  problems: Problems<'password' | 'confirm'>;
  labels?: { password: string; confirm: string };
  ref?: (field: 'password' | 'confirm', element: HTMLInputElement) => void;
}) {
  return (
    <>
      <TextField
        id="new-password"
        type="password"
        autocomplete="new-password"
        label={props.labels?.password ?? m('password.new')}
        hint={m('password.hint')}
        value={props.password}
        onInput={props.onPassword}
        problem={props.problems.password}
        ref={(element) => props.ref?.('password', element)}
      />
      <TextField
        id="confirm-password"
        type="password"
        autocomplete="new-password"
        label={props.labels?.confirm ?? m('password.confirm')}
        value={props.confirmation}
        onInput={props.onConfirmation}
        problem={props.problems.confirm}
        ref={(element) => props.ref?.('confirm', element)}
      />
    </>
  );
}

/** A server's per-field refusal (its error code) as one of our messages. */
export function fieldProblem(field: string, code: ErrorCode): PublicMessage {
  if (/password/i.test(field)) {
    if (code === 'password_common') return 'password.tooCommon';
    if (code === 'password_too_short' || code === 'too_short' || code === 'required') return 'password.tooShort';
  }
  if (field === 'username') return 'setup.usernameInvalid';
  return 'fieldInvalid';
}

/** BAD_REQUEST's fields, renamed to this form's fields and translated. */
export function serverProblems<F extends string>(error: unknown, fieldNames: Record<string, F>): Problems<F> {
  const problems: Problems<F> = {};
  for (const [field, problem] of Object.entries(fieldErrors(error))) {
    const local = fieldNames[field];
    if (local) problems[local] = fieldProblem(field, problem.code);
  }
  return problems;
}

/** What the page says about a failed call, in the user's language (null: shown beside the fields). */
export function failureMessage(error: unknown, overrides?: Partial<Record<string, PublicMessage>>): { message: string; detail?: string } {
  const kind = errorKind(error);
  const override = overrides?.[kind];
  if (override) return { message: m(override) };
  switch (kind) {
    case 'NOT_FOUND':
      return { message: m('error.expired'), detail: m('error.expiredDetail') };
    case 'UNAUTHORIZED':
      return { message: m('error.mismatch'), detail: m('error.mismatchDetail') };
    case 'TOO_MANY_REQUESTS':
      return { message: m('error.tooMany') };
    case 'CONFLICT':
      // Two conflicts: the account is active already, or the phone belongs to another account.
      return { message: m(errorReason(error)?.code === 'phone_taken' ? 'error.phoneTaken' : 'error.alreadyActive') };
    case 'FORBIDDEN':
      return { message: m('error.suspended') };
    case 'BAD_REQUEST':
      return { message: m('error.checkFields') };
    default:
      return { message: describeError(error) };
  }
}

/** The failure of a form's call; "already active" and "no longer valid" (a used code) come with the way to log in. */
export function FormFailure(props: { error: unknown; overrides?: Partial<Record<string, PublicMessage>>; onRetry?: (() => void) | undefined }) {
  const described = () => failureMessage(props.error, props.overrides);
  return (
    <>
      <ErrorNotice message={described().message} detail={described().detail} onRetry={props.onRetry} />
      <Show when={errorKind(props.error) === 'NOT_FOUND' || (errorKind(props.error) === 'CONFLICT' && described().message === m('error.alreadyActive'))}>
        <p>
          <a href="/login" onClick={(event) => goTo(event, '/login')}>
            {m('toLogin')}
          </a>
        </p>
      </Show>
    </>
  );
}

function goTo(event: MouseEvent, to: string) {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(to);
}

type LoginResult = Awaited<ReturnType<typeof identity.auth.login.mutate>>;

/** The call logged the user in (its cookies are set): the shell knows them now, as after login. */
export function completeLogin(result: LoginResult, to: string, notice?: string) {
  setSession({ user: result.user, tenantId: result.tenantId, roles: result.roles });
  setSessionEnded(false);
  setArrivalNotice(notice ?? null);
  navigate(to, { replace: true });
}

/** Focus the first field with a problem, in the order the form shows them. */
export function focusFirst<F extends string>(order: readonly F[], problems: Problems<F>, elements: Partial<Record<F, HTMLElement>>): boolean {
  const first = order.find((field) => problems[field]);
  if (!first) return false;
  elements[first]?.focus();
  return true;
}

export function RoleName(props: { role: string }) {
  const key = () => `invite.role.${props.role}` as PublicMessage;
  return <>{['department', 'secretary', 'operator', 'member'].includes(props.role) ? m(key()) : props.role}</>;
}
