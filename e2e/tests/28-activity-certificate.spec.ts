import { expect, test, type Browser, type Page } from '../src/test.ts';
import { accounts, fillLogin, fitsWidth, logIn, seriousViolations, shot, type Account } from '../src/journeys.ts';

const FLOW_BRANCH = '汝城县驻广州流动党员党支部';
const HOME_BRANCH = '涌水村流动党员党支部';
const PHONE = { width: 360, height: 780 };

async function signedIn(browser: Browser, account: Account, options: { viewport?: { width: number; height: number } } = {}): Promise<Page> {
  const page = await (await browser.newContext(options)).newPage();
  await logIn(page, account);
  return page;
}

async function openSecretaryPage(page: Page, link: string, heading: string) {
  await page.goto('/secretary');
  await page.getByRole('navigation', { name: '书记工作' }).getByRole('link', { name: link, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeFocused();
}

async function openMemberSection(page: Page, link: string, heading: string) {
  await page.goto('/member');
  await page.getByRole('navigation', { name: '我的栏目' }).getByRole('link', { name: link, exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
}

// Issue 17: 马田镇's committee issues 李明 an activity certificate (流动党员活动证); he shows its
// QR code on his phone; 汝城's flow-branch secretary, logging in from the code's link, verifies
// it and accepts his check-in from there; back home, 李明 reports on his time away and the
// committee closes the certificate, which its register then shows handed back.
test('the township issues 李明 a certificate; 汝城 verifies it and accepts his check-in; he reports back and the register shows it closed', async ({ browser }) => {
  test.setTimeout(360_000);

  // 马田镇's committee finds 李明 among its members away and issues the certificate. He has been
  // away for years: without the reason his membership stays, it is refused, and nothing is issued.
  const township = await signedIn(browser, accounts.township);
  await openSecretaryPage(township, '活动证', '流动党员活动证');
  await township.getByRole('searchbox', { name: '按姓名查找' }).fill(accounts.member.name);
  const card = township.getByRole('listitem').filter({ has: township.getByRole('heading', { name: accounts.member.name, exact: true }) }).filter({ hasText: HOME_BRANCH });
  await card.getByRole('button', { name: `为 ${accounts.member.name} 发放` }).click();
  const form = card.getByRole('form', { name: `为 ${accounts.member.name} 发放` });
  await expect(form.getByRole('heading', { name: `为 ${accounts.member.name} 发放` })).toBeFocused();
  await form.getByRole('button', { name: '发放', exact: true }).click();
  await expect(form.getByText('活动证用于外出不满 6 个月的党员')).toBeVisible();
  await expect(form.getByLabel('有效期至')).toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel('暂不能转接组织关系的原因').fill('流入地企业尚未建立党组织，暂不具备转接条件');
  await form.getByRole('button', { name: '发放', exact: true }).click();
  const issued = township.getByRole('status').filter({ hasText: '已发放活动证' });
  await expect(issued).toContainText(accounts.member.name);
  const number = /永兴〔\d{4}〕第\d{3}号/.exec((await issued.textContent()) ?? '')?.[0];
  expect(number).toBeTruthy();
  const line = township.getByRole('row').filter({ has: township.getByRole('rowheader', { name: number! }) });
  await expect(line).toContainText('有效');
  expect(await seriousViolations(township)).toEqual([]);
  await shot(township, '28-certificate-issued');

  // 李明 opens his certificate on his phone and shows its QR code.
  const member = await signedIn(browser, accounts.member, { viewport: PHONE });
  await openMemberSection(member, '活动证', '流动党员活动证');
  await expect(member.getByText(number!)).toBeVisible();
  await member.getByRole('button', { name: '出示二维码' }).click();
  await expect(member.getByRole('img', { name: `活动证 ${number} 的核验二维码` })).toBeVisible();
  const link = await member.getByRole('link', { name: /page=verify-certificate/ }).getAttribute('href');
  expect(link).toMatch(/\/secretary\?page=verify-certificate&token=[a-z2-7]{32}$/);
  expect(await fitsWidth(member)).toBe(true);
  expect(await seriousViolations(member)).toEqual([]);
  await shot(member, '28-certificate-qr-360');

  // He asks 汝城's flow branch in Guangzhou to accept his check-in, through the code that branch
  // shows (ending an earlier check-in there first, as journey 19 leaves one).
  const destination = await signedIn(browser, accounts.ruchengFlowSecretary, { viewport: PHONE });
  await openSecretaryPage(destination, '报到', '报到');
  const checkinLink = await destination.getByRole('region', { name: '本组织的报到二维码' }).getByRole('link').getAttribute('href');
  await openMemberSection(member, '报到', '到流入地党组织报到');
  const end = member.getByRole('button', { name: '结束报到' });
  const request = member.getByRole('button', { name: '提交报到申请' });
  await expect(end.or(member.getByRole('heading', { name: '查找报到组织' }))).toBeVisible();
  if (await end.isVisible()) {
    await end.click();
    await member.getByRole('button', { name: '确认结束' }).click();
    await expect(member.getByRole('status').filter({ hasText: '报到已结束' })).toBeVisible();
  }
  await member.goto(checkinLink!);
  await expect(member.getByText(FLOW_BRANCH).first()).toBeVisible();
  await member.getByLabel('留言').fill('持流动党员活动证，在广州一家物流公司工作。');
  await request.click();
  await expect(member.getByText('等待对方确认').first()).toBeVisible();

  // The destination secretary opens the code's link on a phone not logged in: after logging in
  // the verification opens; the certificate is valid, and says whose it is and nothing more.
  const scanner = await (await browser.newContext({ viewport: PHONE })).newPage();
  await scanner.goto(link!);
  await expect(scanner.getByRole('heading', { name: '登录' })).toBeVisible();
  await fillLogin(scanner, accounts.ruchengFlowSecretary);
  await expect(scanner.getByRole('heading', { level: 1, name: '核验流动党员活动证' })).toBeVisible();
  const verified = scanner.getByRole('region', { name: new RegExp(`有效 ${number}`) });
  await expect(verified).toContainText(accounts.member.name);
  await expect(verified).toContainText(HOME_BRANCH);
  await expect(verified).toContainText('永兴县');
  await expect(verified).not.toContainText('13800000001');
  expect(await fitsWidth(scanner)).toBe(true);
  expect(await seriousViolations(scanner)).toEqual([]);
  await shot(scanner, '28-certificate-verified-360');
  // His check-in request waits there, to accept at once.
  const requests = scanner.getByRole('region', { name: '该党员向本组织的报到申请' });
  await requests.getByRole('listitem').filter({ hasText: FLOW_BRANCH }).getByRole('button', { name: '接收报到' }).click();
  await expect(scanner.getByRole('status').filter({ hasText: `已接收 ${accounts.member.name} 的报到` })).toBeVisible();
  await member.reload();
  await expect(member.getByText('已报到').first()).toBeVisible();

  // The register names the check-in that references the certificate, once the relay has
  // written the grant (on a fresh start it is still draining the demo's events: reload slowly).
  await expect(async () => {
    await township.reload();
    await expect(line).toContainText(FLOW_BRANCH, { timeout: 2_000 });
  }).toPass({ intervals: [5_000], timeout: 150_000 });

  // Back home, 李明 reports on his time away; where he joined is filled in from his check-in.
  await openMemberSection(member, '活动证', '流动党员活动证');
  await member.getByRole('button', { name: '我已返回，报告外出情况' }).click();
  await expect(member.getByLabel('外出期间做了什么')).toBeFocused();
  await expect(member.getByLabel('参加组织生活的党组织')).toHaveValue(FLOW_BRANCH);
  await member.getByLabel('外出期间做了什么').fill('在广州一家物流公司做仓库管理，参加流动党支部的主题党日和党课。');
  await member.getByLabel('参加会议次数').fill('3');
  await member.getByRole('button', { name: '提交返回报告' }).click();
  await expect(member.getByRole('status').filter({ hasText: '返回报告已提交' })).toBeVisible();

  // The committee checks it with his report and closes it; the register shows it handed back.
  await township.reload();
  await line.getByRole('button', { name: `${accounts.member.name} 交回活动证 ${number}` }).click();
  const close = township.getByRole('form', { name: `${accounts.member.name} 交回活动证 ${number}` });
  await expect(close).toContainText('在广州一家物流公司做仓库管理');
  await close.getByLabel('备注').fill('已当面核对，活动证收回。');
  await close.getByRole('button', { name: '确认交回' }).click();
  await expect(township.getByRole('status').filter({ hasText: `${accounts.member.name} 的活动证已交回` })).toBeVisible();
  await expect(line).toContainText('已交回');
  await expect(line.getByRole('button', { name: /交回活动证/ })).toHaveCount(0);
  await shot(township, '28-certificate-closed');

  // The register goes out as the official workbook.
  const download = township.waitForEvent('download');
  await township.getByRole('button', { name: '导出登记簿（Excel）' }).click();
  expect((await download).suggestedFilename()).toMatch(/马田镇党委-活动证登记簿-\d{4}-\d{2}-\d{2}\.xlsx$/);

  // His phone shows it handed back, and no code to show any more.
  await member.reload();
  await expect(member.getByText('已交回').first()).toBeVisible();
  await expect(member.getByRole('button', { name: '出示二维码' })).toHaveCount(0);

  // The old code now verifies as handed back.
  await scanner.reload();
  await expect(scanner.getByText('这张活动证已交回')).toBeVisible();
});
