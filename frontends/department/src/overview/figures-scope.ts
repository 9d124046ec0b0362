import { createMemo, createResource } from 'solid-js';
import { m } from '../messages.ts';
import { route, type FiguresPage, type FiguresQuery } from '../route.ts';
import { pathTo } from './breadcrumb.tsx';
import type { SheetContext } from './export-sheet.ts';
import { monthOrCurrent } from './months.ts';
import { loadTree, type TreeOrg } from './overview-api.ts';

/**
 * What every figures page reads from its route: the org (the county's root when none), the
 * month and trend length, the tree for names, the path for the breadcrumb, and what an
 * exported sheet says it is for.
 */
export function figuresScope(page: FiguresPage) {
  const query = (): FiguresQuery => {
    const current = route();
    return current.name === page ? { org: current.org, month: current.month, months: current.months } : {};
  };
  const month = () => monthOrCurrent(query().month, new Date());
  const months = () => query().months ?? 12;
  const [tree, { refetch: refetchTree }] = createResource(loadTree);
  const byId = createMemo(() => new Map((tree() ?? []).map((org) => [org.id, org])));
  const org = (): TreeOrg | undefined => {
    const id = query().org;
    return id ? byId().get(id) : (tree() ?? []).find((o) => o.parentId === null);
  };
  const children = () => {
    const id = org()?.id;
    return id ? (tree() ?? []).filter((o) => o.parentId === id) : [];
  };
  const path = () => pathTo(org(), byId());
  const orgName = () => org()?.name ?? m('crumb.county');
  const context = (): SheetContext => ({ orgName: orgName(), month: month(), subtitle: m('export.subtitle', { month: month(), org: orgName() }) });
  return { query, month, months, tree, refetchTree, byId, org, children, path, orgName, context };
}
