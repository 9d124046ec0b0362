import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACCESS_COOKIE, CSRF_HEADER, type RoleGrant } from '@tongxin/auth';
import { localDiskStore } from '@tongxin/storage/local-disk';
import type { Database } from '@tongxin/db';
import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { app } from '../app.ts';
import { migrations } from '../migrations.ts';
import { checkins, members, orgs } from '../schema.ts';

// Two counties as tasks' copies know them (what roster's and reporting's events leave):
// 永兴县 'yx' publishes; its flow branch in 广州 also takes in 汝城县 'rc' members who checked in.
const id = () => crypto.randomUUID();
export const o = {
  yxDepartment: id(), matian: id(), yongshui: id(), yongshuiMobile: id(), huangcao: id(), longtan: id(), gzFlow: id(),
  rcDepartment: id(), reshui: id(),
};
export type OrgKey = keyof typeof o;
const tenantOf = (org: OrgKey) => (org === 'rcDepartment' || org === 'reshui' ? 'rc' : 'yx');
export const path = (...keys: OrgKey[]) => `/${keys.map((k) => o[k]).join('/')}/`;
export const paths: Record<OrgKey, string> = {
  yxDepartment: path('yxDepartment'),
  matian: path('yxDepartment', 'matian'),
  yongshui: path('yxDepartment', 'matian', 'yongshui'),
  yongshuiMobile: path('yxDepartment', 'matian', 'yongshuiMobile'),
  huangcao: path('yxDepartment', 'huangcao'),
  longtan: path('yxDepartment', 'huangcao', 'longtan'),
  gzFlow: path('yxDepartment', 'matian', 'gzFlow'),
  rcDepartment: path('rcDepartment'),
  reshui: path('rcDepartment', 'reshui'),
};
const orgRows: { org: OrgKey; kind: string; name: string; city?: string }[] = [
  { org: 'yxDepartment', kind: 'department', name: '中共永兴县委组织部' },
  { org: 'matian', kind: 'township', name: '马田镇党委' },
  { org: 'yongshui', kind: 'branch', name: '涌水村党支部' },
  { org: 'yongshuiMobile', kind: 'mobile_branch', name: '涌水村流动党员党支部' },
  { org: 'huangcao', kind: 'township', name: '黄草镇党委' },
  { org: 'longtan', kind: 'branch', name: '龙潭村党支部' },
  { org: 'gzFlow', kind: 'flow_branch', name: '永兴县驻广州流动党员党支部', city: '广州' },
  { org: 'rcDepartment', kind: 'department', name: '中共汝城县委组织部' },
  { org: 'reshui', kind: 'branch', name: '热水村党支部' },
];

export interface FixtureMember {
  key: string;
  memberId: string;
  userId: string;
  tenantId: string;
  org: OrgKey;
  name: string;
  status: string;
  city: string | null;
}
const person = (key: string, org: OrgKey, name: string, status: string, city: string | null): FixtureMember => ({
  key, memberId: id(), userId: `u-${key}`, tenantId: tenantOf(org), org, name, status, city,
});
export const people = {
  /** In the village branch, at home. */
  lihua: person('lihua', 'yongshui', '李华', 'resident', null),
  /** In the mobile-member branch, working in 广州, checked in with the county's own flow branch there. */
  liming: person('liming', 'yongshuiMobile', '李明', 'mobile', '广州'),
  /** Another township, working in 深圳. */
  huang: person('huang', 'longtan', '黄文杰', 'mobile', '深圳'),
  /** 汝城县, working in 广州, checked in with 永兴县's flow branch there. */
  chen: person('chen', 'reshui', '陈志强', 'mobile', '广州'),
  /** 汝城县, in 广州 too, but not checked in anywhere. */
  zhou: person('zhou', 'reshui', '周红', 'mobile', '广州'),
};
/** Thirty more members of the village branch, for the crowd around a popular task. */
export const crowd = Array.from({ length: 30 }, (_, i) => person(`crowd${String(i + 1).padStart(2, '0')}`, 'yongshui', `群众党员${i + 1}`, 'resident', null));

export const member = (m: FixtureMember) => ({ tenantId: m.tenantId, userId: m.userId, roles: [{ role: 'member', orgId: o[m.org] }] as RoleGrant[] });
export const secretaryOf = (org: OrgKey, also: RoleGrant[] = []) => ({ tenantId: tenantOf(org), userId: `sec-${org}`, roles: [{ role: 'secretary', orgId: o[org] }, ...also] as RoleGrant[] });
export const department = (tenantId = 'yx') => ({ tenantId, userId: `dep-${tenantId}`, roles: [{ role: 'department' }] as RoleGrant[] });

/** Writes the copies as the owner, as the copy consumer would have (tested in copies/). */
export async function seedCopies(database: Database) {
  await database.owner.insert(orgs).values(orgRows.map((r) => ({ tenantId: tenantOf(r.org), orgId: o[r.org], kind: r.kind, name: r.name, path: paths[r.org], city: r.city ?? null })));
  await database.owner.insert(members).values(
    [...Object.values(people), ...crowd].map((m) => ({
      tenantId: m.tenantId, memberId: m.memberId, userId: m.userId, name: m.name, branchId: o[m.org], orgPath: paths[m.org], status: m.status, destinationCity: m.city,
    })),
  );
  await database.owner.insert(checkins).values([
    { tenantId: 'yx', memberId: people.liming.memberId, checkinId: id(), destTenantId: 'yx', destOrgId: o.gzFlow, destOrgPath: paths.gzFlow },
    { tenantId: 'rc', memberId: people.chen.memberId, checkinId: id(), destTenantId: 'yx', destOrgId: o.gzFlow, destOrgPath: paths.gzFlow },
  ]);
}

/** The tasks app over a fresh database with both counties' copies. */
export async function createTasksHarness(): Promise<ServiceHarness> {
  const h = await createServiceHarness(app, [migrations]);
  await seedCopies(h.database);
  return h;
}

export const trpc = (procedure: string) => `/api/tasks/trpc/${procedure}`;
export const key = (label: string) => `${label}-${id()}`;

/** A sell-oranges task of the village branch: quota 2, a number of boxes, a photo only if one likes. */
export const oranges = (extra: Record<string, unknown> = {}) => ({
  orgId: o.yongshui,
  kind: 'sell_products',
  title: '帮村里销售冰糖橙',
  description: '在所在城市联系商超或同事团购，记录卖出的箱数。',
  target: { amount: 100, unit: 'boxes' },
  quota: 2,
  deadline: '2026-11-30T18:00:00+08:00',
  visibility: 'org',
  city: null,
  evidence: { photo: 'optional', photoReason: '发货单照片便于核对箱数', text: false, number: true },
  points: 10,
  study: null,
  idempotencyKey: key('publish'),
  ...extra,
});

/** Publishes as `as` and answers the task id (fails the test on an error). */
export async function publish(h: ServiceHarness, as: ReturnType<typeof secretaryOf>, extra: Record<string, unknown> = {}): Promise<string> {
  const result = await h.mutate(trpc('tasks.publish'), { as, input: oranges(extra) });
  if (result.error) throw new Error(`publish failed: ${JSON.stringify(result.error)}`);
  return result.data.id as string;
}

/** Claims by the task's id alone, as the member view does: the server finds its county. */
export async function claim(h: ServiceHarness, who: FixtureMember, taskId: string, idempotencyKey = key('claim')) {
  return h.mutate(trpc('claims.claim'), { as: member(who), input: { taskId, idempotencyKey } });
}

/** The tasks outbox's events of a topic, oldest first. */
export async function events(h: ServiceHarness, topic: string) {
  const { rows } = await h.database.owner.execute(sql`select tenant_id, payload from tasks.outbox where topic = ${topic} order by created_at, id`);
  return rows as { tenant_id: string; payload: Record<string, unknown> }[];
}

/** A count over tasks' tables as the owner: what is really stored. */
export async function count(h: ServiceHarness, table: string, where = sql`true`): Promise<number> {
  const { rows } = await h.database.owner.execute(sql`select count(*)::int as n from ${sql.raw(`tasks.${table}`)} where ${where}`);
  return (rows[0] as { n: number }).n;
}

/**
 * The headers of each image type with their dimensions (640×480), padded: what the upload
 * route checks (the type from the signature, the size from the JPEG frame header, the PNG
 * IHDR, the WebP VP8 frame).
 */
const be16 = (n: number) => [n >> 8, n & 0xff];
const le16 = (n: number) => [n & 0xff, n >> 8];
export const images = {
  jpeg: (size = 2048, width = 640, height = 480) =>
    withHeader([
      0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
      0xff, 0xc0, 0x00, 0x11, 0x08, ...be16(height), ...be16(width), 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01,
      0xff, 0xda,
    ], size),
  png: (size = 2048, width = 640, height = 480) =>
    withHeader([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, ...be16(width), 0, 0, ...be16(height), 8, 2, 0, 0, 0], size),
  webp: (size = 2048, width = 640, height = 480) =>
    withHeader([0x52, 0x49, 0x46, 0x46, 0xf8, 0x07, 0x00, 0x00, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50, 0x38, 0x20, 0xea, 0x07, 0, 0, 0x10, 0x02, 0x00, 0x9d, 0x01, 0x2a, ...le16(width), ...le16(height)], size),
};
function withHeader(header: number[], size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set(header.slice(0, size));
  for (let i = header.length; i < size; i++) bytes[i] = i % 251;
  return bytes;
}

/** POST /api/tasks/evidence as `as` (undefined: anonymous), as the member view sends it. */
export async function upload(h: ServiceHarness, as: { tenantId: string; userId: string; roles: RoleGrant[] } | undefined, bytes: Uint8Array, type = 'image/jpeg', headers: Record<string, string> = {}) {
  const cookie = as ? `${ACCESS_COOKIE}=${await h.tokenFor(as)}` : '';
  return h.request('/api/tasks/evidence', { method: 'POST', headers: { cookie, 'content-type': type, [CSRF_HEADER]: '1', ...headers }, body: bytes as Uint8Array<ArrayBuffer> });
}

/** Uploads a JPEG and answers its id (fails the test otherwise). */
export async function uploadPhoto(h: ServiceHarness, who: FixtureMember): Promise<string> {
  const response = await upload(h, member(who), images.jpeg());
  if (response.status !== 200) throw new Error(`upload failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { photoId: string }).photoId;
}

/** A blob store in a fresh temporary folder, for the upload route. */
export async function useTemporaryBlobs(h: ServiceHarness): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tongxin-tasks-blobs-'));
  h.deps.blobs = localDiskStore(dir);
  return dir;
}
