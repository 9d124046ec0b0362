import type { OrgImportRow } from '@tongxin/ledger/xlsx/org-fields';
import { describe, expect, it } from 'vitest';
import { planOrgImport, type ExistingOrg } from './plan-org-import.ts';

const org = (id: string, parentId: string | null, kind: ExistingOrg['kind'], name: string, extra: Partial<ExistingOrg> = {}): ExistingOrg => ({
  id, parentId, kind, name, place: null, province: null, city: null, address: null, closed: false, ...extra,
});
// 宜章县委 → 宜章县委组织部 → 梅田镇党委 → 平和村党支部; 黄沙镇党委 → 平和村党支部 (the same name); 旧镇党委 closed.
const COUNTY = [
  org('county', null, 'county', '宜章县委'),
  org('dep', 'county', 'department', '宜章县委组织部'),
  org('meitian', 'dep', 'township', '梅田镇党委', { place: '梅田镇' }),
  org('pinghe', 'meitian', 'branch', '平和村党支部'),
  org('huangsha', 'dep', 'township', '黄沙镇党委'),
  org('pinghe2', 'huangsha', 'branch', '平和村党支部'),
  org('old', 'dep', 'township', '旧镇党委', { closed: true }),
];
let next = 2;
const row = (parent: string, kind: string, name: string, extra: OrgImportRow['values'] = {}): OrgImportRow => ({ rowNumber: next++, values: { parent, kind, name, ...extra } });
const codes = (plan: ReturnType<typeof planOrgImport>) => plan.errors.map((e) => [e.row, e.column, e.code]);

describe('planning an org-tree import', () => {
  it('creates rows under existing orgs and under other rows, parents first, whatever the order of the file', () => {
    next = 2;
    const rows = [
      row('白石渡镇党委/新田村党支部', 'branch', '新田村党支部X'),
      row('白石渡镇党委', '党支部', '新田村党支部'),
      row('宜章县委组织部', '乡镇党委', '白石渡镇党委', { place: '白石渡镇' }),
      row('白石渡镇党委', '流动党总支', '驻广州流动党总支', { province: '广东省', city: '广州' }),
      row('驻广州流动党总支', '流动党支部', '驻广州白云流动党支部', { province: '广东省', city: '广州' }),
    ];
    const plan = planOrgImport(COUNTY, rows);
    // A branch takes no child organizations.
    expect(codes(plan)).toEqual([[2, 'kind', 'kind_not_allowed']]);
    expect(plan.steps.map((s) => [s.type, s.rowNumber])).toEqual([['create', 4], ['create', 3], ['create', 5], ['create', 6]]);
    expect(plan.steps[0]).toMatchObject({ parent: { orgId: 'dep' }, kind: 'township', name: '白石渡镇党委', place: { place: '白石渡镇' } });
    expect(plan.steps[1]).toMatchObject({ parent: { rowNumber: 4 }, kind: 'branch' });
    expect(plan.steps[3]).toMatchObject({ parent: { rowNumber: 5 }, kind: 'flow_branch', place: { province: '广东省', city: '广州' } });
  });

  it('an existing org with the same parent and name is not created again: unchanged, or its place updated', () => {
    next = 2;
    const plan = planOrgImport(COUNTY, [row('宜章县委组织部', '乡镇党委', '梅田镇党委', { place: '梅田镇' }), row('宜章县委组织部', '乡镇党委', '黄沙镇党委', { place: '黄沙镇' })]);
    expect(plan.errors).toEqual([]);
    expect(plan.steps).toEqual([
      { type: 'unchanged', rowNumber: 2, orgId: 'meitian' },
      { type: 'update', rowNumber: 3, orgId: 'huangsha', patch: { place: '黄沙镇' } },
    ]);
  });

  it('a child of a row that is an existing org hangs under that org', () => {
    next = 2;
    const plan = planOrgImport(COUNTY, [row('梅田镇党委', '党支部', '东风村党支部'), row('宜章县委组织部', '乡镇党委', '梅田镇党委')]);
    expect(plan.steps).toEqual([
      expect.objectContaining({ type: 'create', rowNumber: 2, parent: { orgId: 'meitian' } }),
      { type: 'unchanged', rowNumber: 3, orgId: 'meitian' },
    ]);
  });

  it('a name two orgs of the county share needs the path; with it the row lands', () => {
    next = 2;
    const plan = planOrgImport(COUNTY, [
      row('平和村党支部', '党支部', '平和村第一党支部'),
      row('黄沙镇党委/平和村党支部', '党支部', '平和村第二党支部'),
      row('宜章县委组织部/黄沙镇党委', '党总支', '黄沙镇机关党总支'),
      row('宜章县委/宜章县委组织部/梅田镇党委', '党总支', '梅田镇机关党总支'),
      row('梅田镇党委/平和村', '党支部', '某支部'),
    ]);
    expect(codes(plan)).toEqual([[2, 'parent', 'ambiguous_parent'], [3, 'kind', 'kind_not_allowed'], [6, 'parent', 'unknown_parent']]);
    expect(plan.steps.map((s) => s.rowNumber)).toEqual([4, 5]);
  });

  it('rows naming each other are a cycle; rows hanging from them, from a bad row or from nothing are refused; nothing of theirs is planned', () => {
    next = 2;
    const plan = planOrgImport(COUNTY, [
      row('乙党总支', '党总支', '甲党总支'),
      row('甲党总支', '党总支', '乙党总支'),
      row('甲党总支', '党支部', '丙党支部'),
      row('不存在镇党委', '党支部', '丁党支部'),
      row('宜章县委组织部', '居委会', '戊社区'),
      row('戊社区', '党支部', '己党支部'),
      row('旧镇党委', '党支部', '庚党支部'),
      row('梅田镇党委', '党支部', '辛党支部'),
    ]);
    expect(codes(plan)).toEqual([
      [2, 'parent', 'cycle'], [3, 'parent', 'cycle'], [4, 'parent', 'parent_has_error'], [5, 'parent', 'unknown_parent'],
      [6, 'kind', 'bad_kind'], [7, 'parent', 'parent_has_error'], [8, 'parent', 'parent_closed'],
    ]);
    expect(plan.steps).toEqual([expect.objectContaining({ type: 'create', rowNumber: 9, name: '辛党支部' })]);
  });

  it('a flow organization without its province and city, a missing name, and the same org twice are row errors', () => {
    next = 2;
    const plan = planOrgImport(COUNTY, [
      row('梅田镇党委', '流动党支部', '驻东莞流动党支部', { city: '东莞' }),
      row('梅田镇党委', '党支部', ''),
      row('梅田镇党委', '党支部', '南岭村党支部'),
      row('梅田镇党委', '党支部', '南岭村党支部'),
      row('梅田镇党委', '组织部', '第二组织部'),
      row('梅田镇党委', '党支部', '长'.repeat(61)),
    ]);
    expect(codes(plan)).toEqual([
      [2, 'province', 'flow_needs_place'], [3, 'name', 'required'], [5, 'name', 'duplicate_in_file'], [6, 'kind', 'bad_kind'], [7, 'name', 'too_long'],
    ]);
    expect(plan.steps.map((s) => s.rowNumber)).toEqual([4]);
  });

  it('an existing org of another kind under the same parent is refused, not changed', () => {
    next = 2;
    const plan = planOrgImport(COUNTY, [row('宜章县委组织部', '街道党工委', '梅田镇党委')]);
    expect(codes(plan)).toEqual([[2, 'kind', 'exists_with_other_kind']]);
    expect(plan.steps).toEqual([]);
  });
});
