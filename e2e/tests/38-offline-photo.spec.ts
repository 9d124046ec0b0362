import type { Page } from '@playwright/test';
import { expect, test } from '../src/test.ts';
import { accounts, fitsWidth, logIn, shot } from '../src/journeys.ts';
import { backOnline, call, freshMember, underServiceWorker } from '../src/offline-journeys.ts';

// Issue 18: "Photos are resized before they are queued." A completion with a phone-sized photo,
// made offline, waits on the phone and is sent once when the network is back.

/**
 * A phone camera's photo, made in the page at test time (no binary in the repository): 4000 ×
 * 3000, a gradient under noise, as JPEG at 0.95, which is several MB like a real one and more
 * than the server takes (2 MB), so only the resized copy can arrive.
 */
async function cameraPhoto(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(4000, 3000);
    const context = canvas.getContext('2d')!;
    const gradient = context.createLinearGradient(0, 0, 4000, 3000);
    gradient.addColorStop(0, '#f08020');
    gradient.addColorStop(1, '#208040');
    context.fillStyle = gradient;
    context.fillRect(0, 0, 4000, 3000);
    const noise = context.getImageData(0, 0, 4000, 3000);
    let seed = 7;
    for (let i = 0; i < noise.data.length; i += 4) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const shift = (seed % 64) - 32;
      noise.data[i] = noise.data[i]! + shift;
      noise.data[i + 1] = noise.data[i + 1]! + shift;
      noise.data[i + 2] = noise.data[i + 2]! + shift;
    }
    context.putImageData(noise, 0, 0);
    const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.95 })).arrayBuffer());
    let text = '';
    for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(text);
  });
  return Buffer.from(base64, 'base64');
}

test('offline, a completion with a large photo waits on the phone, resized; back online it is sent once and the secretary sees one photo of at most 1600 px', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await logIn(page, accounts.secretary);
  const member = await freshMember(browser, page);
  const title = `拍下村口路灯（离线照片 ${Date.now() % 100000}）`;
  await call(
    page.request,
    'tasks/trpc/tasks.publish',
    {
      orgId: member.branchId, kind: 'volunteer', title, description: '拍一张修好的路灯。', quota: null, points: 5,
      deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(), idempotencyKey: crypto.randomUUID(),
      evidence: { photo: 'required', photoReason: '支部据此核对路灯已修好。', text: false, number: false },
    },
    'mutation',
  );
  const phone = member.page;
  await phone.goto('/member');
  await underServiceWorker(phone);
  await phone.goto('/member?page=tasks');
  const offered = phone.getByRole('listitem').filter({ has: phone.getByRole('heading', { level: 4, name: title, exact: true }) });
  await offered.getByRole('button', { name: '认领此任务' }).click();
  await expect(phone.getByRole('status').filter({ hasText: `已认领“${title}”。` })).toBeVisible();
  const photo = await cameraPhoto(phone);
  expect(photo.length).toBeGreaterThan(2 * 1024 * 1024);

  // The network goes; the member reports the task done with the camera's photo.
  await member.context.setOffline(true);
  await phone.reload();
  const card = phone.getByRole('listitem').filter({ has: phone.getByRole('heading', { level: 4, name: title, exact: true }) });
  await card.getByRole('button', { name: '提交完成情况' }).click();
  const completion = phone.getByRole('form', { name: `完成情况：${title}` });
  await completion.getByLabel('添加照片').setInputFiles({ name: 'IMG_20261207_0812.jpg', mimeType: 'image/jpeg', buffer: photo });
  // Resized on the phone, and kept there: nothing can be uploaded.
  await expect(completion.getByRole('img', { name: '照片 1' })).toBeVisible({ timeout: 30_000 });
  await expect(completion.getByRole('status').filter({ hasText: '1/1 张保存在手机上，联网后发送' })).toBeVisible();
  const kept = await completion.getByRole('img', { name: '照片 1' }).evaluate((img: HTMLImageElement) => ({ width: img.naturalWidth, height: img.naturalHeight }));
  expect(kept).toEqual({ width: 1600, height: 1200 });
  expect(await fitsWidth(phone)).toBe(true);
  await shot(phone, '38-photo-kept-offline-360');
  // Sent from the keyboard.
  await completion.getByRole('button', { name: '提交', exact: true }).press('Enter');
  await expect(phone.getByText('已保存在手机上，联网后自动发送。')).toBeVisible();
  await expect(card).toContainText(`完成情况：${title} 等待发送`);
  await expect(card.getByRole('button', { name: '提交完成情况' })).toHaveCount(0);

  // A reload offline keeps it, photo and all.
  await phone.reload();
  const queue = phone.getByRole('region', { name: '待发送' });
  await expect(queue.getByRole('listitem').filter({ hasText: `完成情况：${title}` })).toContainText('等待发送');
  const waiting = await phone.evaluate(
    () =>
      new Promise<{ photos: { size: number; type: string }[] }[]>((resolve) => {
        const open = indexedDB.open('tongxin-writes');
        open.onsuccess = () => {
          const all = open.result.transaction('queue').objectStore('queue').getAll();
          all.onsuccess = () =>
            resolve(
              (all.result as { kind: string; input: { photos: { blob?: Blob }[] } }[])
                .filter((write) => write.kind === 'task.complete')
                .map((write) => ({ photos: write.input.photos.map((p) => ({ size: p.blob?.size ?? 0, type: p.blob?.type ?? '' })) })),
            );
        };
      }),
  );
  expect(waiting).toHaveLength(1);
  expect(waiting[0]!.photos).toHaveLength(1);
  expect(waiting[0]!.photos[0]!.type).toBe('image/jpeg');
  expect(waiting[0]!.photos[0]!.size).toBeLessThan(photo.length / 2);
  expect(await fitsWidth(phone)).toBe(true);
  await shot(phone, '38-completion-waiting-360');
  // The same in English, still within 360 px.
  await phone.getByRole('button', { name: 'English' }).click();
  await expect(phone.getByRole('region', { name: 'Waiting to send' }).getByRole('listitem').filter({ hasText: `Task done: ${title}` })).toContainText('Waiting to send');
  expect(await fitsWidth(phone)).toBe(true);
  await phone.getByRole('button', { name: '简体中文' }).click();
  await expect(queue).toBeVisible();

  // Back online: the photo goes first, then the completion with its id, and the queue empties.
  await backOnline(phone);
  await expect(queue).toHaveCount(0, { timeout: 30_000 });
  await expect(card).toContainText('待审核');
  const claims = await call<{ title: string; status: string; completion: { photos: string[] } | null }[]>(phone.request, 'tasks/trpc/claims.mine');
  const mine = claims.filter((claim) => claim.title === title);
  expect(mine.map((claim) => [claim.status, claim.completion?.photos.length])).toEqual([['submitted', 1]]);

  // The secretary's review: one photo, at most 1600 px on its long side.
  await page.goto('/secretary');
  await page.getByRole('navigation', { name: '书记工作' }).getByRole('link', { name: '待审核' }).click();
  const review = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: title, exact: true }) });
  await expect(review).toHaveCount(1);
  const photos = review.getByRole('img', { name: /的证明照片/ });
  await expect(photos).toHaveCount(1);
  await expect.poll(() => photos.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  const served = await photos.evaluate((img: HTMLImageElement) => ({ width: img.naturalWidth, height: img.naturalHeight }));
  expect(Math.max(served.width, served.height)).toBeLessThanOrEqual(1600);
  expect(served).toEqual({ width: 1600, height: 1200 });
  await member.context.close();
});
