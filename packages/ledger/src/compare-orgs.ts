/**
 * The order organizations are listed in, in the tree and in every picker: by kind, the
 * kinds above first (so a sorted flat list also has each parent before its children:
 * `CHILD_KINDS` only hangs a kind under one listed earlier), then by name in pinyin order
 * (the zh-CN collation), as a secretary reads an alphabetical list of places.
 */
export const ORG_KIND_ORDER = [
  'county', 'department', 'township', 'street', 'general_branch', 'branch', 'mobile_branch', 'flow_general', 'flow_branch',
] as const;

const collator = new Intl.Collator('zh-CN');
const rank = (kind: string) => {
  const index = (ORG_KIND_ORDER as readonly string[]).indexOf(kind);
  return index === -1 ? ORG_KIND_ORDER.length : index;
};

/** Kind order, then name in pinyin order: for `Array.prototype.sort`. */
export function compareOrgs(a: { kind: string; name: string }, b: { kind: string; name: string }): number {
  return rank(a.kind) - rank(b.kind) || collator.compare(a.name, b.name);
}

/** A sorted copy (`compareOrgs`). */
export function sortOrgs<T extends { kind: string; name: string }>(orgs: readonly T[]): T[] {
  return [...orgs].sort(compareOrgs);
}
