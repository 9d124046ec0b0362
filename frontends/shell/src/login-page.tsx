import { For, Match, Show, Switch, createResource, createSignal } from 'solid-js';
import { errorKind, fieldErrors, identity } from '@tongxin/api-client';
import { t, type MessageKey } from '@tongxin/i18n';
import { ErrorNotice, Loading, describeError } from '@tongxin/ui';
import { Link, navigate, searchParam } from './navigation.tsx';
import { safeNext, sessionEnded, setSession, setSessionEnded } from './session.ts';

type Field = 'tenantId' | 'username' | 'password';
const requiredMessage: Record<Field, MessageKey> = {
  tenantId: 'login.tenantRequired',
  username: 'login.usernameRequired',
  password: 'login.passwordRequired',
};

/** What a failed login means for the person typing (wrong password, locked, …). */
function loginFailure(error: unknown): MessageKey | null {
  switch (errorKind(error)) {
    case 'UNAUTHORIZED':
      return 'login.wrongCredentials';
    case 'TOO_MANY_REQUESTS':
      return 'login.locked';
    case 'NOT_FOUND':
      return 'login.unknownTenant';
    case 'FORBIDDEN':
      return 'login.suspended';
    default:
      return null;
  }
}

function failureMessage(error: unknown): string {
  const key = loginFailure(error);
  return key ? t(key) : describeError(error);
}

export function LoginPage() {
  const [tenants, { refetch: refetchTenants }] = createResource(() => identity.auth.tenants.query());
  const [tenantId, setTenantId] = createSignal('');
  const [username, setUsername] = createSignal('');
  const [password, setPassword] = createSignal('');
  // Message keys, not strings, so the messages follow a language switch.
  const [problems, setProblems] = createSignal<Partial<Record<Field, MessageKey>>>({});
  const [failure, setFailure] = createSignal<unknown>(null);
  const [submitting, setSubmitting] = createSignal(false);
  const inputs: Partial<Record<Field, HTMLInputElement | HTMLSelectElement>> = {};

  const chosenTenant = () => tenantId() || (tenants()?.length === 1 ? tenants()![0]!.id : '');

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const values: Record<Field, string> = { tenantId: chosenTenant(), username: username().trim(), password: password() };
    const missing: Partial<Record<Field, MessageKey>> = {};
    for (const field of ['tenantId', 'username', 'password'] as const) if (!values[field]) missing[field] = requiredMessage[field];
    setProblems(missing);
    setFailure(null);
    const first = (Object.keys(missing) as Field[])[0];
    if (first) return inputs[first]?.focus();

    setSubmitting(true);
    try {
      const result = await identity.auth.login.mutate(values);
      setSession({ user: result.user, tenantId: result.tenantId, roles: result.roles });
      setSessionEnded(false);
      navigate(safeNext(searchParam('next')), { replace: true });
    } catch (error) {
      const fields = fieldErrors(error);
      const invalid: Partial<Record<Field, MessageKey>> = {};
      for (const field of Object.keys(fields)) if (field in requiredMessage) invalid[field as Field] = 'login.fieldInvalid';
      setProblems(invalid);
      setFailure(error);
    } finally {
      setSubmitting(false);
    }
  }

  const describedBy = (field: Field) => (problems()[field] ? `${field}-error` : undefined);
  const FieldError = (props: { field: Field }) => (
    <Show when={problems()[props.field]}>
      {(key) => (
        <p class="field-error" id={`${props.field}-error`}>
          {t(key())}
        </p>
      )}
    </Show>
  );

  return (
    <section>
      <h1>{t('login.title')}</h1>
      <Show when={sessionEnded()}>
        <p class="notice" role="status">
          {t('login.sessionEnded')}
        </p>
      </Show>
      <Switch>
        <Match when={tenants.error}>
          <ErrorNotice message={describeError(tenants.error)} onRetry={refetchTenants} />
        </Match>
        <Match when={tenants.loading}>
          <Loading />
        </Match>
        <Match when={tenants()}>
          {(list) => (
            <form class="form" onSubmit={submit} novalidate>
              <Show when={failure()}>
                {(error) => <ErrorNotice message={failureMessage(error())} />}
              </Show>
              <div class="field">
                <label for="tenantId">{t('login.tenant')}</label>
                <select
                  id="tenantId"
                  ref={(el) => (inputs.tenantId = el)}
                  value={chosenTenant()}
                  onChange={(event) => setTenantId(event.currentTarget.value)}
                  aria-invalid={problems().tenantId ? true : undefined}
                  aria-describedby={describedBy('tenantId')}
                >
                  <option value="">{t('login.tenantPlaceholder')}</option>
                  <For each={list()}>{(tenant) => <option value={tenant.id}>{tenant.suspended ? t('login.suspendedTenant', { name: tenant.name }) : tenant.name}</option>}</For>
                </select>
                <FieldError field="tenantId" />
              </div>
              <div class="field">
                <label for="username">{t('login.username')}</label>
                <input
                  id="username"
                  ref={(el) => (inputs.username = el)}
                  autocomplete="username"
                  autocapitalize="none"
                  value={username()}
                  onInput={(event) => setUsername(event.currentTarget.value)}
                  aria-invalid={problems().username ? true : undefined}
                  aria-describedby={describedBy('username')}
                />
                <FieldError field="username" />
              </div>
              <div class="field">
                <label for="password">{t('login.password')}</label>
                <input
                  id="password"
                  type="password"
                  ref={(el) => (inputs.password = el)}
                  autocomplete="current-password"
                  value={password()}
                  onInput={(event) => setPassword(event.currentTarget.value)}
                  aria-invalid={problems().password ? true : undefined}
                  aria-describedby={describedBy('password')}
                />
                <FieldError field="password" />
              </div>
              <button type="submit" disabled={submitting()}>
                {t(submitting() ? 'login.submitting' : 'login.submit')}
              </button>
            </form>
          )}
        </Match>
      </Switch>
      {/* After the form, so the keyboard reaches county, account, password and login first. */}
      <nav class="login-links" aria-label={t('login.otherActions')}>
        <Link href="/reset">{t('login.forgotPassword')}</Link>
        <Link href="/activate">{t('login.activate')}</Link>
      </nav>
    </section>
  );
}
