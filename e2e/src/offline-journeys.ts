import { expect, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { YONGXING, accounts, fillLogin } from './journeys.ts';

/** A tRPC call through the page's session (its cookies), the way the frontends make it. */
export async function call<T>(request: APIRequestContext, path: string, input?: unknown, kind: 'query' | 'mutation' = 'query'): Promise<T> {
  const headers = { 'x-tongxin-request': '1', 'content-type': 'application/json' };
  const response =
    kind === 'query'
      ? await request.get(`/api/${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`, { headers })
      : await request.post(`/api/${path}`, { headers, data: input ?? {} });
  const body = (await response.json()) as { result?: { data: T }; error?: unknown };
  if (!response.ok() || !body.result) throw new Error(`${path}: HTTP ${response.status()} ${JSON.stringify(body.error)}`);
  return body.result.data;
}

let used = 0;

/**
 * A member of 李明's branch (涌水村流动党员党支部) who has no account yet, activated for this
 * journey through the API as a member would on the activation page: the offline journeys
 * need someone whose month has no report and who has claimed nothing (the demo's two member
 * accounts are used by the journeys before them). `secretary` is 曹建国's page, logged in.
 */
export async function freshMember(browser: Browser, secretary: Page) {
  const branches = await call<{ branchId: string; branchName: string }[]>(secretary.request, 'identity/trpc/accounts.branches');
  const branch = branches.find((candidate) => candidate.branchName === '涌水村流动党员党支部');
  if (!branch) throw new Error('no branch 涌水村流动党员党支部 among the secretary\'s');
  const people = await call<{ memberId: string; name: string; state: string }[]>(secretary.request, 'identity/trpc/accounts.members', { branchId: branch.branchId });
  const waiting = people.filter((person) => person.state === 'none');
  const person = waiting[used++];
  if (!person) throw new Error('no member without an account left in 涌水村流动党员党支部');
  // The ledger's phone, which the member types to prove who they are (the list masks it).
  const { phone } = await call<{ phone: string }>(secretary.request, 'roster/trpc/members.get', { memberId: person.memberId });
  const issued = await call<{ issued: { code: string | null }[] }>(
    secretary.request,
    'identity/trpc/accounts.issue',
    { memberIds: [person.memberId], idempotencyKey: crypto.randomUUID() },
    'mutation',
  );
  const code = issued.issued[0]?.code;
  if (!code) throw new Error(`no activation code issued for ${person.name}`);
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const password = 'Offline-2026!';
  await call(page.request, 'identity/trpc/activation.redeem', { tenantId: YONGXING, code, name: person.name, phone, password }, 'mutation');
  // Roster links the account to the member when it hears of the activation (the relay).
  await expect.poll(() => call(page.request, 'roster/trpc/members.me').then(() => true, () => false), { timeout: 30_000 }).toBe(true);
  return { context, page, name: person.name, username: phone, password, branchId: branch.branchId };
}

/** Logs a member in at /login (fresh members have their own password). */
export async function logInAs(page: Page, member: { username: string; password: string; name: string }, next = '/member') {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await fillLogin(page, { tenant: YONGXING, username: member.username }, member.password);
  await expect(page.getByText(`当前用户：${member.name}`)).toBeVisible();
}

/** Waits until the service worker controls the page (it takes control from the next load after it installed). */
export async function underServiceWorker(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect
    .poll(async () => (await page.evaluate(() => navigator.serviceWorker.controller !== null)) || (await page.reload(), false), { timeout: 30_000 })
    .toBe(true);
}

/** Back online, as the phone's browser says it (the queue also polls). */
export async function backOnline(page: Page) {
  await page.context().setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
}

export { accounts };
