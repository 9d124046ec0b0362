import { expect, test } from '../src/test.ts';
import { accounts, logIn, shot } from '../src/journeys.ts';

// The department manages the county's tree from the same pages a secretary uses for a
// subtree: add a branch under a township, rename it, and read both changes in its history.
test('the department adds a branch under a township, renames it, and sees both in its history', async ({ page }) => {
  await logIn(page, accounts.department);
  await expect(page).toHaveURL(/\/department$/); // the department's home is its overview
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '党员管理' }).click();
  await page.getByRole('navigation', { name: '书记工作' }).getByRole('link', { name: '组织架构' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '组织架构' })).toBeVisible();

  await page.getByRole('button', { name: /^马田镇党委/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: '马田镇党委' })).toBeVisible();
  await page.getByRole('button', { name: '新建下级组织' }).click();
  const create = page.getByRole('form', { name: '新建下级组织' });
  await create.getByLabel('类型').selectOption({ label: '党支部' });
  await create.getByLabel('名称').fill('石门村党支部');
  await create.getByRole('button', { name: '提交' }).click();
  const created = page.getByRole('button', { name: /^石门村党支部/ });
  await expect(created).toBeVisible();

  await created.click();
  await expect(page.getByRole('heading', { level: 2, name: '石门村党支部' })).toBeVisible();
  await page.getByRole('button', { name: '改名' }).click();
  await page.getByRole('form', { name: '改名' }).getByLabel('新名称').fill('石门村第一党支部');
  await page.getByRole('form', { name: '改名' }).getByRole('button', { name: '提交' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '石门村第一党支部' })).toBeVisible();

  const history = page.getByRole('region', { name: '变更记录' });
  await expect(history).toContainText('名称：石门村党支部 → 石门村第一党支部');
  await expect(history).toContainText('新建');
  await shot(page, '18-department-tree');
});
