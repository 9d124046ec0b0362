import {
  IMPORTABLE_ORG_KINDS, ORG_REQUIRED_FIELDS, orgKindOf, parentSegments, type OrgImportError, type OrgImportErrorCode, type OrgImportRow,
} from '@tongxin/ledger/xlsx/org-fields';
import { childKindProblem, FLOW_KINDS, type OrgKind } from '../orgs/org-kinds.ts';

/** An org of the county as the import sees it. */
export interface ExistingOrg {
  id: string;
  parentId: string | null;
  kind: OrgKind;
  name: string;
  place: string | null;
  province: string | null;
  city: string | null;
  address: string | null;
  closed: boolean;
}

const PLACE_FIELDS = ['place', 'province', 'city', 'address'] as const;
type PlaceField = (typeof PLACE_FIELDS)[number];
export type OrgPlace = Partial<Record<PlaceField, string>>;

export type OrgImportStep =
  | { type: 'create'; rowNumber: number; kind: OrgKind; name: string; place: OrgPlace; parent: { orgId: string } | { rowNumber: number } }
  | { type: 'update'; rowNumber: number; orgId: string; patch: OrgPlace }
  | { type: 'unchanged'; rowNumber: number; orgId: string };

export interface OrgImportPlan {
  /** In the order to apply: a created parent before its children. */
  steps: OrgImportStep[];
  errors: OrgImportError[];
}

const LIMITS: Record<string, [number, number]> = { name: [2, 60], place: [1, 60], province: [1, 60], city: [1, 60], address: [1, 200], parent: [1, 400] };

/** One org the import knows: an existing org or a row of the file. */
interface Node {
  name: string;
  kind: OrgKind | null;
  existing?: ExistingOrg;
  row?: RowNode;
}

interface RowNode extends Node {
  rowNumber: number;
  segments: string[];
  place: OrgPlace;
  /** Its own cells are wrong (reported): its children are refused with parent_has_error. */
  broken: boolean;
  /** undefined: not identified yet; null: refused (reported). */
  parent?: Node | null;
  /** The existing org or the earlier row this row turned out to be. */
  sameAs?: Node;
}

/**
 * Plans one chunk of an org-tree import against the county's orgs, without touching the
 * database (issue 12). The parent column names an org of the county or another row, by name
 * or by the end of its path (马田镇党委/涌水村党支部); rows may come in any order. An org is
 * keyed by its parent and name: a row naming an existing one changes at most its place
 * columns, so importing the same file twice creates nothing. Every problem is a row error;
 * the rows without one are planned.
 */
export function planOrgImport(existing: readonly ExistingOrg[], rows: readonly OrgImportRow[]): OrgImportPlan {
  const errors: OrgImportError[] = [];
  const fail = (rowNumber: number, column: string, code: OrgImportErrorCode, message: string) => errors.push({ row: rowNumber, column, code, message });

  // Existing orgs, with their parents.
  const nodes = new Map<string, Node>();
  for (const org of existing) nodes.set(org.id, { name: org.name, kind: org.kind, existing: org });
  const parentOfExisting = (node: Node) => (node.existing?.parentId ? nodes.get(node.existing.parentId) ?? null : null);
  const childrenByParent = new Map<string, ExistingOrg[]>();
  for (const org of existing) if (org.parentId) childrenByParent.set(org.parentId, [...(childrenByParent.get(org.parentId) ?? []), org]);

  // The rows, each checked on its own.
  const rowNodes: RowNode[] = [];
  for (const row of rows) {
    const values: Record<string, string> = {};
    for (const [field, value] of Object.entries(row.values)) if (value?.trim()) values[field] = value.trim();
    const before = errors.length;
    for (const field of ORG_REQUIRED_FIELDS) if (!values[field]) fail(row.rowNumber, field, 'required', 'must not be empty');
    for (const [field, [min, max]] of Object.entries(LIMITS)) {
      const value = values[field];
      if (value && value.length > max) fail(row.rowNumber, field, 'too_long', `at most ${max} characters`);
      else if (value && value.length < min) fail(row.rowNumber, field, 'too_short', `at least ${min} characters`);
    }
    const kind = values.kind ? orgKindOf(values.kind) : null;
    if (values.kind && (!kind || !IMPORTABLE_ORG_KINDS.includes(kind))) fail(row.rowNumber, 'kind', 'bad_kind', `one of ${IMPORTABLE_ORG_KINDS.join(', ')}`);
    if (kind && FLOW_KINDS.includes(kind)) {
      if (!values.province) fail(row.rowNumber, 'province', 'flow_needs_place', 'a flow organization needs the province it sits in');
      if (!values.city) fail(row.rowNumber, 'city', 'flow_needs_place', 'a flow organization needs the city it sits in');
    }
    const segments = parentSegments(values.parent ?? '');
    if (!values.name || segments.length === 0) continue;
    const place: OrgPlace = {};
    for (const field of PLACE_FIELDS) if (values[field]) place[field] = values[field];
    const node: RowNode = { name: values.name, kind, rowNumber: row.rowNumber, segments, place, broken: errors.length > before };
    node.row = node;
    rowNodes.push(node);
  }

  /** The org a node stands for: a row that is an existing org, or a duplicate, is that org. */
  const canonical = (node: Node): Node => {
    let at = node;
    while (at.row?.sameAs) at = at.row.sameAs;
    return at;
  };

  // Which org each row's parent column names. A row can only be told apart from an org of
  // the same name once its own parent is known, so this runs until nothing more is learnt.
  const rowsByName = new Map<string, RowNode[]>();
  for (const node of rowNodes) rowsByName.set(node.name, [...(rowsByName.get(node.name) ?? []), node]);
  const existingByName = new Map<string, Node[]>();
  for (const node of nodes.values()) existingByName.set(node.name, [...(existingByName.get(node.name) ?? []), node]);
  const parentOf = (node: Node): Node | null | undefined => (node.row ? node.row.parent : parentOfExisting(node));
  /** Ancestors' names, nearest first; undefined while a row in the chain is not identified. */
  const ancestorNames = (node: Node): string[] | undefined => {
    const names: string[] = [];
    for (let at = parentOf(node); at !== null; at = parentOf(at)) {
      if (at === undefined) return undefined;
      names.push(at.name);
      if (names.length > 64) return undefined;
    }
    return names;
  };
  const matchesPath = (node: Node, segments: readonly string[]): boolean | undefined => {
    if (segments.length === 1) return true;
    const names = ancestorNames(node);
    if (!names) return undefined;
    return segments.slice(0, -1).reverse().every((name, i) => names[i] === name);
  };

  type Identified = { found: Node } | { wait: true } | { refused: OrgImportErrorCode };
  const identify = (row: RowNode): Identified => {
    const name = row.segments.at(-1)!;
    const open: Node[] = [];
    const fallback: Node[] = [];
    let waiting = false;
    for (const node of existingByName.get(name) ?? []) {
      if (!matchesPath(node, row.segments)) continue;
      (node.existing!.closed ? fallback : open).push(node);
    }
    for (const other of rowsByName.get(name) ?? []) {
      if (other === row || other.sameAs) continue;
      // Not identified yet: it may turn out to be one of the orgs above, or another one.
      const matches = other.parent === undefined ? undefined : matchesPath(other, row.segments);
      if (matches === undefined) waiting = true;
      else if (matches) (other.broken || other.parent === null ? fallback : open).push(other);
    }
    if (open.length > 1) return { refused: 'ambiguous_parent' };
    if (waiting) return { wait: true };
    if (open.length === 1) return { found: open[0]! };
    if (fallback.length === 0) return { refused: 'unknown_parent' };
    return { refused: fallback.some((n) => n.row) ? 'parent_has_error' : 'parent_closed' };
  };

  const settle = (row: RowNode, parent: Node) => {
    row.parent = parent;
    // The same org as an existing one under that parent: not a new org (the import's key).
    const parentOrg = canonical(parent).existing;
    const twin = parentOrg ? (childrenByParent.get(parentOrg.id) ?? []).find((o) => o.name === row.name && !o.closed) : undefined;
    if (twin) {
      row.sameAs = nodes.get(twin.id)!;
      return;
    }
    // The same org as another row of the file: the later row is the duplicate.
    const other = rowNodes.find((o) => o !== row && o.name === row.name && !o.sameAs && o.parent && canonical(o.parent) === canonical(parent));
    if (other) {
      const [first, second] = other.rowNumber < row.rowNumber ? [other, row] : [row, other];
      second.sameAs = first;
      fail(second.rowNumber, 'name', 'duplicate_in_file', `the same organization as row ${first.rowNumber}`);
    }
  };

  let pending = rowNodes.slice();
  for (let progress = true; progress && pending.length > 0; ) {
    progress = false;
    pending = pending.filter((row) => {
      const found = identify(row);
      if ('wait' in found) return true;
      progress = true;
      if ('found' in found) settle(row, found.found);
      else refuse(row, found.refused);
      return false;
    });
  }
  // What is left waits on rows that wait on it: a cycle, or a row hanging from one.
  const stuck = new Set(pending);
  for (const row of pending) {
    const inCycle = reachesItself(row, stuck, (r) => candidatesAmong(r, stuck));
    refuse(row, inCycle ? 'cycle' : 'parent_has_error');
  }

  function candidatesAmong(row: RowNode, among: Set<RowNode>): RowNode[] {
    return (rowsByName.get(row.segments.at(-1)!) ?? []).filter((o) => o !== row && among.has(o));
  }
  function refuse(row: RowNode, code: OrgImportErrorCode) {
    row.parent = null;
    const detail: Record<OrgImportErrorCode, string> = {
      unknown_parent: 'no organization with this name in the county',
      ambiguous_parent: 'several organizations have this name: write its path, e.g. 马田镇党委/涌水村党支部',
      cycle: 'these rows name each other as parents',
      parent_has_error: "the parent's own row has an error",
      parent_closed: 'that organization is closed: it takes no new children',
    } as Record<OrgImportErrorCode, string>;
    fail(row.rowNumber, 'parent', code, detail[code] ?? code);
  }

  // Kinds under their parents, existing orgs compared, and the order to create in.
  const steps: OrgImportStep[] = [];
  const planned = new Map<RowNode, boolean>();
  const plan = (row: RowNode): boolean => {
    const done = planned.get(row);
    if (done !== undefined) return done;
    planned.set(row, false);
    // A duplicate row was reported; a broken or unplaced one too.
    if (row.broken || !row.parent || row.sameAs?.row) return false;
    const parent = canonical(row.parent);
    const parentRow = parent.row;
    if (parentRow && !plan(parentRow)) {
      fail(row.rowNumber, 'parent', 'parent_has_error', `the parent's row ${parentRow.rowNumber} was not imported`);
      return false;
    }
    const problem = parent.kind && row.kind ? childKindProblem(parent.kind, row.kind) : null;
    const twin = row.sameAs?.existing;
    if (twin) {
      if (twin.kind !== row.kind) {
        fail(row.rowNumber, 'kind', 'exists_with_other_kind', `already a ${twin.kind} under this parent`);
        return false;
      }
      const patch: OrgPlace = {};
      for (const field of PLACE_FIELDS) if (row.place[field] && row.place[field] !== twin[field]) patch[field] = row.place[field];
      steps.push(Object.keys(patch).length > 0 ? { type: 'update', rowNumber: row.rowNumber, orgId: twin.id, patch } : { type: 'unchanged', rowNumber: row.rowNumber, orgId: twin.id });
      planned.set(row, true);
      return true;
    }
    if (problem) {
      fail(row.rowNumber, 'kind', 'kind_not_allowed', problem);
      return false;
    }
    const parentRef = parentRow ? { rowNumber: parentRow.rowNumber } : { orgId: parent.existing!.id };
    steps.push({ type: 'create', rowNumber: row.rowNumber, kind: row.kind!, name: row.name, place: row.place, parent: parentRef });
    planned.set(row, true);
    return true;
  };
  rowNodes.forEach(plan);
  errors.sort((a, b) => a.row - b.row);
  return { steps, errors };
}

/** True when following `next` from `start` (through rows still in the set) comes back to it. */
function reachesItself<T>(start: T, among: Set<T>, next: (node: T) => T[]): boolean {
  const seen = new Set<T>();
  const stack = next(start);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === start) return true;
    if (seen.has(node) || !among.has(node)) continue;
    seen.add(node);
    stack.push(...next(node));
  }
  return false;
}
