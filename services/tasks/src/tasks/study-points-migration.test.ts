import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateAll, selectRows, type Database } from '@tongxin/db';
import { createTestDatabase } from '@tongxin/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../migrations.ts';

// Issue 17 (decision): study earns no points. A county that published study tasks with points
// before must find them at 0 afterwards, with a version that says why, and their claims
// promising 0: the migration, run on a database holding such a task, does it.
const MIGRATION = '0023_study-without-points';
let database: Database;
let before: string;
beforeAll(async () => {
  // The tasks migrations as they stood before this one.
  before = await mkdtemp(join(tmpdir(), 'tongxin-tasks-before-'));
  await cp(migrations.folder, before, { recursive: true });
  const journalPath = join(before, 'meta/_journal.json');
  const journal = JSON.parse(await readFile(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag === MIGRATION);
  expect(at).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, at);
  await writeFile(journalPath, JSON.stringify(journal));
  database = await createTestDatabase([{ ...migrations, folder: before }]);
}, 120_000);
afterAll(async () => {
  await database?.close();
  await rm(before, { recursive: true, force: true });
});

describe(MIGRATION, () => {
  it('sets study tasks with points to 0 in a new version noted "study_no_points"; other tasks keep theirs', async () => {
    const owner = database.owner;
    const task = (id: string, kind: string, points: number) => sql`
      insert into tasks.tasks (tenant_id, id, org_id, org_path, org_name, kind, title, description, deadline, visibility, evidence, study, points, published_by, idempotency_key)
      values ('yx', ${id}::uuid, ${crypto.randomUUID()}::uuid, '/x/', '永兴县委组织部', ${kind}, '任务', '说明', now() + interval '30 days', 'org',
        '{"photo":"none","photoReason":null,"text":false,"number":false}'::jsonb,
        ${kind === 'study' ? sql`'{"format":"text","body":"学习","url":null}'::jsonb` : sql`null`}, ${points}, 'u-secretary', ${id})`;
    const [study, oranges] = [crypto.randomUUID(), crypto.randomUUID()];
    await owner.execute(task(study, 'study', 3));
    await owner.execute(task(oranges, 'sell_products', 5));
    await owner.execute(sql`insert into tasks.task_versions (tenant_id, task_id, version, terms, changed_by) values ('yx', ${study}::uuid, 1, '{"kind":"study","points":3}'::jsonb, 'u-secretary')`);

    await migrateAll(database, [migrations]);

    const tasks = await selectRows<{ id: string; points: number; version: number }>(owner, sql`select id, points, version from tasks.tasks order by kind`);
    expect(tasks).toEqual([{ id: oranges, points: 5, version: 1 }, { id: study, points: 0, version: 2 }]);
    const versions = await selectRows<{ version: number; points: number; note: string | null; changed_by: string }>(
      owner, sql`select version, (terms->>'points')::int as points, note, changed_by from tasks.task_versions where task_id = ${study}::uuid order by version`,
    );
    expect(versions).toEqual([
      { version: 1, points: 3, note: null, changed_by: 'u-secretary' },
      { version: 2, points: 0, note: 'study_no_points', changed_by: 'system' },
    ]);
    // From now on the database itself refuses points on a study task.
    await expect(owner.execute(sql`update tasks.tasks set points = 1 where id = ${study}::uuid`)).rejects.toThrow();
  });
});
