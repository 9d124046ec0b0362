import { For, Show, createResource, createSignal } from 'solid-js';
import { identity, roster } from '@tongxin/api-client';
import { sortOrgs } from '@tongxin/ledger';
import { Loading } from '@tongxin/ui';
import { z } from 'zod';
import { m } from '../messages.ts';
import { SelectField, TextField } from './form-field.tsx';
import { FormFooter } from './form-status.tsx';
import { readForm } from './read-form.ts';
import type { MemberRecord } from './roster-api.ts';
import { settled } from './settled.ts';
import { createSubmission, issuesOf } from './submission.ts';

const ZTransfer = z.object({
  toOrgId: z.string('must not be empty').min(1, 'must not be empty'),
  toTenantId: z.string().optional(),
  reason: z.string().max(200, 'at most 200 characters').optional(),
});
type Transfer = z.infer<typeof ZTransfer>;
type Scope = 'county' | 'other';

/** Another county's department is chosen as "tenant:org" (an org id is unique only in its county). */
const SEPARATOR = ':';

/**
 * Starts a membership transfer (组织关系转接): to any other open branch of the county (not only
 * the caller's own scope: a branch secretary transfers out of his branch), or to another
 * county's organization department, which picks the receiving branch itself.
 */
export function TransferForm(props: { member: MemberRecord & { branchId: string }; onDone: () => void; onCancel: () => void }) {
  const [scope, setScope] = createSignal<Scope>('county');
  const [branches] = createResource(() => roster.orgs.branches.query());
  const [departments] = createResource(
    () => scope() === 'other',
    async () => {
      // The directory lists every county, this one too: the session says which one is ours.
      const [entries, me] = await Promise.all([roster.orgs.directory.query({ kinds: ['department'] }), identity.auth.me.query()]);
      return sortOrgs(entries.filter((entry) => entry.tenantId !== me.tenantId));
    },
  );
  const branchChoices = () =>
    sortOrgs(settled(branches) ?? [])
      .filter((branch) => branch.id !== props.member.branchId)
      .map((branch) => ({ value: branch.id, label: branch.parent ? `${branch.name}（${branch.parent}）` : branch.name }));
  const departmentChoices = () =>
    (settled(departments) ?? []).map((entry) => {
      const place = [entry.province, entry.city].filter(Boolean).join('');
      return { value: `${entry.tenantId}${SEPARATOR}${entry.orgId}`, label: place && !entry.name.includes(place) ? `${entry.name}（${place}）` : entry.name };
    });
  const submission = createSubmission((transfer: Transfer, idempotencyKey) =>
    roster.transfers.request.mutate({ memberId: props.member.id, ...transfer, idempotencyKey }),
  );

  const onSubmit = async (event: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    event.preventDefault();
    const { scope: _scope, toOrgId, ...rest } = readForm(event.currentTarget);
    let target: { toOrgId?: string; toTenantId?: string } = { toOrgId };
    if (scope() === 'other' && toOrgId) {
      const at = toOrgId.indexOf(SEPARATOR);
      target = { toTenantId: toOrgId.slice(0, at), toOrgId: toOrgId.slice(at + 1) };
    }
    const parsed = ZTransfer.safeParse({ ...rest, ...target });
    if (!parsed.success) return submission.reject(issuesOf(parsed.error));
    if (await submission.submit(parsed.data)) props.onDone();
  };

  return (
    <form class="form" novalidate onSubmit={onSubmit} aria-label={m('actions.transfer')}>
      <fieldset class="transfer-scope">
        <legend>{m('form.transferTo')}</legend>
        <For each={['county', 'other'] as const}>
          {(value) => (
            <label>
              <input type="radio" name="scope" value={value} checked={scope() === value} onChange={() => setScope(value)} />
              {m(value === 'county' ? 'form.inCounty' : 'form.otherCounty')}
            </label>
          )}
        </For>
      </fieldset>
      <Show when={scope() === 'county'}>
        <Show when={settled(branches)} fallback={<Loading />}>
          <SelectField
            form="transfer"
            name="toOrgId"
            label={m('form.toOrg')}
            hint={branchChoices().length > 0 ? m('form.toOrgHint') : m('form.noBranches')}
            placeholder
            options={branchChoices()}
            error={submission.fields().toOrgId}
          />
        </Show>
      </Show>
      <Show when={scope() === 'other'}>
        <Show when={settled(departments)} fallback={<Loading />}>
          <SelectField
            form="transfer"
            name="toOrgId"
            label={m('form.toDepartment')}
            hint={departmentChoices().length > 0 ? m('form.toDepartmentHint') : m('form.noCounties')}
            placeholder
            options={departmentChoices()}
            error={submission.fields().toOrgId}
          />
        </Show>
      </Show>
      <TextField form="transfer" name="reason" label={m('form.reason')} error={submission.fields().reason} optional />
      <FormFooter submission={submission} onCancel={props.onCancel} />
    </form>
  );
}
