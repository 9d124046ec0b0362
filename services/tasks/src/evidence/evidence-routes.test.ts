import { readdir, rm } from 'node:fs/promises';
import { ACCESS_COOKIE } from '@tongxin/auth';
import type { ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PHOTO_BYTES } from '../schema.ts';
import { claim, count, createTasksHarness, crowd, department, images, key, member, o, people, publish, secretaryOf, trpc, upload, uploadPhoto, useTemporaryBlobs } from '../testing/tasks-fixture.ts';
import { EVIDENCE_QUOTA } from './evidence-quota.ts';
import { removeUnattachedPhotos } from './remove-unattached-photos.ts';

let h: ServiceHarness;
let blobDir: string;
beforeAll(async () => {
  h = await createTasksHarness();
  blobDir = await useTemporaryBlobs(h);
});
afterAll(async () => {
  await h.close();
  await rm(blobDir, { recursive: true, force: true });
});

async function get(photoId: string, as?: Parameters<typeof h.tokenFor>[0]) {
  const headers: Record<string, string> = as ? { cookie: `${ACCESS_COOKIE}=${await h.tokenFor(as)}` } : {};
  return h.request(`/api/tasks/evidence/${photoId}`, { headers });
}
const storedFiles = async () => (await readdir(blobDir, { recursive: true })).filter((f) => !f.endsWith('.type') && /\.(jpg|png|webp)$/.test(f));

describe('POST /api/tasks/evidence', () => {
  it.each([
    ['jpeg', 'image/jpeg'],
    ['png', 'image/png'],
    ['webp', 'image/webp'],
  ] as const)('a member uploads a %s photo and gets its id; the bytes are kept behind the blob store', async (kind, type) => {
    const bytes = images[kind]();
    const response = await upload(h, member(people.lihua), bytes, type);
    expect(response.status).toBe(200);
    const { photoId } = (await response.json()) as { photoId: string };
    const served = await get(photoId, member(people.lihua));
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe(type);
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(bytes);
  });

  it('a file that is not an image is 400 naming photo, whatever it claims to be; nothing is stored', async () => {
    const before = { rows: await count(h, 'evidence_photos'), files: (await storedFiles()).length };
    const text = new TextEncoder().encode('<html><script>alert(1)</script></html>');
    for (const [bytes, type] of [[text, 'image/jpeg'], [images.jpeg(), 'text/html'], [images.png(), 'application/octet-stream'], [new Uint8Array(0), 'image/png']] as const) {
      const response = await upload(h, member(people.lihua), bytes, type);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: { code: 'BAD_REQUEST', field: 'photo', message: expect.any(String) } });
    }
    expect({ rows: await count(h, 'evidence_photos'), files: (await storedFiles()).length }).toEqual(before);
  });

  it('a photo over 2 MB is 413, and nothing is stored', async () => {
    const before = await count(h, 'evidence_photos');
    const response = await upload(h, member(people.lihua), images.jpeg(MAX_PHOTO_BYTES + 1));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE', field: 'photo' } });
    expect((await upload(h, member(people.lihua), images.jpeg(MAX_PHOTO_BYTES))).status).toBe(200);
    expect(await count(h, 'evidence_photos')).toBe(before + 1);
  });

  it('is for logged-in members, with the cross-site header; anyone else is refused and nothing is stored', async () => {
    const before = await count(h, 'evidence_photos');
    expect((await upload(h, undefined, images.jpeg())).status).toBe(401);
    expect((await upload(h, secretaryOf('yongshui'), images.jpeg())).status).toBe(403);
    expect((await upload(h, department(), images.jpeg())).status).toBe(403);
    const token = await h.tokenFor(member(people.lihua));
    const noHeader = await h.request('/api/tasks/evidence', { method: 'POST', headers: { cookie: `${ACCESS_COOKIE}=${token}`, 'content-type': 'image/jpeg' }, body: images.jpeg() as Uint8Array<ArrayBuffer> });
    expect(noHeader.status).toBe(403);
    expect((await upload(h, member(people.lihua), images.jpeg(), 'image/jpeg', { origin: 'https://evil.example' })).status).toBe(403);
    // A Bearer token works like the cookie.
    const bearer = await h.request('/api/tasks/evidence', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'image/jpeg', 'x-tongxin-request': '1' }, body: images.jpeg() as Uint8Array<ArrayBuffer> });
    expect(bearer.status).toBe(200);
    expect(await count(h, 'evidence_photos')).toBe(before + 1);
  });

  it('without a blob store the route answers 503, not a crash', async () => {
    const blobs = h.deps.blobs;
    delete h.deps.blobs;
    try {
      expect((await upload(h, member(people.lihua), images.jpeg())).status).toBe(503);
    } finally {
      h.deps.blobs = blobs;
    }
  });
});

describe('GET /api/tasks/evidence/:photoId', () => {
  it('serves a photo to its uploader and, once attached to a completion, to the publisher’s reviewers, also across counties', async () => {
    const taskId = await publish(h, secretaryOf('gzFlow'), { orgId: o.gzFlow, visibility: 'flow_org', title: '广州：照片', quota: null });
    const { claimId } = (await claim(h, people.chen, taskId)).data;
    const photoId = await uploadPhoto(h, people.chen);
    // Not attached yet: only the uploader.
    expect((await get(photoId, member(people.chen))).status).toBe(200);
    expect((await get(photoId, secretaryOf('gzFlow'))).status).toBe(404);
    const submitted = await h.mutate(trpc('completions.submit'), { as: member(people.chen), input: { claimId, amount: 2, photoIds: [photoId], idempotencyKey: key('s') } });
    expect(submitted.error).toBeNull();
    expect((await get(photoId, secretaryOf('gzFlow'))).status).toBe(200);
    expect((await get(photoId, secretaryOf('matian'))).status).toBe(200);
    expect((await get(photoId, department())).status).toBe(200);
  });

  it('no one else sees it: another member, another branch’s secretary, the other county, anonymous', async () => {
    const taskId = await publish(h, secretaryOf('yongshui'), { title: '卖橙子：照片权限', quota: null });
    const { claimId } = (await claim(h, people.lihua, taskId)).data;
    const photoId = await uploadPhoto(h, people.lihua);
    await h.mutate(trpc('completions.submit'), { as: member(people.lihua), input: { claimId, amount: 2, photoIds: [photoId], idempotencyKey: key('s') } });
    expect((await get(photoId, secretaryOf('yongshui'))).status).toBe(200);
    expect((await get(photoId, member(people.huang))).status).toBe(404);
    expect((await get(photoId, secretaryOf('longtan'))).status).toBe(404);
    expect((await get(photoId, department('rc'))).status).toBe(404);
    expect((await get(photoId)).status).toBe(401);
    expect((await get('not-a-uuid', member(people.lihua))).status).toBe(404);
    expect((await get(crypto.randomUUID(), member(people.lihua))).status).toBe(404);
  });
});

describe('what an upload must be, and how much of it a member may send', () => {
  it('a signature followed by filler is not a photo: five 2 MB "JPEGs" (FF D8 FF + filler) are 400, nothing stored (issue 13 G)', async () => {
    const before = { rows: await count(h, 'evidence_photos'), files: (await storedFiles()).length };
    const fake = new Uint8Array(MAX_PHOTO_BYTES).fill(0x41);
    fake.set([0xff, 0xd8, 0xff]);
    for (let i = 0; i < 5; i++) {
      const response = await upload(h, member(crowd[0]!), fake);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: 'BAD_REQUEST', field: 'photo' } });
    }
    expect((await upload(h, member(crowd[0]!), images.jpeg(2048, 0, 480))).status).toBe(400);
    expect({ rows: await count(h, 'evidence_photos'), files: (await storedFiles()).length }).toEqual(before);
  });

  it(`a member uploads ${EVIDENCE_QUOTA.photos} photos in 24 hours; the next is 429 naming the quota and stores nothing; the next day they may again`, async () => {
    const who = crowd[1]!;
    for (let i = 0; i < EVIDENCE_QUOTA.photos; i++) expect((await upload(h, member(who), images.jpeg())).status).toBe(200);
    const before = { rows: await count(h, 'evidence_photos'), files: (await storedFiles()).length };
    const refused = await upload(h, member(who), images.jpeg());
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual({
      error: { code: 'TOO_MANY_REQUESTS', field: 'photo', reason: 'photos_per_day', limit: { photos: EVIDENCE_QUOTA.photos, bytes: EVIDENCE_QUOTA.bytes }, message: expect.any(String) },
    });
    expect({ rows: await count(h, 'evidence_photos'), files: (await storedFiles()).length }).toEqual(before);
    // Another member is not held by it.
    expect((await upload(h, member(crowd[2]!), images.jpeg())).status).toBe(200);
    const at = h.clock.now;
    h.clock.now = new Date(at.getTime() + EVIDENCE_QUOTA.windowMs + 1000);
    try {
      expect((await upload(h, member(who), images.jpeg())).status).toBe(200);
    } finally {
      h.clock.now = at;
    }
  });

  it(`and at most ${EVIDENCE_QUOTA.bytes / 1024 / 1024} MB in 24 hours, whatever the count`, async () => {
    const who = crowd[3]!;
    const full = EVIDENCE_QUOTA.bytes / MAX_PHOTO_BYTES;
    for (let i = 0; i < full; i++) expect((await upload(h, member(who), images.jpeg(MAX_PHOTO_BYTES))).status).toBe(200);
    const refused = await upload(h, member(who), images.jpeg(4096));
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ error: { code: 'TOO_MANY_REQUESTS', reason: 'bytes_per_day' } });
  });

  it('parallel uploads cannot pass the quota together', async () => {
    const who = crowd[4]!;
    const answers = await Promise.all(Array.from({ length: EVIDENCE_QUOTA.photos + 5 }, () => upload(h, member(who), images.jpeg())));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(EVIDENCE_QUOTA.photos);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(5);
  });
});

describe('a retried upload (issue 18: the phone sends again after a lost answer)', () => {
  it('an upload sent again with its Idempotency-Key answers the same photo and stores nothing more, also past the quota', async () => {
    const who = crowd[10]!;
    const uploadKey = crypto.randomUUID();
    const first = await upload(h, member(who), images.jpeg(), 'image/jpeg', { 'idempotency-key': uploadKey });
    expect(first.status).toBe(200);
    const { photoId } = (await first.json()) as { photoId: string };
    const before = { rows: await count(h, 'evidence_photos'), files: (await storedFiles()).length };
    for (let i = 0; i < 3; i++) {
      const again = await upload(h, member(who), images.jpeg(), 'image/jpeg', { 'idempotency-key': uploadKey });
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual({ photoId });
    }
    expect({ rows: await count(h, 'evidence_photos'), files: (await storedFiles()).length }).toEqual(before);
    // Parallel retries, as two tabs flushing one queue: still one photo.
    const parallelKey = crypto.randomUUID();
    const answers = await Promise.all([1, 2, 3].map(() => upload(h, member(who), images.jpeg(), 'image/jpeg', { 'idempotency-key': parallelKey }).then((r) => r.json())));
    expect(new Set(answers.map((a) => (a as { photoId: string }).photoId)).size).toBe(1);
    expect(await count(h, 'evidence_photos')).toBe(before.rows + 1);
    // A retry is not a new upload: once the day's quota is used up, it still answers its photo.
    for (let i = 2; i < EVIDENCE_QUOTA.photos; i++) expect((await upload(h, member(who), images.jpeg())).status).toBe(200);
    expect((await upload(h, member(who), images.jpeg())).status).toBe(429);
    const late = await upload(h, member(who), images.jpeg(), 'image/jpeg', { 'idempotency-key': uploadKey });
    expect(await late.json()).toEqual({ photoId });
  });

  it('a key is the uploader\'s own: another member with the same key gets a photo of their own', async () => {
    const uploadKey = crypto.randomUUID();
    const mine = (await (await upload(h, member(crowd[11]!), images.jpeg(), 'image/jpeg', { 'idempotency-key': uploadKey })).json()) as { photoId: string };
    const theirs = (await (await upload(h, member(crowd[12]!), images.jpeg(), 'image/jpeg', { 'idempotency-key': uploadKey })).json()) as { photoId: string };
    expect(theirs.photoId).not.toBe(mine.photoId);
    expect((await get(mine.photoId, member(crowd[12]!))).status).toBe(404);
  });

  it('a key that is not 8 to 100 characters is 400 naming it, and nothing is stored', async () => {
    const before = await count(h, 'evidence_photos');
    for (const bad of ['short', 'x'.repeat(101)]) {
      const response = await upload(h, member(crowd[13]!), images.jpeg(), 'image/jpeg', { 'idempotency-key': bad });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: 'BAD_REQUEST', field: 'idempotencyKey' } });
    }
    expect(await count(h, 'evidence_photos')).toBe(before);
  });
});

describe('the daily sweep of unattached photos', () => {
  it('removes, row and file, a photo no completion named a day after its upload; keeps attached and recent ones', async () => {
    const blobs = h.deps.blobs!;
    const taskId = await publish(h, secretaryOf('yongshui'), { title: '卖橙子：照片清理', quota: null });
    const { claimId } = (await claim(h, crowd[5]!, taskId)).data;
    const forgotten = await uploadPhoto(h, crowd[5]!);
    const attached = await uploadPhoto(h, crowd[5]!);
    expect((await h.mutate(trpc('completions.submit'), { as: member(crowd[5]!), input: { claimId, amount: 1, photoIds: [attached], idempotencyKey: key('sweep') } })).error).toBeNull();
    const keyOf = async (id: string) => ((await h.database.owner.execute(sql`select blob_key from tasks.evidence_photos where id = ${id}`)).rows[0]?.blob_key as string | undefined) ?? null;
    const forgottenKey = (await keyOf(forgotten))!;

    // Within the day nothing goes.
    expect((await removeUnattachedPhotos(h.database, blobs, new Date(h.clock.now.getTime() + 60_000))).removed).toBe(0);

    const at = h.clock.now;
    h.clock.now = new Date(at.getTime() + 25 * 3600_000);
    try {
      const recent = await uploadPhoto(h, crowd[5]!);
      const swept = await removeUnattachedPhotos(h.database, blobs, h.clock.now);
      expect(swept.removed).toBeGreaterThanOrEqual(1);
      expect(swept.blobsLeft).toBe(0);
      expect(await keyOf(forgotten)).toBeNull();
      expect(await blobs.get(forgottenKey)).toBeNull();
      expect(await keyOf(attached)).not.toBeNull();
      expect((await get(attached, secretaryOf('yongshui'))).status).toBe(200);
      expect((await get(recent, member(crowd[5]!))).status).toBe(200);
      expect(await count(h, 'evidence_photos', sql`claim_id is null and created_at < ${new Date(h.clock.now.getTime() - 24 * 3600_000).toISOString()}::timestamptz`)).toBe(0);
    } finally {
      h.clock.now = at;
    }
  });
});

