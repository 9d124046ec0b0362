import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '../src/test.ts';
import { accounts, dataDir, fitsWidth, logIn, seriousViolations, shot } from '../src/journeys.ts';

const COMPANY_BRANCH = '深圳长江家具有限公司党支部';
/** The contact's mobile: the link goes here, read back from the development channel's message log. */
const CONTACT_PHONE = '13700000034';

/** The last check-in confirmation link the development channel sent to a phone. */
async function lastConfirmationLink(phone: string): Promise<string | null> {
  const log = await readFile(join(dataDir(), 'messages.log'), 'utf8').catch(() => '');
  const sent = log
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { phone: string; kind: string; params: { link?: string } })
    .filter((message) => message.phone === phone && message.kind === 'checkin_confirmation');
  return sent.at(-1)?.params.link ?? null;
}

// Issue 17: most destinations are not on Tongxin. 李明 names his employer's party branch in
// Shenzhen; its contact opens the single-use link from the text message in a browser with no
// account, sees only his name, home branch and certificate, and confirms; 李明 and his home
// branch secretary see the check-in accepted, and the link works no more.
test('a member checks in with a branch outside Tongxin, which confirms by a single-use link', async ({ browser }) => {
  test.setTimeout(150_000);

  // 李明, on his phone. An earlier journey may have left him checked in: he ends that first.
  const memberContext = await browser.newContext({ viewport: { width: 360, height: 780 } });
  const member = await memberContext.newPage();
  await logIn(member, accounts.member);
  await member.goto('/member?page=checkin');
  await expect(member.getByRole('heading', { name: '到流入地党组织报到' })).toBeVisible();
  const endButton = member.getByRole('button', { name: '结束报到' });
  const openForm = member.getByRole('button', { name: '要报到的组织不在系统中？直接填写' });
  await expect(endButton.or(openForm)).toBeVisible();
  if (await endButton.isVisible()) {
    await endButton.click();
    await member.getByRole('button', { name: '确认结束' }).click();
    await expect(member.getByRole('status').filter({ hasText: '报到已结束' })).toBeVisible();
  }

  // The organization is not in the directory: he enters it, with a bad phone first.
  await openForm.click();
  await member.getByLabel('组织名称').fill(COMPANY_BRANCH);
  await member.getByLabel('所在城市').fill('深圳');
  await member.getByLabel('联系人', { exact: true }).fill('陈志强');
  await member.getByLabel('联系人手机号').fill('0755-123');
  await member.getByRole('button', { name: '提交并发送确认短信' }).click();
  await expect(member.getByText('请填写手机号（1 开头的 11 位数字）')).toBeVisible();
  await expect(member.getByLabel('联系人手机号')).toBeFocused();
  await member.getByLabel('联系人手机号').fill(CONTACT_PHONE);
  await member.getByRole('button', { name: '提交并发送确认短信' }).press('Enter');
  await expect(member.getByRole('status').filter({ hasText: '确认短信已发给联系人' })).toBeVisible();
  await expect(member.getByText('等待对方确认').first()).toBeVisible();
  await expect(member.getByText('系统外组织').first()).toBeVisible();
  expect(await fitsWidth(member)).toBe(true);
  await shot(member, '34-member-outside-pending-360');

  // The link, as the contact's phone received it.
  await expect.poll(() => lastConfirmationLink(CONTACT_PHONE)).toContain('/checkin-answer?');
  const link = (await lastConfirmationLink(CONTACT_PHONE))!;

  // The contact opens it in a fresh browser: no account, no cookies.
  const outsideContext = await browser.newContext({ viewport: { width: 360, height: 780 } });
  const contact = await outsideContext.newPage();
  await contact.goto(link);
  await expect(contact.getByRole('heading', { level: 1, name: '党员报到确认' })).toBeVisible();
  await expect(contact.getByText(accounts.member.name, { exact: true })).toBeVisible();
  await expect(contact.getByText('未附活动证')).toBeVisible();
  // Nothing of the ledger: not his phone, not the note.
  await expect(contact.getByText(accounts.member.username)).toHaveCount(0);
  expect(await fitsWidth(contact)).toBe(true);
  expect(await seriousViolations(contact)).toEqual([]);
  await shot(contact, '34-contact-opens-link-360');

  // Sending without an answer says so; then, by keyboard, accept.
  await contact.getByRole('button', { name: '提交答复' }).click();
  await expect(contact.getByText('请选择确认或不能接收')).toBeVisible();
  await expect(contact.getByLabel('确认接收报到')).toBeFocused();
  await contact.keyboard.press('Space');
  await expect(contact.getByLabel('确认接收报到')).toBeChecked();
  await contact.getByRole('button', { name: '提交答复' }).focus();
  await contact.keyboard.press('Enter');
  await expect(contact.getByRole('status').filter({ hasText: '已确认' })).toBeVisible();
  await shot(contact, '34-contact-confirmed-360');

  // The link works once.
  await contact.goto(link);
  await expect(contact.getByText('这个链接已经使用过：报到已确认。')).toBeVisible();

  // 李明 sees it accepted.
  await member.reload();
  await expect(member.getByText('已报到').first()).toBeVisible();
  await expect(member.getByText(COMPANY_BRANCH).first()).toBeVisible();

  // His home branch secretary sees it accepted, with the organization's contact.
  const homeContext = await browser.newContext();
  const home = await homeContext.newPage();
  await logIn(home, accounts.secretary);
  await home.goto('/secretary');
  await home.getByRole('navigation', { name: '书记工作' }).getByRole('link', { name: '报到' }).click();
  const mine = home.getByRole('region', { name: '本支部党员的报到' });
  const line = mine.getByRole('row').filter({ hasText: accounts.member.name }).filter({ hasText: COMPANY_BRANCH });
  await expect(line).toContainText('已接收');
  await expect(line).toContainText('陈志强');
  await shot(home, '34-home-sees-confirmed');

  // Back home, he ends it, so later journeys find him free to check in.
  await member.getByRole('button', { name: '结束报到' }).click();
  await member.getByRole('button', { name: '确认结束' }).click();
  await expect(member.getByRole('status').filter({ hasText: '报到已结束' })).toBeVisible();
});
