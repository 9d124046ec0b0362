import { Show, createResource, createSignal } from 'solid-js';
import { ErrorNotice, describeError } from '@tongxin/ui';
import { BRANCH_KINDS, loadOrgs } from '../../shared/org-options.ts';
import { ReportingStyles } from '../../shared/reporting-styles.tsx';
import { CardStyles } from '../../shared/card-styles.tsx';
import { OrgSelect } from '../../shared/org-select.tsx';
import { MemberEntries } from './member-entries.tsx';
import { MemberPointsTable } from './member-points.tsx';
import { t } from './messages.ts';
import { OrgRankings } from './org-rankings.tsx';
import { OutcomeFigures } from './outcome-figures.tsx';
import { PeriodFields, currentPeriod, type Period } from './period-fields.tsx';
import type { MemberPoints } from '../scoring-api.ts';

/** 积分: the caller's members' points for a period, each member's entries and corrections, orgs compared, and outcomes. */
export default function PointsPage() {
  const [orgs, orgs$] = createResource(loadOrgs);
  const [orgId, setOrgId] = createSignal('');
  const [period, setPeriod] = createSignal<Period>(currentPeriod());
  const [open, setOpen] = createSignal<MemberPoints | null>(null);
  // Bumped after a correction, so the totals and the comparison reread.
  const [version, setVersion] = createSignal(0);
  const picked = () => (orgs.error ? undefined : orgs()?.find((org) => org.id === orgId()));
  // Branches (or flow organizations) below the picked org, e.g. a township's; without one, or
  // for townships, the server compares the caller's own surroundings.
  const parentId = () => (picked() && !BRANCH_KINDS.includes(picked()!.kind) ? picked()!.id : undefined);

  return (
    <section class="reporting">
      <ReportingStyles />
      <CardStyles />
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <Show when={orgs.error}>
        <ErrorNotice message={describeError(orgs.error)} onRetry={orgs$.refetch} />
      </Show>
      <div class="toolbar">
        <Show when={!orgs.error && orgs()}>
          {(list) => (
            <OrgSelect id="points-org" label={t('org')} orgs={list()} value={orgId()} emptyLabel={t('allOrgs')} onChange={(id) => { setOrgId(id); setOpen(null); }} />
          )}
        </Show>
        <PeriodFields id="points-period" value={period()} onChange={setPeriod} />
      </div>
      <MemberPointsTable orgId={orgId()} period={period()} version={version()} onOpen={setOpen} />
      <Show when={open()} keyed>
        {(member) => (
          <MemberEntries
            memberId={member.memberId}
            name={member.name}
            onClose={() => {
              setOpen(null);
              requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-member="${member.memberId}"] button`)?.focus());
            }}
            onCorrected={() => setVersion(version() + 1)}
          />
        )}
      </Show>
      <OrgRankings period={period()} parentId={parentId()} version={version()} />
      <OutcomeFigures year={period().year} orgId={orgId() || undefined} orgs={orgs.error ? [] : (orgs() ?? [])} version={version()} />
    </section>
  );
}
