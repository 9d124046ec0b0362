import { readdir, rm } from 'node:fs/promises';
import { ACCESS_COOKIE } from '@tongxin/auth';
import type { ServiceHarness } from '@tongxin/trpc/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PHOTO_BYTES } from '../schema.ts';
import { claim, count, createTasksHarness, department, images, key, member, o, people, publish, secretaryOf, trpc, upload, uploadPhoto, useTemporaryBlobs } from '../testing/tasks-fixture.ts';

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
