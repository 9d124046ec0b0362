import { ORG_KINDS, type OrgKind } from '../org-kinds.ts';
import type { XlsxLocale } from './import-fields.ts';

// The light half of the org-tree import (issue 12): columns, kind labels, error codes and the
// upload order, shared by the server (which must not load exceljs) and the workbook code.

/** The organizations template's columns, in order. `parent` names the parent by name, or by path. */
export const ORG_IMPORT_FIELDS = ['parent', 'kind', 'name', 'place', 'province', 'city', 'address'] as const;
export type OrgImportField = (typeof ORG_IMPORT_FIELDS)[number];

export const ORG_REQUIRED_FIELDS: readonly OrgImportField[] = ['parent', 'kind', 'name'];

export const ORG_FIELD_HEADERS: Record<OrgImportField, Record<XlsxLocale, string>> = {
  parent: { 'zh-CN': '上级组织', en: 'Parent organization' },
  kind: { 'zh-CN': '组织类型', en: 'Kind' },
  name: { 'zh-CN': '组织名称', en: 'Name' },
  place: { 'zh-CN': '所在地', en: 'Place' },
  province: { 'zh-CN': '所在省份', en: 'Province' },
  city: { 'zh-CN': '所在城市', en: 'City' },
  address: { 'zh-CN': '详细地址', en: 'Address' },
};

const HEADER_ALIASES: Record<string, OrgImportField> = {
  上级: 'parent', 上级党组织: 'parent', 上级组织名称: 'parent', 类型: 'kind', 组织类别: 'kind', 名称: 'name',
  党组织名称: 'name', 组织: 'name', 地点: 'place', 省份: 'province', 省: 'province', 城市: 'city', 市: 'city', 地址: 'address',
  parent: 'parent', 'parent org': 'parent', type: 'kind', 'organization kind': 'kind', 'organization name': 'name',
};

/** The kinds in the words counties use; the same as the tree page shows. */
export const ORG_KIND_LABELS: Record<OrgKind, Record<XlsxLocale, string>> = {
  county: { 'zh-CN': '县委', en: 'County committee' },
  department: { 'zh-CN': '组织部', en: 'Organization department' },
  township: { 'zh-CN': '乡镇党委', en: 'Township committee' },
  street: { 'zh-CN': '街道党工委', en: 'Street committee' },
  branch: { 'zh-CN': '党支部', en: 'Branch' },
  general_branch: { 'zh-CN': '党总支', en: 'General branch' },
  mobile_branch: { 'zh-CN': '流动党员党支部', en: 'Mobile-member branch' },
  flow_general: { 'zh-CN': '流动党总支', en: 'Flow general branch' },
  flow_branch: { 'zh-CN': '流动党支部', en: 'Flow branch' },
};

/** What an import may create: the county committee and its department come with the county. */
export const IMPORTABLE_ORG_KINDS: readonly OrgKind[] = ['township', 'street', 'general_branch', 'branch', 'mobile_branch', 'flow_general', 'flow_branch'];

const KIND_ALIASES: Record<string, OrgKind> = {
  镇党委: 'township', 乡党委: 'township', 乡镇: 'township', 街道党委: 'street', 街道: 'street', 村党支部: 'branch',
  社区党支部: 'branch', 支部: 'branch', 总支: 'general_branch', 流动党员支部: 'mobile_branch', 流动支部: 'flow_branch',
  '驻外流动党支部': 'flow_branch', '驻外流动党总支': 'flow_general',
};

const normalize = (text: string) => text.replace(/[\s*＊:：（）()_-]/g, '').toLowerCase();

const KIND_LOOKUP = new Map<string, OrgKind>([
  ...ORG_KINDS.flatMap((k) => [[normalize(ORG_KIND_LABELS[k]['zh-CN']), k], [normalize(ORG_KIND_LABELS[k].en), k], [normalize(k), k]] as [string, OrgKind][]),
  ...Object.entries(KIND_ALIASES).map(([label, k]) => [normalize(label), k] as [string, OrgKind]),
]);

/** 乡镇党委 / Township committee / township → the stored kind; null when it names none. */
export function orgKindOf(label: string): OrgKind | null {
  return KIND_LOOKUP.get(normalize(label)) ?? null;
}

const HEADER_LOOKUP = new Map<string, OrgImportField>([
  ...ORG_IMPORT_FIELDS.flatMap((f) => [[normalize(ORG_FIELD_HEADERS[f]['zh-CN']), f], [normalize(ORG_FIELD_HEADERS[f].en), f]] as [string, OrgImportField][]),
  ...Object.entries(HEADER_ALIASES).map(([h, f]) => [normalize(h), f] as [string, OrgImportField]),
]);

export function orgFieldOfHeader(header: string): OrgImportField | null {
  return HEADER_LOOKUP.get(normalize(header)) ?? null;
}

/** A path in the parent column: 马田镇党委/涌水村党支部 (full-width ／ and ＞ too). */
export function parentSegments(parent: string): string[] {
  return parent.split(/[/／>＞]/).map((s) => s.trim()).filter(Boolean);
}

export const ORG_IMPORT_ERROR_CODES = [
  'required', 'too_long', 'too_short', 'bad_kind', 'kind_not_allowed', 'unknown_parent', 'ambiguous_parent', 'cycle',
  'parent_has_error', 'parent_closed', 'duplicate_in_file', 'exists_with_other_kind', 'flow_needs_place',
] as const;
export type OrgImportErrorCode = (typeof ORG_IMPORT_ERROR_CODES)[number];

export interface OrgImportError {
  row: number;
  /** An OrgImportField, or '' for the whole row. */
  column: string;
  code: OrgImportErrorCode;
  message: string;
}

export const ORG_IMPORT_ERROR_MESSAGES: Record<OrgImportErrorCode, Record<XlsxLocale, string>> = {
  required: { 'zh-CN': '必填项，不能为空', en: 'Required: must not be empty' },
  too_long: { 'zh-CN': '内容太长', en: 'Too long' },
  too_short: { 'zh-CN': '内容太短', en: 'Too short' },
  bad_kind: {
    'zh-CN': '不是可导入的组织类型，请从下拉列表中选择（乡镇党委、街道党工委、党总支、党支部、流动党员党支部、流动党总支、流动党支部）',
    en: 'Not a kind an import can create: pick one from the list',
  },
  kind_not_allowed: { 'zh-CN': '这类组织不能设在该上级组织之下', en: 'This kind of organization cannot sit under that parent' },
  unknown_parent: {
    'zh-CN': '本县没有这个上级组织（若上级组织也在本文件中，请检查其名称是否一致，并先改正该行的错误）',
    en: 'No parent organization with this name in the county (if the parent is in this file, check its name and correct its row first)',
  },
  ambiguous_parent: {
    'zh-CN': '本县有多个同名的上级组织，请写出路径，例如“马田镇党委/涌水村党支部”',
    en: 'Several organizations in the county have this name: write its path, e.g. 马田镇党委/涌水村党支部',
  },
  cycle: { 'zh-CN': '这几行互为上级，形成了循环', en: 'These rows name each other as parents: a cycle' },
  parent_has_error: { 'zh-CN': '上级组织所在的行有错误，请先改正该行', en: 'The parent’s own row has an error: correct that row first' },
  parent_closed: { 'zh-CN': '上级组织已撤销，不能再设下级组织', en: 'The parent organization is closed: it takes no new children' },
  duplicate_in_file: { 'zh-CN': '同一上级组织下的同名组织在文件中重复出现', en: 'The same name under the same parent appears more than once in the file' },
  exists_with_other_kind: { 'zh-CN': '该上级组织下已有同名但类型不同的组织', en: 'An organization with this name but another kind already sits under this parent' },
  flow_needs_place: { 'zh-CN': '流动党组织须填写所在省份和城市', en: 'A flow organization needs its province and city' },
};

export interface OrgImportRow {
  rowNumber: number;
  values: Partial<Record<OrgImportField, string>>;
}

/**
 * At most this many rows per `excel.importOrgs` call. Planning rows that name each other
 * grows faster than the rows (a hostile file of 500 rows all named alike took 1.8 s of the
 * server's CPU, 97 ms at 200); parents are sent before their children, so later chunks find
 * them as existing orgs.
 */
export const ORG_IMPORT_CHUNK_ROWS = 200;

/**
 * The rows in upload order: a row whose parent column ends with another row's name comes
 * after that row, so when the file is sent in chunks a parent always lands before its
 * children, whatever order the file has. Rows caught in a loop of names keep their order
 * and go last, together, so the service sees the whole loop in one chunk and reports it.
 */
export function orderForImport<R extends OrgImportRow>(rows: readonly R[]): R[] {
  const byName = new Map<string, R[]>();
  for (const row of rows) {
    const name = row.values.name?.trim();
    if (name) byName.set(name, [...(byName.get(name) ?? []), row]);
  }
  const parentsOf = (row: R) => byName.get(parentSegments(row.values.parent ?? '').at(-1) ?? '')?.filter((p) => p !== row) ?? [];
  const ordered: R[] = [];
  const state = new Map<R, 'visiting' | 'done'>();
  const looped = new Set<R>();
  const visit = (row: R): boolean => {
    const seen = state.get(row);
    if (seen === 'done') return !looped.has(row);
    if (seen === 'visiting') return false;
    state.set(row, 'visiting');
    let ok = true;
    for (const parent of parentsOf(row)) ok = visit(parent) && ok;
    state.set(row, 'done');
    if (ok) ordered.push(row);
    else looped.add(row);
    return ok;
  };
  rows.forEach(visit);
  return [...ordered, ...rows.filter((row) => looped.has(row))];
}
