import { rm } from 'node:fs/promises';
import { tenantTransaction, type Scope } from '@tongxin/db';
import type { ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claim, createTasksHarness, department, key, member, o, people, publish, secretaryOf, trpc, uploadPhoto, useTemporaryBlobs } from '../testing/tasks-fixture.ts';

// The catalog-wide checks are in infra/runner/src/tenancy.test.ts; these add what only tasks
// has: rows that two counties share (a flow organization's claims by another county's members).
let h: ServiceHarness;
let blobDir: string;
const tables = ['tasks', 'task_versions', 'claims', 'completions', 'evidence_photos', 'outbox', 'members', 'orgs', 'checkins', 'processed_events'];

beforeAll(async () => {
  h = await createTasksHarness();
  blobDir = await useTemporaryBlobs(h);
  const flow = await publish(h, secretaryOf('gzFlow'), { orgId: o.gzFlow, visibility: 'flow_org', title: '广州：共享' });
  await publish(h, department(), { orgId: o.yxDepartment, visibility: 'tenant_mobile', title: '全县' });
  await publish(h, secretaryOf('yongshui'), { title: '草稿', draft: true });
  const { claimId } = (await claim(h, people.chen, flow)).data;
  const photoId = await uploadPhoto(h, people.chen);
  const submitted = await h.mutate(trpc('completions.submit'), { as: member(people.chen), input: { claimId, amount: 1, photoIds: [photoId], idempotencyKey: key('s') } });
  await h.mutate(trpc('completions.review'), { as: secretaryOf('gzFlow'), input: { completionId: submitted.data.completionId, decision: 'approve', reason: null } });
});
afterAll(async () => {
  await h.close();
  await rm(blobDir, { recursive: true, force: true });
});

async function visible(scope: Scope) {
  return tenantTransaction(h.database, scope, async (tx) => {
    const counts: Record<string, number> = {};
    for (const table of tables) counts[table] = ((await tx.execute(sql`select count(*)::int as n from ${sql.raw(`tasks.${table}`)}`)).rows[0] as { n: number }).n;
    return counts;
  });
}
const none = Object.fromEntries(tables.map((t) => [t, 0]));

describe('tasks’ policies', () => {
  it('a transaction without a tenant sees no row of any tasks table, whoever it claims to be', async () => {
    expect(await visible({ tenantId: null, tenantWide: true })).toEqual(none);
    expect(await visible({ tenantId: null, userId: people.chen.userId })).toEqual(none);
  });

  it('a third county sees nothing of the two', async () => {
    expect(await visible({ tenantId: 'zz', tenantWide: true, userId: people.chen.userId, orgIds: [o.gzFlow] })).toEqual(none);
  });

  it('the member’s county sees its member’s claim and completion in the other county, but none of that county’s tasks (and photos only their uploader and reviewers)', async () => {
    const rc = await tenantTransaction(h.database, { tenantId: 'rc', tenantWide: true }, async (tx) =>
      (await tx.execute(sql`select
        (select count(*)::int from tasks.tasks where tenant_id = 'yx') as tasks,
        (select count(*)::int from tasks.task_versions where tenant_id = 'yx') as versions,
        (select count(*)::int from tasks.outbox where tenant_id = 'yx') as outbox,
        (select count(*)::int from tasks.claims where tenant_id = 'yx') as claims,
        (select count(*)::int from tasks.completions where tenant_id = 'yx') as completions,
        (select count(*)::int from tasks.evidence_photos where claim_tenant_id = 'yx') as photos`)).rows[0],
    );
    expect(rc).toEqual({ tasks: 0, versions: 0, outbox: 0, claims: 1, completions: 1, photos: 0 });
  });

  it('the member of the other county sees the flow task, never the publisher’s drafts or other tasks', async () => {
    const seen = await tenantTransaction(h.database, { tenantId: 'rc', userId: people.chen.userId }, async (tx) =>
      (await tx.execute(sql`select title from tasks.tasks order by title`)).rows.map((r) => r.title),
    );
    expect(seen).toEqual(['广州：共享']);
  });

  it('request code cannot write another county’s task, claim, completion, photo or event', async () => {
    const attempts = [
      sql`update tasks.tasks set points = 99 where tenant_id = 'yx' returning id`,
      sql`update tasks.claims set status = 'withdrawn' where tenant_id = 'yx' returning id`,
      sql`update tasks.completions set decision = 'rejected' where tenant_id = 'yx' returning id`,
      sql`update tasks.evidence_photos set claim_id = null where claim_tenant_id = 'yx' and tenant_id = 'yx' returning id`,
      sql`delete from tasks.outbox where tenant_id = 'yx' returning id`,
    ];
    for (const statement of attempts) {
      const rows = await tenantTransaction(h.database, { tenantId: 'rc', tenantWide: true, userId: people.chen.userId }, async (tx) => (await tx.execute(statement)).rows);
      expect(rows).toEqual([]);
    }
    const inserted = tenantTransaction(h.database, { tenantId: 'rc', tenantWide: true }, (tx) =>
      tx.execute(sql`insert into tasks.outbox (tenant_id, topic, payload) values ('yx', 'tasks.claimed', '{}')`),
    );
    await expect(inserted).rejects.toThrow();
  });
});
