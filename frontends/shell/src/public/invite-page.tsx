import { For, Match, Show, Switch, createResource, createSignal } from 'solid-js';
import { errorKind, identity } from '@tongxin/api-client';
import { Loading } from '@tongxin/ui';
import { searchParam } from '../navigation.tsx';
import { m } from './messages.ts';
import {
  FormFailure,
  PasswordPair,
  PublicPage,
  RoleName,
  completeLogin,
  focusFirst,
  passwordProblems,
  serverProblems,
  type Problems,
} from './public-form.tsx';

type Field = 'password' | 'confirm';

/**
 * A staff or department-administrator invitation (`/invite?t=<tenantId>&token=<token>`):
 * the page shows the county and the role offered, the invited person chooses a password
 * and is logged in.
 */
export default function InvitePage() {
  const tenantId = searchParam('t') ?? '';
  const token = searchParam('token') ?? '';
  const [invitation, { refetch }] = createResource(
    () => (tenantId && token ? { tenantId, token } : false),
    (input) => identity.invitations.check.query(input),
  );

  const [password, setPassword] = createSignal('');
  const [confirmation, setConfirmation] = createSignal('');
  const [problems, setProblems] = createSignal<Problems<Field>>({});
  const [failure, setFailure] = createSignal<unknown>(null);
  const [submitting, setSubmitting] = createSignal(false);
  const inputs: Partial<Record<Field, HTMLElement>> = {};

  async function accept(event: SubmitEvent) {
    event.preventDefault();
    if (submitting()) return;
    const found = passwordProblems(password(), confirmation());
    setProblems(found);
    setFailure(null);
    if (focusFirst(['password', 'confirm'], found, inputs)) return;

    setSubmitting(true);
    try {
      completeLogin(await identity.invitations.accept.mutate({ tenantId, token, password: password() }), '/');
    } catch (error) {
      setProblems(serverProblems(error, { password: 'password' }));
      focusFirst(['password'], problems(), inputs);
      setFailure(error);
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <PublicPage title={m('invite.title')}>
      <Switch>
        {/* A link without its parts is as unusable as an expired one. */}
        <Match when={!tenantId || !token}>
          <FormFailure error={{ data: { code: 'NOT_FOUND' } }} />
        </Match>
        <Match when={invitation.error}>
          <FormFailure error={invitation.error} onRetry={errorKind(invitation.error) === 'NOT_FOUND' ? undefined : refetch} />
        </Match>
        <Match when={invitation()}>
          {(offer) => (
            <>
              <dl class="facts">
                <dt>{m('invite.county')}</dt>
                <dd>{offer().tenantName}</dd>
                <dt>{m('invite.person')}</dt>
                <dd>{m('invite.for', { name: offer().name ?? '', phone: offer().phoneMasked ?? '' })}</dd>
                <dt>{m('invite.role')}</dt>
                <dd>
                  <For each={offer().roles}>
                    {(grant, index) => (
                      <>
                        <Show when={index() > 0}>{'、'}</Show>
                        <RoleName role={grant.role} />
                      </>
                    )}
                  </For>
                </dd>
              </dl>
              <form class="form" novalidate onSubmit={accept}>
                <p class="hint">{m('invite.usernameNote')}</p>
                <PasswordPair
                  password={password()}
                  confirmation={confirmation()}
                  onPassword={setPassword}
                  onConfirmation={setConfirmation}
                  problems={problems()}
                  labels={{ password: m('invite.password'), confirm: m('invite.passwordConfirm') }}
                  ref={(field, element) => (inputs[field] = element)}
                />
                <Show when={failure()}>{(error) => <FormFailure error={error()} />}</Show>
                <button type="submit" aria-busy={submitting()}>
                  {submitting() ? m('submitting') : m('invite.submit')}
                </button>
              </form>
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
