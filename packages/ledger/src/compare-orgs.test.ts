import { describe, expect, it } from 'vitest';
import { CHILD_KINDS, ORG_KINDS } from './org-kinds.ts';
import { compareOrgs, ORG_KIND_ORDER, sortOrgs } from './compare-orgs.ts';

describe('compareOrgs', () => {
  it('lists kinds above first, then names in pinyin order', () => {
    const orgs = [
      { kind: 'branch', name: '马田村党支部' },
      { kind: 'flow_branch', name: '永兴县驻广州流动党员党支部' },
      { kind: 'township', name: '马田镇党委' },
      { kind: 'branch', name: '柏林村党支部' },
      { kind: 'township', name: '黄草镇党委' },
      { kind: 'mobile_branch', name: '涌水村流动党员党支部' },
      { kind: 'branch', name: '涌水村党支部' },
      { kind: 'flow_branch', name: '永兴县驻东莞流动党员党支部' },
      { kind: 'department', name: '中共永兴县委组织部' },
      { kind: 'township', name: '柏林镇党委' },
    ];
    expect(sortOrgs(orgs).map((o) => o.name)).toEqual([
      '中共永兴县委组织部',
      '柏林镇党委', '黄草镇党委', '马田镇党委', // bǎi, huáng, mǎ: not the code points' order
      '柏林村党支部', '马田村党支部', '涌水村党支部',
      '涌水村流动党员党支部',
      '永兴县驻东莞流动党员党支部', '永兴县驻广州流动党员党支部',
    ]);
  });

  it('puts every kind after the kinds it may hang under, so a sorted list has parents first', () => {
    for (const parent of ORG_KINDS) {
      for (const child of CHILD_KINDS[parent]) {
        expect(compareOrgs({ kind: parent, name: '乙' }, { kind: child, name: '甲' }), `${parent} before ${child}`).toBeLessThan(0);
      }
    }
    expect([...ORG_KIND_ORDER].sort()).toEqual([...ORG_KINDS].sort());
  });

  it('lists a kind it does not know last', () => {
    expect(sortOrgs([{ kind: 'other', name: '阿' }, { kind: 'flow_branch', name: '左' }]).map((o) => o.kind)).toEqual(['flow_branch', 'other']);
  });
});
