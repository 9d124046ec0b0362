import { For, Match, Show, Switch, createMemo, createResource, createSignal, untrack } from 'solid-js';
import { errorKind, fieldErrors, identity } from '@tongxin/api-client';
import { ErrorNotice, Loading, describeError } from '@tongxin/ui';
import { divisionCodeProblem, serverCodeProblem } from './division-code.ts';
import { SelectField, TextField, focusFirst } from './fields.tsx';
import { cellLabel, m, type OperatorMessage } from './messages.ts';
import { RouteLink } from './route.tsx';

type Tenant = Awaited<ReturnType<typeof identity.operator.tenants.list.query>>[number];
type Panel = { kind: 'city' } | { kind: 'county' } | { kind: 'rename'; tenant: Tenant } | null;

/** A county prepares, then goes live; a city only groups counties, so it is active or suspended. */
export function tenantState(tenant: Tenant): 'suspended' | 'live' | 'preparing' | 'active' {
  if (tenant.suspendedAt) return 'suspended';
  if (tenant.kind === 'city') return 'active';
  return tenant.liveAt ? 'live' : 'preparing';
}

/** Each city followed by its counties; counties whose city is not listed come last. */
function ordered(list: readonly Tenant[]): { tenant: Tenant; child: boolean }[] {
  const cities = list.filter((tenant) => tenant.kind === 'city');
  const rows: { tenant: Tenant; child: boolean }[] = [];
  for (const city of cities) {
    rows.push({ tenant: city, child: false });
    for (const county of list) if (county.kind === 'county' && county.cityId === city.id) rows.push({ tenant: county, child: true });
  }
  const placed = new Set(rows.map((row) => row.tenant.id));
  for (const tenant of list) if (!placed.has(tenant.id)) rows.push({ tenant, child: false });
  return rows;
}

/**
 * The operator's cities and counties: create (6-digit division codes), rename, suspend and
 * resume; each county links to its administrator invitations.
 */
export function TenantsPage(props: { onHeading: (element: HTMLHeadingElement) => void }) {
  const [tenants, { refetch }] = createResource(() => identity.operator.tenants.list.query());
  const [panel, setPanel] = createSignal<Panel>(null);
  // A thunk, so the message follows a language switch.
  const [done, setDone] = createSignal<(() => string) | null>(null);
  const [actionError, setActionError] = createSignal<unknown>(null);
  const [busyId, setBusyId] = createSignal<string | null>(null);
  let status: HTMLParagraphElement | undefined;
  let panelArea: HTMLDivElement | undefined;

  const list = () => tenants.latest ?? [];
  const cities = createMemo(() => list().filter((tenant) => tenant.kind === 'city'));
  const rows = createMemo(() => ordered(list()));
  const createKind = () => {
    const open = panel();
    return open?.kind === 'city' || open?.kind === 'county' ? open.kind : null;
  };
  const cityName = (id: string | null) => list().find((tenant) => tenant.id === id)?.name ?? '';

  function open(next: Panel) {
    setDone(null);
    setActionError(null);
    setPanel(next);
    queueMicrotask(() => {
      panelArea?.scrollIntoView({ block: 'nearest' });
      panelArea?.querySelector<HTMLElement>('input, select, button')?.focus();
    });
  }

  function finished(message: () => string) {
    setPanel(null);
    setDone(() => message);
    void refetch();
    queueMicrotask(() => status?.focus());
  }

  async function toggleSuspended(tenant: Tenant) {
    const suspend = !tenant.suspendedAt;
    if (!window.confirm(m(suspend ? 'tenants.suspendConfirm' : 'tenants.resumeConfirm', { name: tenant.name }))) return;
    setBusyId(tenant.id);
    setActionError(null);
    setDone(null);
    try {
      await (suspend ? identity.operator.tenants.suspend : identity.operator.tenants.resume).mutate({ id: tenant.id });
      finished(() => m(suspend ? 'tenants.suspended' : 'tenants.resumed', { name: tenant.name }));
    } catch (error) {
      setActionError(error);
    } finally {
      setBusyId(null);
    }
  }

  return (
    <section>
      <h1 tabindex="-1" ref={props.onHeading}>
        {m('tenants.title')}
      </h1>
      <p class="intro">{m('tenants.intro')}</p>
      <div class="toolbar">
        <button type="button" aria-expanded={panel()?.kind === 'city'} onClick={() => open({ kind: 'city' })}>
          {m('tenants.newCity')}
        </button>
        <button type="button" aria-expanded={panel()?.kind === 'county'} onClick={() => open({ kind: 'county' })}>
          {m('tenants.newCounty')}
        </button>
      </div>
      <p class="status-line" role="status" tabindex="-1" ref={status}>
        {done()?.()}
      </p>
      <Show when={actionError()}>{(error) => <ErrorNotice message={describeOperatorError(error())} />}</Show>
      <div ref={panelArea}>
        <Switch>
          <Match when={createKind()} keyed>
            {(kind) => (
              <CreateTenantForm
                kind={kind}
                cities={cities()}
                onCancel={() => setPanel(null)}
                onCreated={(created) => finished(() => m('tenants.created', { name: created.name, code: created.id }))}
              />
            )}
          </Match>
          <Match when={panel()?.kind === 'rename' && (panel() as { tenant: Tenant }).tenant} keyed>
            {(tenant) => (
              <RenameTenantForm tenant={tenant} onCancel={() => setPanel(null)} onRenamed={(name) => finished(() => m('tenants.renamed', { name }))} />
            )}
          </Match>
        </Switch>
      </div>

      <Switch>
        <Match when={tenants.error && !tenants.latest}>
          <ErrorNotice message={describeError(tenants.error)} onRetry={refetch} />
        </Match>
        <Match when={tenants.loading && !tenants.latest}>
          <Loading />
        </Match>
        <Match when={list().length === 0}>
          <p>{m('tenants.empty')}</p>
        </Match>
        <Match when={true}>
          {/* Wide on a phone: the table scrolls in its own box, which the keyboard can reach. */}
          <div class="table-scroll" tabindex="0" role="region" aria-labelledby="tenants-caption">
            <table class="stack" role="table" aria-busy={tenants.loading}>
              <caption id="tenants-caption">
                {m('tenants.caption', { cities: cities().length, counties: list().length - cities().length })}
              </caption>
              <thead role="rowgroup">
                <tr role="row">
                  <th scope="col" role="columnheader">{m('tenants.code')}</th>
                  <th scope="col" role="columnheader">{m('tenants.name')}</th>
                  <th scope="col" role="columnheader">{m('tenants.kind')}</th>
                  <th scope="col" role="columnheader">{m('tenants.city')}</th>
                  <th scope="col" role="columnheader">{m('tenants.state')}</th>
                  <th scope="col" role="columnheader">{m('tenants.actions')}</th>
                </tr>
              </thead>
              <tbody role="rowgroup">
                <For each={rows()}>
                  {(row) => (
                    <tr role="row">
                      <td class="nowrap" role="cell" data-label={cellLabel('tenants.code')}>
                        {row.tenant.id}
                      </td>
                      <th scope="row" role="rowheader" id={`tenant-${row.tenant.id}`} class={row.child ? 'child' : undefined}>
                        {row.tenant.name}
                      </th>
                      <td class="nowrap" role="cell" data-label={cellLabel('tenants.kind')}>
                        {m(row.tenant.kind === 'city' ? 'kind.city' : 'kind.county')}
                      </td>
                      <td class="nowrap" role="cell" data-label={row.tenant.cityId ? cellLabel('tenants.city') : undefined}>
                        {cityName(row.tenant.cityId)}
                      </td>
                      <td role="cell" data-label={cellLabel('tenants.state')}>
                        <span class={`badge badge-${tenantState(row.tenant)}`}>{m(`state.${tenantState(row.tenant)}`)}</span>
                      </td>
                      <td role="cell" class="actions">
                        <div class="row-actions">
                          <button
                            type="button"
                            class="secondary small"
                            aria-describedby={`tenant-${row.tenant.id}`}
                            onClick={() => open({ kind: 'rename', tenant: row.tenant })}
                          >
                            {m('tenants.rename')}
                          </button>
                          <button
                            type="button"
                            class="secondary small"
                            aria-describedby={`tenant-${row.tenant.id}`}
                            aria-busy={busyId() === row.tenant.id}
                            onClick={() => busyId() || toggleSuspended(row.tenant)}
                          >
                            {m(row.tenant.suspendedAt ? 'tenants.resume' : 'tenants.suspend')}
                          </button>
                          <Show when={row.tenant.kind === 'county'}>
                            <RouteLink to={{ name: 'invitations', tenantId: row.tenant.id }}>{m('tenants.invite')}</RouteLink>
                          </Show>
                        </div>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </Match>
      </Switch>
    </section>
  );
}

/** A failed action's message; NOT_FOUND here means the row changed under the operator. */
export function describeOperatorError(error: unknown): string {
  return errorKind(error) === 'NOT_FOUND' ? m('error.NOT_FOUND') : describeError(error);
}

type CreateField = 'cityId' | 'id' | 'name';

function CreateTenantForm(props: {
  kind: 'city' | 'county';
  cities: readonly Tenant[];
  onCancel: () => void;
  onCreated: (created: { id: string; name: string }) => void;
}) {
  const [cityId, setCityId] = createSignal(untrack(() => (props.cities.length === 1 ? props.cities[0]!.id : '')));
  const [code, setCode] = createSignal('');
  const [name, setName] = createSignal('');
  const [problems, setProblems] = createSignal<Partial<Record<CreateField, OperatorMessage>>>({});
  const [failure, setFailure] = createSignal<unknown>(null);
  const [pending, setPending] = createSignal(false);
  const inputs: Partial<Record<CreateField, HTMLElement>> = {};
  const prefix = () => cityId().slice(0, 4);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (pending()) return;
    const values = { kind: props.kind, id: code().trim(), name: name().trim(), ...(props.kind === 'county' ? { cityId: cityId() } : {}) };
    const found: Partial<Record<CreateField, OperatorMessage>> = {};
    if (props.kind === 'county' && !values.cityId) found.cityId = 'city.required';
    if (!values.id) found.id = 'common.fieldRequired';
    else {
      const problem = divisionCodeProblem(values.id, props.kind, values.cityId);
      if (problem) found.id = problem;
    }
    if (!values.name) found.name = 'common.fieldRequired';
    else if (values.name.length < 2 || values.name.length > 40) found.name = 'name.invalid';
    setProblems(found);
    setFailure(null);
    if (focusFirst(['cityId', 'id', 'name'], found, inputs)) return;

    setPending(true);
    try {
      await identity.operator.tenants.create.mutate(values);
      props.onCreated({ id: values.id, name: values.name });
    } catch (error) {
      const server: Partial<Record<CreateField, OperatorMessage>> = {};
      const fields = fieldErrors(error);
      if (fields.id) server.id = serverCodeProblem(fields.id.code);
      if (fields.cityId) server.cityId = 'city.required';
      if (fields.name) server.name = 'name.invalid';
      // "Division code already used" belongs beside the code, not above the form.
      if (errorKind(error) === 'CONFLICT') server.id = 'code.used';
      setProblems(server);
      if (Object.keys(server).length > 0) focusFirst(['cityId', 'id', 'name'], server, inputs);
      else setFailure(error);
    } finally {
      setPending(false);
    }
  }

  return (
    <form class="form panel" novalidate onSubmit={submit} aria-labelledby="create-tenant-title">
      <h2 id="create-tenant-title">{m(props.kind === 'city' ? 'tenants.newCityTitle' : 'tenants.newCountyTitle')}</h2>
      {/* A county belongs to a city: without one, say so instead of a form that cannot succeed. */}
      <Show
        when={props.kind === 'city' || props.cities.length > 0}
        fallback={
          <>
            <p>{m('tenants.noCities')}</p>
            <div class="form-buttons">
              <button type="button" class="secondary" onClick={() => props.onCancel()}>
                {m('common.cancel')}
              </button>
            </div>
          </>
        }
      >
        <Show when={props.kind === 'county'}>
          <SelectField
            id="tenant-city"
            label={m('tenants.city')}
            placeholder={m('tenants.cityPlaceholder')}
            value={cityId()}
            options={props.cities.map((city) => ({ value: city.id, label: `${city.name}（${city.id}）` }))}
            onChange={setCityId}
            problem={problems().cityId}
            ref={(element) => (inputs.cityId = element)}
          />
        </Show>
        <TextField
          id="tenant-code"
          label={m('tenants.code')}
          hint={m('tenants.codeHint')}
          value={code()}
          onInput={setCode}
          inputmode="numeric"
          maxlength={6}
          problem={problems().id}
          problemParams={{ prefix: prefix() }}
          ref={(element) => (inputs.id = element)}
        />
        <TextField id="tenant-name" label={m('tenants.name')} value={name()} onInput={setName} maxlength={40} problem={problems().name} ref={(element) => (inputs.name = element)} />
        <Show when={failure()}>{(error) => <ErrorNotice message={describeOperatorError(error())} />}</Show>
        <div class="form-buttons">
          <button type="submit" aria-busy={pending()}>
            {pending() ? m('common.saving') : m('common.create')}
          </button>
          <button type="button" class="secondary" onClick={() => props.onCancel()}>
            {m('common.cancel')}
          </button>
        </div>
      </Show>
    </form>
  );
}

function RenameTenantForm(props: { tenant: Tenant; onCancel: () => void; onRenamed: (name: string) => void }) {
  const [name, setName] = createSignal(untrack(() => props.tenant.name));
  const [problem, setProblem] = createSignal<OperatorMessage | undefined>();
  const [failure, setFailure] = createSignal<unknown>(null);
  const [pending, setPending] = createSignal(false);
  let input: HTMLInputElement | undefined;

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (pending()) return;
    const value = name().trim();
    setProblem(!value ? 'common.fieldRequired' : value.length < 2 || value.length > 40 ? 'name.invalid' : undefined);
    setFailure(null);
    if (problem()) return input?.focus();
    setPending(true);
    try {
      await identity.operator.tenants.rename.mutate({ id: props.tenant.id, name: value });
      props.onRenamed(value);
    } catch (error) {
      if (fieldErrors(error).name) {
        setProblem('name.invalid');
        input?.focus();
      } else setFailure(error);
    } finally {
      setPending(false);
    }
  }

  return (
    <form class="form panel" novalidate onSubmit={submit} aria-labelledby="rename-tenant-title">
      <h2 id="rename-tenant-title">{m('tenants.renameTitle', { name: props.tenant.name })}</h2>
      <TextField id="tenant-rename" label={m('tenants.newName')} value={name()} onInput={setName} maxlength={40} problem={problem()} ref={(element) => (input = element)} />
      <Show when={failure()}>{(error) => <ErrorNotice message={describeOperatorError(error())} />}</Show>
      <div class="form-buttons">
        <button type="submit" aria-busy={pending()}>
          {pending() ? m('common.saving') : m('common.save')}
        </button>
        <button type="button" class="secondary" onClick={() => props.onCancel()}>
          {m('common.cancel')}
        </button>
      </div>
    </form>
  );
}
