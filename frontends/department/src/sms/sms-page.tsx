import { For, Match, Show, Switch, createResource, createSignal } from 'solid-js';
import { identity } from '@tongxin/api-client';
import { format } from '@tongxin/i18n';
import { ErrorNotice, Loading, ResourceList, createAction, describeError } from '@tongxin/ui';
import { m, type DepartmentMessageKey } from '../messages.ts';
import { explainSetupError } from '../explain-error.ts';

type SaveInput = Parameters<typeof identity.sms.save.mutate>[0];
type Settings = NonNullable<Awaited<ReturnType<typeof identity.sms.get.query>>>;
type Field = 'sdkAppId' | 'signName' | 'region' | 'activation' | 'reset' | 'invitation' | 'secretId' | 'secretKey';

const REGIONS = ['ap-guangzhou', 'ap-beijing', 'ap-nanjing'] as const;
const TEMPLATES = ['activation', 'reset', 'invitation'] as const;
const DIGITS = /^\d+$/;
const SECRET = /^[A-Za-z0-9]{8,128}$/;

/** The server's field names (`templates.activation`) as this form's. */
const fieldOf = (name: string): Field => (name.startsWith('templates.') ? (name.slice('templates.'.length) as Field) : (name as Field));

/**
 * 短信通道: the county's Tencent Cloud SMS settings (the secret key is write-only: never
 * shown, left empty to keep it) and the last messages sent, with their results.
 */
export default function SmsPage() {
  const [settings, { refetch }] = createResource(async () => ({ value: await identity.sms.get.query() }));
  const [deliveries, deliveries$] = createResource(() => identity.sms.deliveries.query());
  const save = createAction((input: SaveInput) => identity.sms.save.mutate(input));
  const [local, setLocal] = createSignal<Partial<Record<Field, string>>>({});
  const [saved, setSaved] = createSignal(false);
  const current = (): Settings | null => (settings.error ? null : (settings.latest?.value ?? null));
  const serverFields = () => {
    const fields: Partial<Record<Field, string>> = {};
    for (const name of Object.keys(save.fields())) fields[fieldOf(name)] = m(name === 'secretKey' && current() === null ? 'rule.required' : ruleFor(fieldOf(name)));
    return fields;
  };
  const error = (field: Field) => local()[field] ?? serverFields()[field];

  function ruleFor(field: Field): DepartmentMessageKey {
    if (field === 'sdkAppId') return 'rule.sdkAppId';
    if (field === 'signName') return 'rule.signName';
    if (field === 'secretId' || field === 'secretKey') return 'rule.secret';
    if (field === 'region') return 'rule.required';
    return 'rule.templateId';
  }

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    setSaved(false);
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const text = (name: Field) => String(data.get(name) ?? '').trim();
    const problems: Partial<Record<Field, string>> = {};
    const need = (field: Field, ok: boolean) => {
      if (!text(field)) problems[field] = m('rule.required');
      else if (!ok) problems[field] = m(ruleFor(field));
    };
    need('sdkAppId', /^\d{5,20}$/.test(text('sdkAppId')));
    need('signName', text('signName').length >= 2 && text('signName').length <= 20);
    for (const template of TEMPLATES) need(template, DIGITS.test(text(template)) && text(template).length <= 12);
    need('secretId', SECRET.test(text('secretId')));
    // Write-only: empty keeps the stored key; a county without one must give it.
    if (text('secretKey') || !current()?.hasSecretKey) need('secretKey', SECRET.test(text('secretKey')));
    setLocal(problems);
    if (Object.keys(problems).length > 0) {
      form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const input: SaveInput = {
      sdkAppId: text('sdkAppId'),
      signName: text('signName'),
      region: text('region') || 'ap-guangzhou',
      templates: { activation: text('activation'), reset: text('reset'), invitation: text('invitation') },
      secretId: text('secretId'),
      ...(text('secretKey') ? { secretKey: text('secretKey') } : {}),
    };
    if (await save.run(input)) {
      setSaved(true);
      // The key is never shown back: the field empties, and now says one is kept.
      const key = form.elements.namedItem('secretKey') as HTMLInputElement | null;
      if (key) key.value = '';
      refetch();
    }
  }

  const Input = (p: { name: Field; label: DepartmentMessageKey; value: string; type?: string; hint?: string; inputmode?: 'numeric' }) => {
    const described = () => [p.hint && `sms-${p.name}-hint`, error(p.name) && `sms-${p.name}-error`].filter(Boolean).join(' ') || undefined;
    return (
      <div class="field">
        <label for={`sms-${p.name}`}>{m(p.label)}</label>
        <input
          id={`sms-${p.name}`}
          name={p.name}
          type={p.type ?? 'text'}
          inputmode={p.inputmode}
          autocomplete="off"
          spellcheck={false}
          value={p.value}
          aria-invalid={error(p.name) ? 'true' : undefined}
          aria-describedby={described()}
        />
        <Show when={p.hint}>
          <p class="meta" id={`sms-${p.name}-hint`}>{p.hint}</p>
        </Show>
        <Show when={error(p.name)}>
          <p class="field-error" id={`sms-${p.name}-error`}>{error(p.name)}</p>
        </Show>
      </div>
    );
  };

  return (
    <section class="sms">
      <h1>{m('sms.title')}</h1>
      <p>{m('sms.intro')}</p>
      <Switch>
        <Match when={settings.error}>
          <ErrorNotice message={describeError(settings.error)} onRetry={refetch} />
        </Match>
        <Match when={settings.latest}>
          <p>
            <strong>{m('sms.current')}：</strong>
            <Show when={current()} fallback={m('sms.development')}>
              {/* Inside JSX, so a change of language re-renders it (Show's callback runs untracked). */}
              {(value) => <>{m('sms.tencent', { date: format(new Date(value().updatedAt), { dateStyle: 'medium', timeStyle: 'short' }) })}</>}
            </Show>
          </p>
          <form class="form" aria-labelledby="sms-form-title" onSubmit={onSubmit} novalidate>
            <h2 id="sms-form-title">{m('sms.formTitle')}</h2>
            <Input name="sdkAppId" label="sms.sdkAppId" value={current()?.sdkAppId ?? ''} inputmode="numeric" />
            <Input name="signName" label="sms.signName" value={current()?.signName ?? ''} />
            <div class="field">
              <label for="sms-region">{m('sms.region')}</label>
              <select id="sms-region" name="region" value={current()?.region ?? 'ap-guangzhou'}>
                <For each={REGIONS}>
                  {(region) => <option value={region}>{`${region}（${m(`sms.region.${region}`)}）`}</option>}
                </For>
                <Show when={current() && !(REGIONS as readonly string[]).includes(current()!.region)}>
                  <option value={current()!.region}>{current()!.region}</option>
                </Show>
              </select>
            </div>
            <fieldset>
              <legend>{m('sms.templates')}</legend>
              <For each={TEMPLATES}>
                {(template) => (
                  <Input name={template} label={`sms.template.${template}`} value={current()?.templates[template] ?? ''} inputmode="numeric" />
                )}
              </For>
            </fieldset>
            <Input name="secretId" label="sms.secretId" value={current()?.secretId ?? ''} />
            <Input
              name="secretKey"
              label="sms.secretKey"
              type="password"
              value=""
              hint={current()?.hasSecretKey ? m('sms.secretKeyKept') : m('sms.secretKeyHint')}
            />
            <Show when={Object.keys(local()).length > 0 || Object.keys(save.fields()).length > 0}>
              <p class="field-error" role="alert">{m('rule.fix')}</p>
            </Show>
            <Show when={save.error() && Object.keys(save.fields()).length === 0}>
              <ErrorNotice message={explainSetupError(save.error())} />
            </Show>
            <div class="form-buttons">
              <button type="submit" disabled={save.pending()}>
                {save.pending() ? m('setup.saving') : m('sms.save')}
              </button>
            </div>
            <p role="status">{saved() ? m('sms.saved') : ''}</p>
          </form>
        </Match>
        <Match when={settings.loading}>
          <Loading />
        </Match>
      </Switch>
      <h2 id="sms-deliveries-title">{m('sms.deliveries')}</h2>
      <button type="button" class="secondary" onClick={() => deliveries$.refetch()}>
        {m('sms.refresh')}
      </button>
      <ResourceList resource={deliveries} onRetry={deliveries$.refetch} empty={m('sms.deliveriesEmpty')}>
        {(items) => (
          <ul class="deliveries" aria-labelledby="sms-deliveries-title" aria-busy={deliveries.loading}>
            <For each={items()}>
              {(delivery) => (
                <li>
                  <span>{format(new Date(delivery.at), { dateStyle: 'short', timeStyle: 'short' })}</span>
                  <span>{m(`sms.kind.${delivery.kind}` as DepartmentMessageKey)}</span>
                  <span>{delivery.phoneMasked}</span>
                  <span class="meta">{m(`sms.provider.${delivery.provider}` as DepartmentMessageKey)}</span>
                  <strong>
                    {m(`sms.status.${delivery.status}` as DepartmentMessageKey)}
                    <Show when={delivery.errorCode}>{` (${delivery.errorCode})`}</Show>
                  </strong>
                </li>
              )}
            </For>
          </ul>
        )}
      </ResourceList>
    </section>
  );
}
