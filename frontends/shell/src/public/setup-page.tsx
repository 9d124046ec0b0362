import { Match, Show, Switch, createResource, createSignal } from 'solid-js';
import { errorKind, identity } from '@tongxin/api-client';
import { ErrorNotice, Loading } from '@tongxin/ui';
import { searchParam } from '../navigation.tsx';
import { m } from './messages.ts';
import {
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

type Field = 'username' | 'name' | 'password' | 'confirm';

/** Identity's rule for an operator's account name. */
const usernamePattern = /^[\w.@-]{3,64}$/;

/**
 * The first platform operator of a fresh database (`/setup?token=…`, printed once by
 * `npm start`): an account name, a name and a password, then logged in as the operator.
 */
export default function SetupPage() {
  const token = searchParam('token') ?? '';
  const [validity, { refetch }] = createResource(
    () => token || false,
    (value) => identity.setup.check.query({ token: value }),
  );

  const [username, setUsername] = createSignal('');
  const [name, setName] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [confirmation, setConfirmation] = createSignal('');
  const [problems, setProblems] = createSignal<Problems<Field>>({});
  const [failure, setFailure] = createSignal<unknown>(null);
  const [submitting, setSubmitting] = createSignal(false);
  const inputs: Partial<Record<Field, HTMLElement>> = {};

  async function create(event: SubmitEvent) {
    event.preventDefault();
    if (submitting()) return;
    const found: Problems<Field> = {};
    if (!username().trim()) found.username = 'fieldRequired';
    else if (!usernamePattern.test(username().trim())) found.username = 'setup.usernameInvalid';
    if (!name().trim()) found.name = 'fieldRequired';
    Object.assign(found, passwordProblems(password(), confirmation()));
    setProblems(found);
    setFailure(null);
    if (focusFirst(['username', 'name', 'password', 'confirm'], found, inputs)) return;

    setSubmitting(true);
    try {
      const result = await identity.setup.complete.mutate({ token, username: username().trim(), name: name().trim(), password: password() });
      completeLogin(result, '/operator');
    } catch (error) {
      setProblems(serverProblems(error, { username: 'username', name: 'name', password: 'password' }));
      focusFirst(['username', 'name', 'password'], problems(), inputs);
      setFailure(error);
    } finally {
      setSubmitting(false);
    }
  }

  const Invalid = () => <ErrorNotice message={m('setup.invalid')} detail={m('setup.invalidDetail')} />;

  return (
    <PublicPage title={m('setup.title')}>
      <Switch>
        {/* Expired, used or unknown: identity answers NOT_FOUND alike. */}
        <Match when={!token || (validity.error && errorKind(validity.error) === 'NOT_FOUND')}>
          <Invalid />
        </Match>
        <Match when={validity.error}>
          <FormFailure error={validity.error} onRetry={refetch} />
        </Match>
        <Match when={validity()?.valid}>
          <form class="form" novalidate onSubmit={create}>
            <p class="hint">{m('setup.intro')}</p>
            <TextField
              id="setup-username"
              label={m('setup.username')}
              hint={m('setup.usernameHint')}
              value={username()}
              onInput={setUsername}
              problem={problems().username}
              autocomplete="username"
              autocapitalize="none"
              ref={(element) => (inputs.username = element)}
            />
            <TextField
              id="setup-name"
              label={m('setup.name')}
              value={name()}
              onInput={setName}
              problem={problems().name}
              autocomplete="name"
              ref={(element) => (inputs.name = element)}
            />
            <PasswordPair
              password={password()}
              confirmation={confirmation()}
              onPassword={setPassword}
              onConfirmation={setConfirmation}
              problems={problems()}
              labels={{ password: m('setup.password'), confirm: m('setup.passwordConfirm') }}
              ref={(field, element) => (inputs[field] = element)}
            />
            <Show when={failure()}>
              {(error) => <FormFailure error={error()} overrides={{ NOT_FOUND: 'setup.invalid' }} />}
            </Show>
            <button type="submit" aria-busy={submitting()}>
              {submitting() ? m('submitting') : m('setup.submit')}
            </button>
          </form>
        </Match>
        <Match when={true}>
          <Loading />
        </Match>
      </Switch>
    </PublicPage>
  );
}
