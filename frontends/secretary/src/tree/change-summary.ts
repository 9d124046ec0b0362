import type { TreeOrg } from '../shared/org-types.ts';

type Values = Record<string, unknown> | null;

/** The fields a tree change shows (paths and timestamps are bookkeeping). */
const SHOWN = ['name', 'place', 'province', 'city', 'address'];

/**
 * "名称：A → B" for a rename or update, "上级：A → B" for a move (parents named from the
 * tree the page already has; an id outside the caller's tree stays unnamed).
 */
export function changeSummary(change: { action: string; before?: unknown; after?: unknown }, orgs: readonly TreeOrg[], label: (field: string) => string): string[] {
  const before = (change.before ?? {}) as NonNullable<Values>;
  const after = (change.after ?? {}) as NonNullable<Values>;
  const nameOf = (id: unknown) => orgs.find((org) => org.id === id)?.name ?? '—';
  if (change.action === 'moved') return [`${label('parent')}：${nameOf(before.parentId)} → ${nameOf(after.parentId)}`];
  if (change.action === 'created') return after.name ? [`${label('name')}：${String(after.name)}`] : [];
  return SHOWN.filter((field) => field in after).map((field) => `${label(field)}：${String(before[field] ?? '—')} → ${String(after[field] ?? '—')}`);
}
