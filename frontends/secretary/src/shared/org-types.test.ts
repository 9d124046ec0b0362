import { describe, expect, it } from 'vitest';
import { buildTree, flatten, type TreeOrg } from './org-types.ts';

const org = (id: string, kind: string, name: string, parentId: string | null) => ({ id, kind, name, parentId, memberCount: 0 }) as unknown as TreeOrg;

describe('buildTree', () => {
  it('nests siblings by kind, then in pinyin order, whatever order the server sent', () => {
    const orgs = [
      org('mt', 'township', '马田镇党委', 'd'),
      org('mt-yj', 'mobile_branch', '涌水村流动党员党支部', 'mt'),
      org('mt-ys', 'branch', '涌水村党支部', 'mt'),
      org('hc', 'township', '黄草镇党委', 'd'),
      org('mt-gt', 'branch', '高亭村党支部', 'mt'),
      org('d', 'department', '中共永兴县委组织部', null),
      org('bl', 'township', '柏林镇党委', 'd'),
    ];
    expect(flatten(buildTree(orgs)).map((node) => `${node.depth}${node.org.name}`)).toEqual([
      '0中共永兴县委组织部', '1柏林镇党委', '1黄草镇党委', '1马田镇党委', '2高亭村党支部', '2涌水村党支部', '2涌水村流动党员党支部',
    ]);
  });
});
