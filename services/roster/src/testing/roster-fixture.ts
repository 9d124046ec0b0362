import type { Database } from '@tongxin/db';
import { countyState, members, orgs } from '../schema.ts';

type OrgKind = (typeof orgs.kind.enumValues)[number];

/**
 * A small county tree (department → 2 townships → 3 branches, one flow branch) with members,
 * and a second county, written as the owner the way seeding does.
 */
export async function seedRoster(database: Database) {
  const db = database.owner;
  const ids: Record<string, string> = {};
  const paths: Record<string, string> = {};
  const add = async (tenantId: string, key: string, parent: string | null, kind: OrgKind, name: string, place: string | null = null) => {
    const id = crypto.randomUUID();
    ids[key] = id;
    paths[key] = `${parent ? paths[parent] : '/'}${id}/`;
    await db.insert(orgs).values({ tenantId, id, parentId: parent ? ids[parent] : null, kind, name, place, path: paths[key]! });
  };
  await add('yx', 'department', null, 'department', '永兴县委组织部');
  await add('yx', 'matian', 'department', 'township', '马田镇党委', '马田镇');
  await add('yx', 'yongshui', 'matian', 'branch', '涌水村党支部');
  await add('yx', 'yongshuiMobile', 'matian', 'mobile_branch', '涌水村流动党员党支部');
  await add('yx', 'huangcao', 'department', 'township', '黄草镇党委');
  await add('yx', 'longtan', 'huangcao', 'branch', '龙潭村党支部');
  await add('yx', 'flowGeneral', 'department', 'flow_general', '永兴县驻外流动党员党总支');
  await add('yx', 'shenzhen', 'flowGeneral', 'flow_branch', '永兴县驻深圳流动党员党支部');
  await add('rc', 'rcDepartment', null, 'department', '汝城县委组织部');
  await add('rc', 'reshui', 'rcDepartment', 'branch', '热水村党支部');
  // Both counties are in use: their flow organizations belong in the directory (issue 12).
  await db.insert(countyState).values([{ tenantId: 'yx', liveAt: new Date() }, { tenantId: 'rc', liveAt: new Date() }]);

  const member = (tenantId: string, branch: string, name: string, extra: Partial<typeof members.$inferInsert> = {}) => ({
    tenantId, name, branchId: ids[branch]!, orgPath: paths[branch]!, ...extra,
  });
  await db.insert(members).values([
    member('yx', 'yongshui', '曹德胜'),
    member('yx', 'yongshui', '曹春生'),
    member('yx', 'yongshuiMobile', '李明', { userId: 'user-liming', status: 'mobile', destinationCity: '深圳' }),
    member('yx', 'yongshuiMobile', '李华', { status: 'mobile', destinationCity: '东莞' }),
    member('yx', 'longtan', '黄文杰'),
    member('rc', 'reshui', '朱国平'),
  ]);
  return { ids, paths };
}
