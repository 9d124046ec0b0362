import ExcelJS from 'exceljs';
import { expect, test, type Download } from '../src/test.ts';
import { accounts, logIn, shot } from '../src/journeys.ts';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
/** A valid 18-character ID-card number (GB 11643) from 17 digits. */
function idCard(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return first17 + CHECK[sum % 11];
}
/** The same number with a wrong last character. */
function wrongCheckDigit(valid: string): string {
  const last = valid.at(-1) === '1' ? '2' : '1';
  return valid.slice(0, 17) + last;
}

async function readSheet(download: Download): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}

test('a secretary imports a sheet with two bad rows: the good rows land, both bad ones are in the error report', async ({ page }) => {
  // Sequence numbers from the clock: a re-run on the same data folder adds new members.
  const run = String(Date.now() % 1000).padStart(3, '0');
  const branch = '涌水村流动党员党支部';
  // Region 431023 (Yongxing), a birth date, a 3-digit sequence: 17 digits, then the check character.
  const good = [1, 2, 3].map((n) => ({ name: `导入测试${run}${'甲乙丙'[n - 1]}`, id: idCard(`4310231985011${n}${run}`) }));
  const badId = wrongCheckDigit(idCard(`43102319860214${run}`));
  const badPhoneId = idCard(`43102319870315${run}`);

  await logIn(page, accounts.secretary);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '党员管理' }).click();
  await page.getByRole('navigation', { name: '书记工作' }).getByRole('link', { name: '导入导出' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Excel 导入导出' })).toBeVisible();

  // The template downloads, in Chinese, with the columns the import reads.
  const templateDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载导入模板' }).click();
  const template = await templateDownload;
  expect(template.suggestedFilename()).toMatch(/\.xlsx$/);
  // Required columns carry an asterisk ("姓名 *").
  const templateHeader = (await readSheet(template))[0]!.map((cell) => cell.replace(/\s*\*$/, ''));
  expect(templateHeader).toEqual(expect.arrayContaining(['姓名', '身份证号', '手机号码', '所在支部', '工作单位']));

  // A county-style sheet: five rows, two of them wrong.
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('党员');
  sheet.addRow(['姓名', '身份证号', '手机号码', '所在支部', '状态', '流入城市', '工作单位']);
  sheet.addRow([good[0]!.name, good[0]!.id, '13912340001', branch, '流动', '深圳市', '家具厂']);
  sheet.addRow(['坏校验码', badId, '13912340002', branch, '流动', '广州市', '电子厂']);
  sheet.addRow([good[1]!.name, good[1]!.id, '13912340003', branch, '在家', '', '']);
  sheet.addRow(['坏电话', badPhoneId, '12345', branch, '流动', '东莞市', '']);
  sheet.addRow([good[2]!.name, good[2]!.id, '', branch, '流动', '福州市', '']);
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());

  await page.getByLabel('选择 Excel 文件（.xlsx）').setInputFiles({
    name: '党员导入.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer,
  });
  await page.getByRole('button', { name: '开始导入' }).click();

  // Progress reaches every row; the summary says 3 created and 2 rows with errors.
  const progress = page.getByRole('progressbar', { name: '导入进度' });
  await expect(progress).toHaveAttribute('aria-valuenow', '5');
  await expect(page.getByText('已处理 5 / 5 行')).toBeVisible();
  const summary = page.getByRole('list', { name: '导入结果' });
  await expect(summary.getByRole('listitem').filter({ hasText: '新建' })).toHaveText(/^3\s*新建$/);
  await expect(summary.getByRole('listitem').filter({ hasText: '有错误' })).toHaveText(/^2\s*有错误$/);
  await expect(page.getByRole('heading', { name: '导入结果' })).toBeFocused();

  // On the page: row 3 (the check digit) and row 5 (the phone), in Chinese.
  const problems = page.getByRole('table').filter({ hasText: '错误说明' });
  const problemRow = (text: string) => problems.getByRole('row').filter({ hasText: text }).getByRole('cell');
  await expect(problemRow('身份证号最后一位（校验码）不正确')).toHaveText(['3', '身份证号', '身份证号最后一位（校验码）不正确']);
  await expect(problemRow('电话号码格式不正确')).toHaveText(['5', '手机号码', /^电话号码格式不正确/]);
  await shot(page, '16-import-summary');

  // The downloaded report lists both, with localized column headers.
  const reportDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载错误报告' }).click();
  const report = await readSheet(await reportDownload);
  expect(report[0]).toEqual(['行号', '列', '错误说明']);
  const body = report.slice(1);
  expect(body).toContainEqual(['3', '身份证号', expect.stringContaining('校验码')]);
  expect(body).toContainEqual(['5', '手机号码', expect.stringContaining('电话号码格式不正确')]);
  expect(body.map((row) => row[0])).not.toContain('2');

  // The good rows are in the roster.
  await page.getByRole('navigation', { name: '书记工作' }).getByRole('link', { name: '党员名册', exact: true }).click();
  await page.getByLabel('搜索姓名、手机号或完整身份证号').fill(`导入测试${run}`);
  const table = page.getByRole('table');
  for (const member of good) await expect(table.getByRole('cell', { name: member.name, exact: true })).toBeVisible();
  await expect(table.getByRole('cell', { name: '坏电话' })).toHaveCount(0);
});
