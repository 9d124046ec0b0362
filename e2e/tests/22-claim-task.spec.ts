import { deflateSync } from 'node:zlib';
import { expect, test, type Browser, type Locator, type Page } from '../src/test.ts';
import { accounts, fitsWidth, logIn, shot, type Account } from '../src/journeys.ts';

const BRANCH = '涌水村流动党员党支部';
/** Members tap on a phone: the tasks page is checked at 360 px. */
const PHONE = { width: 360, height: 740 };

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real (small) PNG: an orange-to-green gradient, as a phone's photo of boxes would be decoded. */
function orangesPng(width = 160, height = 120): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour RGB
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1); // filter byte 0 (none) first
    for (let x = 0; x < width; x++) {
      rows[row + 1 + x * 3] = 240;
      rows[row + 2 + x * 3] = Math.round(120 + (x / width) * 100);
      rows[row + 3 + x * 3] = Math.round((y / height) * 80);
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A member on their phone, on the tasks page. */
async function memberOnPhone(browser: Browser, account: Account): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  await logIn(page, account);
  await page.goto('/member?page=tasks');
  await expect(page.getByRole('heading', { level: 3, name: '可以认领的任务' })).toBeVisible();
  return page;
}

/** A task's card (offered or claimed), by its title. */
const card = (page: Page, title: string) =>
  page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 4, name: title, exact: true }) });

/** The number a cell starts with ("1,234" → 1234; "30 箱 1 次完成" → 30). */
const numberIn = async (cell: Locator) => Number((await cell.innerText()).replace(/,/g, '').match(/^\s*(\d+(?:\.\d+)?)/)?.[1] ?? 'NaN');

/**
 * On the secretary's 积分 page (opened or reloaded): the branch's total in the org comparison
 * (this month, branches of the township) and its boxes sold this year.
 */
async function branchFigures(page: Page) {
  await expect(page.getByRole('heading', { level: 1, name: '积分' })).toBeVisible();
  const rankingRow = page
    .getByRole('region', { name: '组织积分比较表' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: BRANCH }) });
  await expect(rankingRow).toBeVisible();
  const total = await numberIn(rankingRow.getByRole('cell').last());
  // Either the year's figures or "none yet": the outcomes have answered.
  const outcomes = page.getByRole('region', { name: '任务成果表' });
  await expect(outcomes.or(page.getByText('这一年还没有审核通过的成果。'))).toBeVisible();
  const outcomeRow = outcomes
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: BRANCH }) })
    .filter({ has: page.getByRole('cell', { name: '销售家乡产品', exact: true }) });
  const boxes = (await outcomeRow.count()) > 0 ? await numberIn(outcomeRow.getByRole('cell').last()) : 0;
  return { rankingRow, total, outcomeRow, boxes };
}

// Issue 7: a secretary publishes a sell-oranges task with quota 2; three members try to claim
// and the third is told it is full; a member completes with a photo and a number; the
// secretary approves; the member's points and the branch ranking change, and the outcome
// figure shows the boxes sold.
test('a quota-2 task: two claim, the third is told it is full; a completion with photo and number is approved and counts', async ({ page, browser }) => {
  // Four browser contexts and the relay's round trip, on a 2-core machine.
  test.setTimeout(120_000);
  const title = `帮村里销售冰糖橙${Date.now() % 100000}`;

  // The branch secretary publishes the task.
  await logIn(page, accounts.secretary);
  await page.goto('/secretary');
  const subNav = page.getByRole('navigation', { name: '书记工作' });
  await subNav.getByRole('link', { name: '任务', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '任务' })).toBeVisible();
  await page.getByRole('button', { name: '发布新任务' }).click();
  const form = page.getByRole('form', { name: '发布任务' });
  const orgSelect = form.getByLabel('发布组织');
  const branchValue = await orgSelect.locator('option', { hasText: BRANCH }).getAttribute('value');
  await orgSelect.selectOption(branchValue!);
  await form.getByLabel('任务类型').selectOption({ label: '销售家乡产品' });
  await form.getByLabel('任务名称').fill(title);
  await form.getByLabel('任务说明').fill('今年冰糖橙丰收，请在外地的党员帮忙联系单位食堂、同事和朋友订购，每箱 10 斤，村里统一发货。');
  await form.getByRole('spinbutton', { name: '目标数量' }).fill('100');
  await form.getByLabel('单位').selectOption({ label: '箱' });
  await form.getByRole('spinbutton', { name: '认领人数上限' }).fill('2');
  await form.getByRole('radio', { name: '本组织的党员' }).check();
  // A number is asked (the boxes sold) and a photo, with the reason the member will read.
  await form.getByRole('checkbox', { name: '文字说明' }).uncheck();
  await form.getByRole('checkbox', { name: '完成数量' }).check();
  await form.getByRole('radio', { name: '必须附照片' }).check();
  await form.getByLabel('为什么需要照片').fill('请拍一张发货单或快递单，支部据此核对销售箱数。');
  await form.getByRole('spinbutton', { name: '积分' }).fill('10');
  await shot(page, '22-publish-form');
  await form.getByRole('button', { name: '发布', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `已发布“${title}”。` })).toBeVisible();
  const managed = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: title, exact: true }) });
  await expect(managed).toContainText('已认领 0 / 2 人');

  // Three members open the task on their phones before anyone has claimed it.
  const liming = await memberOnPhone(browser, accounts.member);
  const zhiyong = await memberOnPhone(browser, accounts.secondMember);
  const jianguo = await memberOnPhone(browser, accounts.secretary);
  for (const member of [liming, zhiyong, jianguo]) {
    await expect(card(member, title)).toContainText('剩余 2 个，共 2 个');
    await expect(card(member, title)).toContainText('为什么要照片：请拍一张发货单或快递单');
  }
  expect(await fitsWidth(liming)).toBe(true);
  await shot(liming, '22-member-tasks-360');

  // 李明 and 曹志勇 claim; 曹建国 taps last and is told the places are gone.
  for (const member of [liming, zhiyong]) {
    await card(member, title).getByRole('button', { name: '认领此任务' }).click();
    await expect(member.getByRole('status').filter({ hasText: `已认领“${title}”。` })).toBeVisible();
  }
  await card(jianguo, title).getByRole('button', { name: '认领此任务' }).click();
  await expect(card(jianguo, title).getByRole('alert')).toHaveText('名额已满，这个任务不能再认领了。');
  await expect(card(jianguo, title).getByRole('button', { name: '认领此任务' })).toHaveCount(0);
  await expect(card(jianguo, title)).toContainText('名额已满');
  await shot(jianguo, '22-third-member-full-360');
  await jianguo.context().close();

  await page.reload();
  await expect(managed).toContainText('已认领 2 / 2 人');

  // 李明 reports the task done: 30 boxes and a photo of the delivery note, resized on the phone.
  await liming.reload();
  const claim = card(liming, title);
  await expect(claim).toHaveCount(1); // only under "my claims" now
  await expect(claim).toContainText('进行中');
  await claim.getByRole('button', { name: '提交完成情况' }).click();
  const completion = liming.getByRole('form', { name: `完成情况：${title}` });
  await completion.getByLabel('完成数量（箱）').fill('30');
  await completion.getByLabel('添加照片').setInputFiles({ name: '发货单.png', mimeType: 'image/png', buffer: orangesPng() });
  await expect(completion.getByRole('status').filter({ hasText: '已上传 1/1 张' })).toBeVisible();
  await expect(completion.getByRole('img', { name: '照片 1' })).toBeVisible();
  expect(await fitsWidth(liming)).toBe(true);
  await shot(liming, '22-complete-form-360');
  await completion.getByRole('button', { name: '提交', exact: true }).click();
  await expect(liming.getByRole('status').filter({ hasText: `已提交“${title}”的完成情况，等待支部审核。` })).toBeVisible();
  await expect(claim).toContainText('待审核');

  // The branch's points and boxes sold before the approval (the claims may already count).
  await subNav.getByRole('link', { name: '积分', exact: true }).click();
  const before = await branchFigures(page);
  expect(before.total).not.toBeNaN();

  // The secretary reviews: the number, the reason for the photo, the photo itself; approves.
  await subNav.getByRole('link', { name: '待审核' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '待审核' })).toBeVisible();
  const review = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: title, exact: true }) });
  await expect(review).toContainText(`${accounts.member.name} · 提交于`);
  await expect(review).toContainText('完成数量：30 箱');
  const photo = review.getByRole('img', { name: `${accounts.member.name} 的证明照片 1` });
  await expect(photo).toBeVisible();
  // The uploaded photo is served back (decoded by the browser, not a broken image).
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  await shot(page, '22-review');
  await review.getByRole('button', { name: `通过 ${accounts.member.name} 的“${title}”` }).click();
  await expect(page.getByRole('status').filter({ hasText: `已通过 ${accounts.member.name} 的“${title}”。` })).toBeVisible();
  await expect(review).toHaveCount(0);

  // The task's progress: both places taken, one completion approved, 30 of the 100 boxes.
  await subNav.getByRole('link', { name: '任务', exact: true }).click();
  await expect(managed).toContainText('已认领 2 / 2 人');
  await expect(managed).toContainText('待审核 0 · 已通过 1');
  await expect(managed.getByRole('progressbar', { name: `“${title}”的完成进度` })).toHaveAttribute('aria-valuenow', '30');
  await expect(managed).toContainText('完成 30 / 100 箱');

  // The member sees the approval and the task's points among their own entries.
  await liming.goto('/member?page=tasks');
  await expect(card(liming, title)).toHaveCount(0); // finished claims are folded away
  await liming.getByText(/^已结束的认领/).click();
  await expect(card(liming, title)).toContainText('审核已通过，积分已计入。');
  await liming.goto('/member?page=points');
  await expect(liming.getByRole('heading', { level: 2, name: '我的积分' })).toBeVisible();
  const completed = liming.getByRole('listitem').filter({ hasText: '完成任务' }).filter({ hasText: '+10 分' });
  // The relay carries the approval to scoring within about a second.
  await expect(async () => {
    await liming.reload();
    await expect(completed).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
  await expect(liming.getByRole('listitem').filter({ hasText: '认领任务' }).filter({ hasText: '+1 分' })).toBeVisible();
  await expect(liming.getByText(new RegExp(`^${BRANCH}在本乡镇 \\d+ 个支部中排第 \\d+ 名$`))).toBeVisible();
  await shot(liming, '22-member-points-360');

  // The branch's total rises by at least the task's 10 points, and the boxes sold count.
  await subNav.getByRole('link', { name: '积分', exact: true }).click();
  await expect(async () => {
    await page.reload();
    const after = await branchFigures(page);
    expect(after.total).toBeGreaterThanOrEqual(before.total + 10);
    expect(after.boxes).toBe(before.boxes + 30);
  }).toPass({ timeout: 30_000 });
  const after = await branchFigures(page);
  await expect(after.outcomeRow).toContainText(`${before.boxes + 30}\u00a0箱`);
  await expect(page.getByRole('listitem').filter({ hasText: '销售家乡产品 · 完成次数' })).toContainText(`${before.boxes + 30} 箱`);
  await shot(page, '22-points-after');

  await liming.context().close();
  await zhiyong.context().close();
});
