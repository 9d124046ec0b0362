import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The demo password (infra/runner/src/seed/demo-accounts.ts; README "Demo accounts"). */
export const PASSWORD = 'Tongxin-2026';

export const YONGXING = '431023';
export const RUCHENG = '431026';

/** The demo accounts, by what the journeys use them for. */
export const accounts = {
  member: { tenant: YONGXING, username: '13800000001', name: '李明' },
  secretary: { tenant: YONGXING, username: '13800000002', name: '曹建国' },
  /** Locked by the lock journey: no other journey may use it. */
  flowSecretary: { tenant: YONGXING, username: '13800000003', name: '黄海波' },
  township: { tenant: YONGXING, username: '13800000004', name: '邓志强' },
  department: { tenant: YONGXING, username: '13800000005', name: '周秀英' },
  /** A second member of 李明's branch (the tasks journey needs three claimants). Journey 24 resets its password: no later journey may log in with it. */
  secondMember: { tenant: YONGXING, username: '13800000006', name: '曹志勇' },
  ruchengDepartment: { tenant: RUCHENG, username: '13900000001', name: '朱红梅' },
  /** Secretary of 汝城县驻广州流动党员党支部: a destination in another county. */
  ruchengFlowSecretary: { tenant: RUCHENG, username: '13900000002', name: '朱志远' },
  /** The demo platform operator (tenant `platform`). */
  operator: { tenant: 'platform', username: 'operator', name: '平台运营员' },
} as const;

export type Account = (typeof accounts)[keyof typeof accounts];

/** The data folder of the app under test (created by playwright.config.ts). */
export function dataDir(): string {
  const dir = process.env.E2E_DATA_DIR;
  if (!dir) throw new Error('E2E_DATA_DIR is not set: run through playwright.config.ts');
  return dir;
}

export const remotesFile = () => join(dataDir(), 'remotes.json');

/**
 * Screenshots land in e2e/test-results/ under a readable name. A full-page screenshot leaves
 * a scrolled page's scroll position wrong for the page's scripts (Chromium reports it scrolled
 * to the bottom until the next frame), so the next click would land beside its target: the
 * position is put back as it was.
 */
export async function shot(page: Page, name: string) {
  const scroll = await page.evaluate(() => [window.scrollX, window.scrollY] as const);
  await page.screenshot({ path: join(import.meta.dirname, '..', 'test-results', `${name}.png`), fullPage: true });
  await page.evaluate(([x, y]) => window.scrollTo(x, y), scroll);
}

/** Fills the login form (zh-CN labels) and submits it. */
export async function fillLogin(page: Page, account: { tenant: string; username: string }, password = PASSWORD) {
  await page.getByLabel('县（市、区）').selectOption(account.tenant);
  await page.getByLabel('账号').fill(account.username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** Logs in from the login page and waits for the shell's navigation (the session). */
export async function logIn(page: Page, account: Account) {
  await page.goto('/login');
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
  await fillLogin(page, account);
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
  await expect(page.getByText(`当前用户：${account.name}`)).toBeVisible();
}

/** axe's serious and critical WCAG 2 A/AA findings on the page as it is now (lesser ones are logged). */
export async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  // Lesser findings are reported, not failed on.
  const lesser = results.violations.filter((violation) => violation.impact !== 'serious' && violation.impact !== 'critical');
  if (lesser.length > 0) console.log(`axe on ${page.url()}: ${lesser.map((violation) => `${violation.id} (${violation.impact})`).join(', ')}`);
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help, targets: violation.nodes.map((node) => node.target.join(' ')) }));
}

/** True when the page fits its viewport's width (no horizontal scrolling). */
export const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
