import ExcelJS from 'exceljs';
import { expect, test, type Browser, type Page } from '../src/test.ts';
import { accounts, fitsWidth, logIn, shot } from '../src/journeys.ts';

// Issue 12: a county goes live on its own. The operator creates 宜章县 and invites its
// administrator; the administrator imports an org tree (a bad row reported, then fixed),
// imports 30 members, appoints a branch secretary and issues the branch's activation codes;
// a member activates on a phone and sends a monthly report, which the new secretary sees.
// 永兴 and 宜章 see nothing of each other, and 宜章's flow branch enters the cross-county
// directory only once the county is live.

const YIZHANG = '431022';
const CHENZHOU = '431000';
const ADMIN = { name: '欧阳红', phone: '13700000031', password: 'Yizhang-admin-2026' };
const BRANCH = '梅田村党支部';
const FLOW_BRANCH = '宜章县驻东莞流动党员党支部';
const SECRETARY = '黄志明';
const MEMBER = '李新';
const MEMBER_PASSWORD = 'Meitian-village-88';
const SECRETARY_PASSWORD = 'Meitian-branch-99';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
/** A valid 18-character ID-card number (GB 11643) from 17 digits. */
function idCard(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return first17 + CHECK[sum % 11];
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
async function workbook(name: string, rows: (string | null)[][]) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(name);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The 30 members of 梅田村党支部: the secretary-to-be, the member who activates, 28 others. */
const members = Array.from({ length: 30 }, (_, i) => ({
  name: i === 0 ? SECRETARY : i === 1 ? MEMBER : `梅田党员${String(i + 1).padStart(2, '0')}`,
  id: idCard(`43102219800101${String(100 + i).padStart(3, '0')}`),
  phone: `1371000${String(i + 1).padStart(4, '0')}`,
}));

async function newPage(browser: Browser, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  return context.newPage();
}

/** Types an activation code from the paper sheet, proving who one is with the ID's last 6 characters. */
async function activate(page: Page, code: string, person: { name: string; id: string }, password: string) {
  await page.goto('/activate');
  await page.getByLabel('县（市、区）').selectOption(YIZHANG);
  await page.getByLabel('激活码').fill(code.toLowerCase());
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByLabel('姓名')).toBeVisible();
  await page.getByLabel('姓名').fill(person.name);
  await page.getByLabel('身份证号后6位').fill(person.id.slice(-6));
  await page.getByLabel('新密码', { exact: true }).fill(password);
  await page.getByLabel('确认新密码').fill(password);
  await page.getByRole('button', { name: '激活账号' }).click();
}

/** The cross-county directory as a 永兴 member's check-in page searches it. */
async function directoryNames(page: Page, name: string): Promise<string[]> {
  const input = encodeURIComponent(JSON.stringify({ name }));
  const response = await page.request.get(`/api/roster/trpc/orgs.directory?input=${input}`);
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { result: { data: { name: string }[] } };
  return body.result.data.map((entry) => entry.name);
}

test('the operator opens 宜章县; it sets itself up, a member activates and reports, and it goes live', async ({ browser }) => {
  test.setTimeout(300_000);

  // The operator creates the county under 郴州市 and invites its administrator.
  const operator = await newPage(browser);
  await logIn(operator, accounts.operator);
  await operator.goto('/operator');
  await operator.getByRole('button', { name: '新建县' }).click();
  await operator.getByLabel('所属市').selectOption(CHENZHOU);
  await operator.getByLabel('区划代码').fill('431023');
  await operator.getByLabel('名称').fill('宜章县');
  await operator.getByRole('button', { name: '创建' }).click();
  await expect(operator.getByText('该区划代码已被使用')).toBeVisible();
  await operator.getByLabel('区划代码').fill(YIZHANG);
  await operator.getByRole('button', { name: '创建' }).click();
  await expect(operator.getByRole('row').filter({ hasText: YIZHANG })).toContainText('筹备中');

  await operator.goto(`/operator?page=invitations&tenant=${YIZHANG}`);
  await operator.getByRole('button', { name: '邀请管理员' }).click();
  await operator.getByLabel('姓名').fill(ADMIN.name);
  await operator.getByLabel('手机号').fill(ADMIN.phone);
  await operator.getByRole('button', { name: '发送邀请' }).click();
  const invitation = await operator.getByLabel('邀请链接').inputValue();
  expect(invitation).toContain(`/invite?t=${YIZHANG}`);
  await shot(operator, '23-operator-invitation');

  // The administrator accepts the invitation and lands in the department's view.
  const admin = await newPage(browser);
  await admin.goto(invitation);
  await expect(admin.getByText('宜章县').first()).toBeVisible();
  await admin.getByLabel('密码', { exact: true }).fill(ADMIN.password);
  await admin.getByLabel('确认密码').fill(ADMIN.password);
  await admin.getByRole('button', { name: '接受邀请' }).click();
  await expect(admin.getByText(`当前用户：${ADMIN.name}`)).toBeVisible();
  await admin.goto('/department?page=setup');
  await expect(admin.getByRole('heading', { level: 1, name: '开通向导' })).toBeVisible();
  await shot(admin, '23-wizard-start');

  // The org tree from the template, with one row whose parent does not exist.
  await admin.goto('/secretary');
  await admin.getByRole('navigation', { name: '书记工作' }).getByRole('link', { name: '组织架构' }).click();
  const header = ['上级组织', '组织类型', '组织名称', '所在地', '所在省份', '所在城市', '详细地址'];
  const good = [
    ['宜章县委组织部', '乡镇党委', '梅田镇党委', null, null, null, null],
    ['梅田镇党委', '党支部', BRANCH, null, null, null, null],
    ['梅田镇党委', '流动党支部', FLOW_BRANCH, '东莞', '广东省', '东莞', null],
  ];
  const orgFile = async (rows: (string | null)[][]) => ({ name: '组织.xlsx', mimeType: XLSX, buffer: await workbook('组织', [header, ...rows]) });
  await admin.getByLabel('选择组织文件').setInputFiles(await orgFile([...good, ['白石镇党委', '党支部', '白石村党支部', null, null, null, null]]));
  await admin.getByRole('button', { name: '导入组织' }).click();
  const problems = admin.getByRole('table').filter({ hasText: '错误说明' });
  await expect(problems.getByRole('row').filter({ hasText: '本县没有这个上级组织' }).getByRole('cell').first()).toHaveText('5');
  const orgResult = admin.getByRole('list', { name: '组织导入结果' });
  await expect(orgResult.getByRole('listitem').filter({ hasText: '新建' })).toHaveText(/^3\s*新建/);
  await shot(admin, '23-org-import-error');
  // Fixed: the branch hangs under 梅田镇党委. The rows already imported change nothing.
  await admin.getByLabel('选择组织文件').setInputFiles(await orgFile([...good, ['梅田镇党委', '党支部', '白石村党支部', null, null, null, null]]));
  await admin.getByRole('button', { name: '导入组织' }).click();
  await expect(orgResult.getByRole('listitem').filter({ hasText: '新建' })).toHaveText(/^1\s*新建/);
  await expect(problems).toHaveCount(0);

  // 30 members into 梅田村党支部, through the members import.
  await admin.getByRole('navigation', { name: '书记工作' }).getByRole('link', { name: '导入导出' }).click();
  const memberRows = members.map((m) => [m.name, m.id, m.phone, BRANCH, '流动', '东莞市', '电子厂']);
  await admin.getByLabel('选择 Excel 文件（.xlsx）').setInputFiles({
    name: '党员.xlsx',
    mimeType: XLSX,
    buffer: await workbook('党员', [['姓名', '身份证号', '手机号码', '所在支部', '状态', '流入城市', '工作单位'], ...memberRows]),
  });
  await admin.getByRole('button', { name: '开始导入' }).click();
  await expect(admin.getByText('已处理 30 / 30 行')).toBeVisible();
  await expect(admin.getByRole('list', { name: '导入结果' }).getByRole('listitem').filter({ hasText: '新建' })).toHaveText(/^30\s*新建$/);

  // The branch secretary is appointed from the branch's members (the tree learns them from events).
  await admin.goto('/secretary?page=roles');
  await expect(admin.getByRole('heading', { level: 1, name: '书记任命' })).toBeVisible();
  await expect(async () => {
    await admin.reload();
    await admin.getByRole('button', { name: BRANCH }).click({ timeout: 2_000 });
    await admin.getByLabel('查找党员').fill(SECRETARY);
    await expect(admin.getByLabel('党员', { exact: true })).toContainText(SECRETARY, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await admin.getByLabel('党员', { exact: true }).selectOption({ label: SECRETARY });
  await admin.getByLabel('职务').selectOption({ label: '书记' });
  admin.once('dialog', (dialog) => dialog.accept());
  await admin.getByRole('button', { name: '任命' }).click();
  await expect(admin.getByText(`已任命${SECRETARY}为${BRANCH}书记。`)).toBeVisible();

  // Codes for the whole branch, on a printable sheet.
  await admin.goto('/secretary?page=accounts');
  await expect(admin.getByRole('heading', { level: 1, name: '账号激活' })).toBeVisible();
  await admin.getByRole('button', { name: new RegExp(BRANCH) }).first().click();
  await admin.getByRole('button', { name: '为全支部生成激活码' }).click();
  await expect(admin.getByText('已为 30 人生成激活码。')).toBeVisible();
  await shot(admin, '23-codes-issued');
  const codeOf = async (name: string) => {
    const line = admin.getByRole('listitem').filter({ hasText: name }).filter({ hasText: /[0-9A-Z]{5}-[0-9A-Z]{5}/ }).first();
    return (await line.textContent())!.match(/[0-9A-Z]{5}-[0-9A-Z]{5}/)![0];
  };
  const memberCode = await codeOf(MEMBER);
  const secretaryCode = await codeOf(SECRETARY);

  // The member activates on a phone and sends this month's report.
  const member = await newPage(browser, { width: 360, height: 780 });
  await activate(member, memberCode, members[1]!, MEMBER_PASSWORD);
  await expect(member.getByText(`当前用户：${MEMBER}`)).toBeVisible();
  await expect(member.getByRole('status').filter({ hasText: '账号已激活' })).toBeVisible();
  expect(await fitsWidth(member)).toBe(true);
  await shot(member, '23-member-activated-360');
  await member.goto('/member?page=report');
  await member.getByLabel('本月工作和生活情况').fill('在东莞电子厂上班，参加了厂里党支部的主题党日。');
  await member.getByText('信息无变化').click();
  await member.getByRole('button', { name: '提交月报' }).click();
  await expect(member.getByText('月报已提交').first()).toBeVisible();

  // The secretary activates (the appointment becomes their role) and sees the report.
  const secretary = await newPage(browser);
  await activate(secretary, secretaryCode, members[0]!, SECRETARY_PASSWORD);
  await expect(secretary.getByText(`当前用户：${SECRETARY}`)).toBeVisible();
  await secretary.goto('/secretary');
  await secretary.getByRole('navigation', { name: '书记工作' }).getByRole('link', { name: '月度报告' }).click();
  await expect(secretary.getByRole('heading', { level: 1, name: '月度报告' })).toBeFocused();
  const reportRow = secretary.getByRole('row').filter({ has: secretary.getByRole('rowheader', { name: MEMBER, exact: true }) });
  await reportRow.getByRole('button', { name: `查看 ${MEMBER} 的报告` }).click();
  await expect(secretary.getByText('在东莞电子厂上班')).toBeVisible();
  await shot(secretary, '23-secretary-sees-report');

  // 永兴 sees nothing of 宜章, and 宜章 nothing of 永兴; the flow branch is not listed yet.
  const yongxing = await newPage(browser);
  await logIn(yongxing, accounts.member);
  expect(await directoryNames(yongxing, '宜章')).not.toContain(FLOW_BRANCH);
  /** A roster search as the department of one county: the members it finds, by name. */
  const rosterSearch = async (page: Page, search: string) => {
    const response = await page.request.get(`/api/roster/trpc/members.list?input=${encodeURIComponent(JSON.stringify({ search }))}`);
    expect(response.ok()).toBe(true);
    const body = (await response.json()) as { result: { data: { items?: { name: string }[]; members?: { name: string }[] } } };
    return JSON.stringify(body.result.data);
  };
  const yongxingDepartment = await newPage(browser);
  await logIn(yongxingDepartment, accounts.department);
  expect(await rosterSearch(admin, MEMBER)).toContain(MEMBER);
  expect(await rosterSearch(admin, accounts.member.name)).not.toContain(accounts.member.name);
  expect(await rosterSearch(yongxingDepartment, accounts.member.name)).toContain(accounts.member.name);
  expect(await rosterSearch(yongxingDepartment, MEMBER)).not.toContain(MEMBER);

  // The department goes live; the flow branch then enters the directory.
  await admin.goto('/department?page=setup&step=live');
  await admin.getByRole('checkbox', { name: /仍要上线|确认上线/ }).check();
  await admin.getByRole('button', { name: '上线' }).click();
  await expect(admin.getByRole('status').filter({ hasText: /本县已于.*上线/ })).toBeVisible();
  await shot(admin, '23-live');
  await expect(async () => expect(await directoryNames(yongxing, '宜章')).toContain(FLOW_BRANCH)).toPass({ timeout: 15_000 });

  // The operator sees it live.
  await operator.goto('/operator');
  await expect(operator.getByRole('row').filter({ hasText: YIZHANG })).toContainText('已上线');
});
