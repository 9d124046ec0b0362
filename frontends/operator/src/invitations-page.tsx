import { For, Match, Show, Switch, createMemo, createResource, createSignal } from 'solid-js';
import { fieldErrors, identity } from '@tongxin/api-client';
import { format } from '@tongxin/i18n';
import { ErrorNotice, Loading, describeError } from '@tongxin/ui';
import { SelectField, TextField, focusFirst } from './fields.tsx';
import { cellLabel, m, type OperatorMessage } from './messages.ts';
import { navigate } from './route.tsx';
import { describeOperatorError } from './tenants-page.tsx';

type Invitation = Awaited<ReturnType<typeof identity.operator.invitations.list.query>>[number];
type Issued = { name: string; link: string; expiresAt: string; delivery?: string };

const phonePattern = /^1\d{10}$/;

function formatTime(value: string): string {
  return format(new Date(value), { dateStyle: 'medium', timeStyle: 'short' });
}

/** A link the API gives as a path: the operator copies it whole, with this site's origin. */
function fullLink(link: string): string {
  return new URL(link, window.location.origin).href;
}

/**
 * County administrators' invitations: invite (the link is shown once, and sent by SMS),
 * the list with each one's status, revoke, and send again (a new link; the old one dies).
 */
export function InvitationsPage(props: { tenantId?: string | undefined; onHeading: (element: HTMLHeadingElement) => void }) {
  const [tenants, { refetch: refetchTenants }] = createResource(() => identity.operator.tenants.list.query());
  const counties = createMemo(() => (tenants.latest ?? []).filter((tenant) => tenant.kind === 'county'));
  const tenantName = (id: string) => counties().find((county) => county.id === id)?.name ?? id;
  const chosen = () => props.tenantId ?? '';

  const [invitations, { refetch }] = createResource(
    () => ({ tenantId: chosen() }),
    (input) => identity.operator.invitations.list.query(input.tenantId ? { tenantId: input.tenantId } : {}),
  );
  const [inviting, setInviting] = createSignal(false);
  const [issued, setIssued] = createSignal<Issued | null>(null);
  const [notice, setNotice] = createSignal<OperatorMessage | null>(null);
  const [done, setDone] = createSignal<(() => string) | null>(null);
  const [actionError, setActionError] = createSignal<unknown>(null);
  const [busyId, setBusyId] = createSignal<string | null>(null);
  let countySelect: HTMLSelectElement | undefined;
  let panelArea: HTMLDivElement | undefined;
  let status: HTMLParagraphElement | undefined;

  function focusPanel() {
    queueMicrotask(() => {
      panelArea?.scrollIntoView({ block: 'nearest' });
      panelArea?.querySelector<HTMLElement>('input, h2[tabindex]')?.focus();
    });
  }

  function startInvite() {
    setDone(null);
    setActionError(null);
    setIssued(null);
    if (!chosen()) {
      setNotice('invitations.chooseCounty');
      countySelect?.focus();
      return;
    }
    setNotice(null);
    setInviting(true);
    focusPanel();
  }

  function showIssued(result: Issued) {
    setInviting(false);
    setIssued(result);
    void refetch();
    focusPanel();
  }

  async function revoke(invitation: Invitation) {
    const name = invitation.name ?? '';
    if (!window.confirm(m('invitations.revokeConfirm', { name }))) return;
    await act(invitation, async () => {
      await identity.operator.invitations.revoke.mutate({ id: invitation.id });
      setDone(() => () => m('invitations.revoked', { name }));
      queueMicrotask(() => status?.focus());
    });
  }

  async function reissue(invitation: Invitation) {
    const name = invitation.name ?? '';
    if (!window.confirm(m('invitations.reissueConfirm', { name }))) return;
    await act(invitation, async () => {
      const result = await identity.operator.invitations.reissue.mutate({ id: invitation.id });
      showIssued({ name, ...result });
    });
  }

  async function act(invitation: Invitation, run: () => Promise<void>) {
    if (busyId()) return;
    setBusyId(invitation.id);
    setActionError(null);
    setDone(null);
    setIssued(null);
    setInviting(false);
    try {
      await run();
    } catch (error) {
      setActionError(error);
    } finally {
      setBusyId(null);
      void refetch();
    }
  }

  return (
    <section>
      <h1 tabindex="-1" ref={props.onHeading}>
        {m('invitations.title')}
      </h1>
      <p class="intro">{m('invitations.intro')}</p>
      <Switch>
        <Match when={tenants.error && !tenants.latest}>
          <ErrorNotice message={describeError(tenants.error)} onRetry={refetchTenants} />
        </Match>
        <Match when={tenants.loading && !tenants.latest}>
          <Loading />
        </Match>
        <Match when={counties().length === 0}>
          <p>{m('invitations.noCounties')}</p>
        </Match>
        <Match when={true}>
          <div class="toolbar">
            <SelectField
              id="invitations-county"
              label={m('invitations.county')}
              placeholder={m('invitations.countyPlaceholder')}
              value={chosen()}
              options={counties().map((county) => ({ value: county.id, label: `${county.name}（${county.id}）` }))}
              onChange={(tenantId) => {
                setInviting(false);
                setIssued(null);
                setNotice(null);
                navigate({ name: 'invitations', tenantId: tenantId || undefined }, { replace: true });
              }}
              ref={(element) => (countySelect = element)}
            />
            <button type="button" aria-expanded={inviting()} onClick={startInvite}>
              {m('invitations.invite')}
            </button>
          </div>
          <Show when={notice()}>{(key) => <p class="field-error" role="alert">{m(key())}</p>}</Show>
        </Match>
      </Switch>
      <p class="status-line" role="status" tabindex="-1" ref={status}>
        {done()?.()}
      </p>
      <Show when={actionError()}>{(error) => <ErrorNotice message={describeOperatorError(error())} />}</Show>

      <div ref={panelArea}>
        <Show when={inviting() && chosen()}>
          <InviteForm
            tenantId={chosen()}
            county={tenantName(chosen())}
            onCancel={() => setInviting(false)}
            onIssued={showIssued}
          />
        </Show>
        <Show when={issued()}>{(result) => <IssuedLink issued={result()} onDone={() => setIssued(null)} />}</Show>
      </div>

      <Switch>
        <Match when={invitations.error && !invitations.latest}>
          <ErrorNotice message={describeError(invitations.error)} onRetry={refetch} />
        </Match>
        <Match when={invitations.loading && !invitations.latest}>
          <Loading />
        </Match>
        <Match when={(invitations.latest ?? []).length === 0}>
          <p>{m('invitations.empty')}</p>
        </Match>
        <Match when={true}>
          <div class="table-scroll" tabindex="0" role="region" aria-labelledby="invitations-caption">
            <table class="stack" role="table" aria-busy={invitations.loading}>
              <caption id="invitations-caption">
                {chosen() ? m('invitations.caption', { county: tenantName(chosen()) }) : m('invitations.captionAll')}
              </caption>
              <thead role="rowgroup">
                <tr role="row">
                  <th scope="col" role="columnheader">{m('invitations.person')}</th>
                  <Show when={!chosen()}>
                    <th scope="col" role="columnheader">{m('invitations.tenant')}</th>
                  </Show>
                  <th scope="col" role="columnheader">{m('invitations.status')}</th>
                  <th scope="col" role="columnheader">{m('invitations.createdAt')}</th>
                  <th scope="col" role="columnheader">{m('invitations.expiresAt')}</th>
                  <th scope="col" role="columnheader">{m('invitations.actions')}</th>
                </tr>
              </thead>
              <tbody role="rowgroup">
                <For each={invitations.latest}>
                  {(invitation) => (
                    <tr role="row">
                      <th scope="row" role="rowheader" id={`invitation-${invitation.id}`}>
                        {invitation.name}
                        <Show when={invitation.phoneMasked}>
                          {' '}
                          <span class="muted">{invitation.phoneMasked}</span>
                        </Show>
                      </th>
                      <Show when={!chosen()}>
                        <td class="nowrap" role="cell" data-label={cellLabel('invitations.tenant')}>
                          {tenantName(invitation.tenantId)}
                        </td>
                      </Show>
                      <td role="cell" data-label={cellLabel('invitations.status')}>
                        <span class={`badge badge-${invitation.status}`}>{m(`status.${invitation.status}`)}</span>
                      </td>
                      <td class="nowrap" role="cell" data-label={cellLabel('invitations.createdAt')}>
                        {formatTime(invitation.createdAt)}
                      </td>
                      <td class="nowrap" role="cell" data-label={cellLabel('invitations.expiresAt')}>
                        {formatTime(invitation.expiresAt)}
                      </td>
                      <td role="cell" class="actions">
                        <div class="row-actions">
                          <Show when={invitation.status === 'pending'}>
                            <button
                              type="button"
                              class="secondary small"
                              aria-describedby={`invitation-${invitation.id}`}
                              aria-busy={busyId() === invitation.id}
                              onClick={() => revoke(invitation)}
                            >
                              {m('invitations.revoke')}
                            </button>
                          </Show>
                          {/* A new link for a pending or expired one (identity revokes the old link); a revoked one is invited anew. */}
                          <Show when={invitation.status === 'pending' || invitation.status === 'expired'}>
                            <button
                              type="button"
                              class="secondary small"
                              aria-describedby={`invitation-${invitation.id}`}
                              aria-busy={busyId() === invitation.id}
                              onClick={() => reissue(invitation)}
                            >
                              {m('invitations.reissue')}
                            </button>
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

type InviteField = 'name' | 'phone';

function InviteForm(props: { tenantId: string; county: string; onCancel: () => void; onIssued: (issued: Issued) => void }) {
  const [name, setName] = createSignal('');
  const [phone, setPhone] = createSignal('');
  const [problems, setProblems] = createSignal<Partial<Record<InviteField, OperatorMessage>>>({});
  const [failure, setFailure] = createSignal<unknown>(null);
  const [pending, setPending] = createSignal(false);
  const inputs: Partial<Record<InviteField, HTMLElement>> = {};

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (pending()) return;
    const values = { tenantId: props.tenantId, name: name().trim(), phone: phone().replace(/[\s-]/g, '') };
    const found: Partial<Record<InviteField, OperatorMessage>> = {};
    if (!values.name) found.name = 'common.fieldRequired';
    if (!values.phone) found.phone = 'common.fieldRequired';
    else if (!phonePattern.test(values.phone)) found.phone = 'invitations.phoneInvalid';
    setProblems(found);
    setFailure(null);
    if (focusFirst(['name', 'phone'], found, inputs)) return;

    setPending(true);
    try {
      const result = await identity.operator.invitations.create.mutate(values);
      props.onIssued({ name: values.name, ...result });
    } catch (error) {
      const fields = fieldErrors(error);
      const server: Partial<Record<InviteField, OperatorMessage>> = {};
      if (fields.name) server.name = 'common.fieldInvalid';
      if (fields.phone) server.phone = 'invitations.phoneInvalid';
      setProblems(server);
      if (!focusFirst(['name', 'phone'], server, inputs)) setFailure(error);
    } finally {
      setPending(false);
    }
  }

  return (
    <form class="form panel" novalidate onSubmit={submit} aria-labelledby="invite-title">
      <h2 id="invite-title">{m('invitations.inviteTitle', { county: props.county })}</h2>
      <TextField id="invite-name" label={m('invitations.name')} value={name()} onInput={setName} maxlength={40} problem={problems().name} ref={(element) => (inputs.name = element)} />
      <TextField
        id="invite-phone"
        type="tel"
        inputmode="tel"
        label={m('invitations.phone')}
        hint={m('invitations.phoneHint')}
        value={phone()}
        onInput={setPhone}
        maxlength={13}
        problem={problems().phone}
        ref={(element) => (inputs.phone = element)}
      />
      <Show when={failure()}>{(error) => <ErrorNotice message={describeOperatorError(error())} />}</Show>
      <div class="form-buttons">
        <button type="submit" aria-busy={pending()}>
          {pending() ? m('invitations.sending') : m('invitations.send')}
        </button>
        <button type="button" class="secondary" onClick={() => props.onCancel()}>
          {m('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The new link, shown this once: a read-only field to select, and a copy button. */
function IssuedLink(props: { issued: Issued; onDone: () => void }) {
  const [copied, setCopied] = createSignal<'yes' | 'failed' | null>(null);
  let field: HTMLInputElement | undefined;
  const link = () => fullLink(props.issued.link);
  // Identity says how the text message went: sent, failed, or refused by the per-phone limit.
  const notSent = () => props.issued.delivery === 'failed' || props.issued.delivery === 'refused_rate_limit';

  async function copy() {
    try {
      await navigator.clipboard.writeText(link());
      setCopied('yes');
    } catch {
      // No clipboard API (plain http, older browsers): select it for a manual copy.
      field?.select();
      setCopied(document.execCommand?.('copy') ? 'yes' : 'failed');
    }
  }

  return (
    <div class="panel" role="group" aria-labelledby="issued-title">
      <h2 id="issued-title" tabindex="-1">
        {m('invitations.sentTitle')}
      </h2>
      <div class="field">
        <label for="issued-link">{m('invitations.link')}</label>
        <div class="link-box">
          <input id="issued-link" readonly value={link()} ref={field} onFocus={(event) => event.currentTarget.select()} aria-describedby="issued-note" />
          <button type="button" onClick={copy}>
            {m('invitations.copy')}
          </button>
        </div>
      </div>
      <p role="status" class="hint">
        {copied() === 'yes' ? m('invitations.copied') : copied() === 'failed' ? m('invitations.copyFailed') : ''}
      </p>
      <p id="issued-note">
        {m(notSent() ? 'invitations.linkOnceNoSms' : 'invitations.linkOnce', { name: props.issued.name, expires: formatTime(props.issued.expiresAt) })}
      </p>
      <Show when={notSent()}>
        <p class="field-error">{m('invitations.deliveryFailed', { name: props.issued.name })}</p>
      </Show>
      <button type="button" class="secondary" onClick={() => props.onDone()}>
        {m('invitations.done')}
      </button>
    </div>
  );
}
