import { For, Match, Show, Switch, createResource, createSignal } from 'solid-js';
import { reporting } from '@tongxin/api-client';
import { t } from '@tongxin/i18n';
import { ErrorNotice, Loading, createAction, describeError } from '@tongxin/ui';
import { m } from '../messages.ts';

type Settings = Awaited<ReturnType<typeof reporting.checkinSettings.get.query>>;
type GrantField = Settings['allowed'][number];

/** Reporting refuses a list without it (the destination cannot place a member without the city), so it cannot be unticked. */
const REQUIRED: GrantField = 'destinationCity';

/**
 * 报到共享字段 (issue 12, the wizard's settings step): which ledger fields the destination
 * organization may read once it accepts a check-in of this county's members. The labels are
 * the ledger's own (`ledger.*` in @tongxin/i18n), as members and secretaries see them.
 * `idPrefix` keeps ids unique if the form appears twice on one page.
 */
export function CheckinFieldsForm(props: { idPrefix: string }) {
  const [settings, { refetch }] = createResource(() => reporting.checkinSettings.get.query());
  const save = createAction((input: { grantFields: GrantField[] }) => reporting.checkinSettings.save.mutate(input));
  const [saved, setSaved] = createSignal(false);
  const id = (part: string) => `${props.idPrefix}-${part}`;
  const current = () => (settings.error ? undefined : settings.latest);

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    setSaved(false);
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const ticked = new Set([REQUIRED, ...(data.getAll('grantFields') as GrantField[])]);
    // The order the server keeps (the ledger's), whatever the ticking order.
    const grantFields = (current()?.allowed ?? []).filter((field) => ticked.has(field));
    if (await save.run({ grantFields })) {
      setSaved(true);
      refetch();
    }
  }

  return (
    <Switch>
      <Match when={settings.error}>
        <ErrorNotice message={describeError(settings.error)} onRetry={refetch} />
      </Match>
      <Match when={current()}>
        {(value) => (
          <form class="form" onSubmit={onSubmit} novalidate aria-describedby={id('intro')}>
            <p id={id('intro')}>{m('checkinFields.intro')}</p>
            <fieldset>
              <legend>{m('checkinFields.legend')}</legend>
              <For each={value().allowed}>
                {(field) => (
                  <label class="check">
                    <input
                      type="checkbox"
                      name="grantFields"
                      value={field}
                      checked={field === REQUIRED || value().grantFields.includes(field)}
                      disabled={field === REQUIRED}
                      aria-describedby={field === REQUIRED ? id('required') : undefined}
                      onChange={() => setSaved(false)}
                    />
                    <span>
                      {t(`ledger.${field}`)}
                      <Show when={field === REQUIRED}>
                        <span class="meta" id={id('required')}>{m('checkinFields.required')}</span>
                      </Show>
                    </span>
                  </label>
                )}
              </For>
            </fieldset>
            <p class="meta">{m('checkinFields.never')}</p>
            <Show when={save.error()}>
              <ErrorNotice message={save.fields().grantFields ? m('checkinFields.invalid') : describeError(save.error())} />
            </Show>
            <div class="form-buttons">
              <button type="submit" disabled={save.pending()}>
                {save.pending() ? m('setup.saving') : m('checkinFields.save')}
              </button>
            </div>
            <p role="status">{saved() ? m('checkinFields.saved') : ''}</p>
          </form>
        )}
      </Match>
      <Match when={settings.loading}>
        <Loading />
      </Match>
    </Switch>
  );
}
