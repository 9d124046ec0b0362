import { Match, Show, Switch, createResource, createSignal } from 'solid-js';
import { format } from '@tongxin/i18n';
import { ErrorNotice, Loading, createAction, describeError } from '@tongxin/ui';
import { cityGrant, type CityGrantState } from './city-api.ts';
import { cm } from './city-messages.ts';

/**
 * A county department's grant to its city (issue 15): whether the city holds it, and giving
 * or revoking it after a confirmation. The city is the county's own; nothing to choose.
 */
export function CityGrantPanel() {
  const [state, { mutate, refetch }] = createResource(() => cityGrant.get());
  const give = createAction(() => cityGrant.give());
  const revoke = createAction(() => cityGrant.revoke());
  const [done, setDone] = createSignal<'given' | 'revoked' | null>(null);

  async function change(current: CityGrantState, to: 'given' | 'revoked') {
    const city = current.city.name;
    if (!window.confirm(cm(to === 'given' ? 'grant.giveConfirm' : 'grant.revokeConfirm', { city }))) return;
    setDone(null);
    const result = await (to === 'given' ? give : revoke).run(undefined);
    if (!result) return;
    mutate(result.output);
    setDone(to);
  }

  return (
    <section class="grant-panel" aria-labelledby="city-grant-title">
      <h2 id="city-grant-title">{cm('grant.title')}</h2>
      <Switch>
        <Match when={state.error}>
          <ErrorNotice message={describeError(state.error)} onRetry={refetch} />
        </Match>
        <Match when={state.loading}>
          <Loading />
        </Match>
        <Match when={state()}>
          {(current) => (
            <>
              <p class="meta">{cm('grant.intro', { city: current().city.name })}</p>
              <Show when={current().grant} fallback={<p>{cm('grant.none', { city: current().city.name })}</p>}>
                {(grant) => <p>{cm('grant.standing', { city: current().city.name, name: grant().givenBy, date: format(new Date(grant().givenAt)) })}</p>}
              </Show>
              <div class="form-buttons">
                <Show
                  when={current().grant}
                  fallback={
                    <button type="button" disabled={give.pending()} onClick={() => change(current(), 'given')}>
                      {cm('grant.give', { city: current().city.name })}
                    </button>
                  }
                >
                  <button type="button" disabled={revoke.pending()} onClick={() => change(current(), 'revoked')}>
                    {cm('grant.revoke')}
                  </button>
                </Show>
              </div>
              <Show when={give.error() ?? revoke.error()}>{(failure) => <ErrorNotice message={describeError(failure())} />}</Show>
              <Show when={done()}>
                {(what) => (
                  <p role="status" class="notice notice-good">
                    {cm(what() === 'given' ? 'grant.given' : 'grant.revoked')}
                  </p>
                )}
              </Show>
            </>
          )}
        </Match>
      </Switch>
    </section>
  );
}
