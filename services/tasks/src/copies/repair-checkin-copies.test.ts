import { readFile } from 'node:fs/promises';
import type { Database } from '@tongxin/db';
import type { ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkins, members, orgs } from '../schema.ts';
import { createTasksHarness, crowd, member, o, paths, people, publish, secretaryOf, trpc } from '../testing/tasks-fixture.ts';

let h: ServiceHarness;
beforeAll(async () => {
  h = await createTasksHarness();
});
afterAll(() => h.close());

/** Runs the one-off repair again, as the migrator does: its statements in one transaction, as the owner. */
async function runRepair(database: Database) {
  const text = await readFile(new URL('../../drizzle/0010_repair-checkin-copies.sql', import.meta.url), 'utf8');
  await database.owner.transaction(async (tx) => {
    for (const statement of text.split('--> statement-breakpoint')) await tx.execute(sql.raw(statement));
  });
}

const copies = async () =>
  (await h.database.owner.execute(sql`select tenant_id, member_id, checkin_id, dest_tenant_id, dest_org_id, dest_org_path, accepted_at from tasks.checkins order by tenant_id, member_id`)).rows;
const titles = async (who: typeof people.zhou) => (await h.query(trpc('tasks.forMe'), { as: member(who) })).data.map((t: { title: string }) => t.title);

describe('the one-off repair of check-in copies written before issue 13 (drizzle/0010)', () => {
  it('removes every copy roster would not have granted, and leaves the standing ones untouched', async () => {
    const flowTask = '广州：修复前后';
    await publish(h, secretaryOf('gzFlow'), { orgId: o.gzFlow, visibility: 'flow_org', title: flowTask });
    const closedFlow = crypto.randomUUID();
    const closedPath = `${paths.matian}${closedFlow}/`;
    await h.database.owner.insert(orgs).values({ tenantId: 'yx', orgId: closedFlow, kind: 'flow_branch', name: '已撤销的流动党支部', path: closedPath, closedAt: new Date('2026-10-01T00:00:00Z') });
    const unknown = crypto.randomUUID();
    const old = (tenantId: string, memberId: string, destOrgId: string, destOrgPath: string) =>
      ({ tenantId, memberId, checkinId: crypto.randomUUID(), destTenantId: 'yx', destOrgId, destOrgPath, acceptedAt: new Date('2026-09-01T00:00:00Z') });
    await h.database.owner.insert(checkins).values([
      // The attack of issue 13: the flow branch's real id under a path the client made (another org prepended).
      old('rc', people.zhou.memberId, o.gzFlow, `/${o.longtan}${paths.gzFlow}`),
      // An org closed when accepted, a village branch (not in the directory), an org nobody knows.
      old('yx', people.huang.memberId, closedFlow, closedPath),
      old('yx', people.lihua.memberId, o.longtan, paths.longtan),
      old('yx', crowd[0]!.memberId, unknown, `/${unknown}/`),
      // A member transferred out, whom roster grants nothing.
      old('yx', crowd[1]!.memberId, o.gzFlow, paths.gzFlow),
      // An old copy that roster's rule admits: it stays as it is.
      old('yx', crowd[2]!.memberId, o.yxDepartment, paths.yxDepartment),
    ]);
    await h.database.owner.update(members).set({ status: 'transferred_out' }).where(sql`member_id = ${crowd[1]!.memberId}`);
    // Before the repair the forged copy works: 周红 reads the flow branch's task.
    expect(await titles(people.zhou)).toContain(flowTask);

    const kept = [people.liming.memberId, people.chen.memberId, crowd[2]!.memberId];
    const before = (await copies()).filter((row) => kept.includes(row.member_id as string));
    expect(before).toHaveLength(3);
    await runRepair(h.database);
    expect(await copies()).toEqual(before);
    expect(await titles(people.zhou)).not.toContain(flowTask);
    expect(await titles(people.chen)).toContain(flowTask);
    // FORCE is back on every table it lifted.
    const { rows } = await h.database.owner.execute(sql`select relname from pg_class where relnamespace = 'tasks'::regnamespace and relname in ('checkins', 'orgs', 'members') and not relforcerowsecurity`);
    expect(rows).toEqual([]);
  });
});
