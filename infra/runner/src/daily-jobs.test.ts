import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '@tongxin/db';
import { createTestDatabase } from '@tongxin/db/testing';
import { localDiskStore } from '@tongxin/storage/local-disk';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scheduleDailyJobs } from './daily-jobs.ts';
import { serviceMigrations } from './services.ts';

let database: Database;
let dir: string;

beforeAll(async () => {
  database = await createTestDatabase(serviceMigrations);
  dir = await mkdtemp(join(tmpdir(), 'daily-jobs-'));
});
afterAll(async () => {
  await database.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the daily jobs', () => {
  it('remove an evidence photo never attached to a completion a day after its upload, row and file (issue 13 G)', async () => {
    const blobs = localDiskStore(dir);
    const now = new Date('2026-11-05T09:00:00+08:00');
    const old = { id: crypto.randomUUID(), key: 'evidence/yx/old.jpg', at: new Date(now.getTime() - 25 * 3600_000) };
    const fresh = { id: crypto.randomUUID(), key: 'evidence/yx/fresh.jpg', at: new Date(now.getTime() - 3600_000) };
    for (const photo of [old, fresh]) {
      await blobs.put(photo.key, new Uint8Array([0xff, 0xd8, 0xff]), 'image/jpeg');
      await database.owner.execute(sql`insert into tasks.evidence_photos (tenant_id, id, user_id, content_type, size, blob_key, created_at)
        values ('yx', ${photo.id}, 'u-1', 'image/jpeg', 3, ${photo.key}, ${photo.at.toISOString()}::timestamptz)`);
    }
    const jobs = scheduleDailyJobs(database, { now: () => now, blobs });
    try {
      await expect.poll(async () => (await database.owner.execute(sql`select id from tasks.evidence_photos order by created_at`)).rows, { timeout: 10_000 }).toEqual([{ id: fresh.id }]);
      // The row goes first, then its file: wait for the file too (a loaded machine is slow).
      await expect.poll(async () => await blobs.get(old.key), { timeout: 10_000 }).toBeNull();
      expect(await blobs.get(fresh.key)).not.toBeNull();
    } finally {
      jobs.stop();
    }
  });
});
