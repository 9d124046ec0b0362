import { expect, test } from '../src/test.ts';
import { accounts, logIn, shot } from '../src/journeys.ts';
import { backOnline, call, freshMember, underServiceWorker } from '../src/offline-journeys.ts';

// Issue 18: the member's part works where the signal comes and goes.
const ORANGES = '帮村里销售冰糖橙';

test('offline, a report and a claim wait on the phone through a reload and are sent once when back online; the repeat visit reads the kept pages', async ({ page, browser }) => {
  await logIn(page, accounts.secretary);
  const member = await freshMember(browser, page);
  const phone = member.page;
  await phone.goto('/member');
  await expect(phone.getByRole('heading', { level: 1, name: '我的信息' })).toBeVisible();
  await underServiceWorker(phone);
  // The pages read once online, kept for offline.
  await phone.goto('/member?page=tasks');
  await expect(phone.getByRole('heading', { level: 4, name: ORANGES, exact: true })).toBeVisible();
  await phone.goto('/member?page=report');
  await expect(phone.getByLabel('本月工作和生活情况')).toBeVisible();
  // This month as the page names it (Beijing time): "2026-12 月报".
  const period = /\d{4}-\d{2}/.exec((await phone.getByRole('heading', { level: 2, name: /月报/ }).textContent()) ?? '')![0];

  await member.context.setOffline(true);
  // The repeat visit offline: the home page and the tasks, each saying when they were fetched.
  await phone.goto('/member');
  await expect(phone.getByRole('heading', { level: 1, name: '我的信息' })).toBeVisible();
  await expect(phone.getByRole('status').filter({ hasText: /离线：显示的是 \d\d:\d\d 获取的内容/ }).first()).toBeVisible();
  await phone.goto('/member?page=tasks');
  await expect(phone.getByRole('heading', { level: 4, name: ORANGES, exact: true })).toBeVisible();
  await expect(phone.getByRole('status').filter({ hasText: /离线：显示的是 \d\d:\d\d 获取的内容/ }).first()).toBeVisible();
  await shot(phone, '31-offline-tasks-360');

  // A claim and this month's report, written offline.
  const card = phone.getByRole('listitem').filter({ has: phone.getByRole('heading', { level: 4, name: ORANGES, exact: true }) });
  await card.getByRole('button', { name: '认领此任务' }).click();
  await expect(card.getByText('等待发送')).toBeVisible();
  await phone.goto('/member?page=report');
  await phone.getByLabel('本月工作和生活情况').fill('离线时写的月报：在深圳工地上班，身体很好。');
  await phone.getByText('信息无变化').click();
  await phone.getByRole('button', { name: '提交月报' }).click();
  await expect(phone.getByText('已保存在手机上，联网后自动发送。')).toBeVisible();

  // A reload (or a closed tab) keeps both waiting.
  await phone.reload();
  const queue = phone.getByRole('region', { name: '待发送' });
  await expect(queue.getByRole('listitem').filter({ hasText: `${period} 月度报告` })).toContainText('等待发送');
  await expect(queue.getByRole('listitem').filter({ hasText: `领取任务：${ORANGES}` })).toContainText('等待发送');
  await shot(phone, '31-waiting-after-reload-360');

  // Back online: both are sent, and the queue empties.
  await backOnline(phone);
  await expect(queue).toHaveCount(0, { timeout: 30_000 });
  await expect(phone.getByText('等待书记查阅')).toBeVisible();

  // Exactly one report (its first version) and one claim, however often they were sent.
  const reports = await call<{ period: string; version: number }[]>(phone.request, 'reporting/trpc/monthlyReports.mine');
  expect(reports.filter((report) => report.period === period).map((report) => report.version)).toEqual([1]);
  const claims = await call<{ title: string; status: string }[]>(phone.request, 'tasks/trpc/claims.mine');
  expect(claims.filter((claim) => claim.title === ORANGES).map((claim) => claim.status)).toEqual(['active']);
  // …and the secretary sees the member as reported.
  await page.goto('/secretary');
  await page.getByRole('navigation', { name: '书记工作' }).getByRole('link', { name: '月度报告' }).click();
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: member.name, exact: true }) });
  await expect(row).toContainText('已报告');
  await member.context.close();
});

test('a claim queued offline for a task that fills meanwhile says on the item that it is full; logout leaves nothing of it on the phone', async ({ page, browser }) => {
  await logIn(page, accounts.secretary);
  const member = await freshMember(browser, page);
  const title = `搬运救灾物资（离线测试 ${Date.now() % 100000}）`;
  await call(
    page.request,
    'tasks/trpc/tasks.publish',
    {
      orgId: member.branchId, kind: 'volunteer', title, description: '只需要一位党员。', quota: 1, points: 5,
      deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(), idempotencyKey: crypto.randomUUID(),
    },
    'mutation',
  );
  const phone = member.page;
  await phone.goto('/member?page=tasks');
  const card = phone.getByRole('listitem').filter({ has: phone.getByRole('heading', { level: 4, name: title, exact: true }) });
  await expect(card).toBeVisible();

  await member.context.setOffline(true);
  await card.getByRole('button', { name: '认领此任务' }).click();
  await expect(card.getByText('等待发送')).toBeVisible();

  // Meanwhile 李明 takes the only place.
  const other = await browser.newContext();
  const liming = await other.newPage();
  await logIn(liming, accounts.member);
  const offered = await call<{ id: string; title: string }[]>(liming.request, 'tasks/trpc/tasks.forMe', {});
  const task = offered.find((candidate) => candidate.title === title)!;
  await call(liming.request, 'tasks/trpc/claims.claim', { taskId: task.id, idempotencyKey: crypto.randomUUID() }, 'mutation');
  await other.close();

  await backOnline(phone);
  const queue = phone.getByRole('region', { name: '待发送' });
  await expect(queue.getByRole('listitem').filter({ hasText: `领取任务：${title}` })).toContainText('未能发送：名额已满', { timeout: 30_000 });
  await expect(card.getByRole('alert')).toContainText('名额已满');
  await shot(phone, '31-claim-refused-full-360');
  // Not sent again: the refusal stays until read; logging out forgets this member's queue.
  await phone.getByRole('button', { name: '退出登录' }).click();
  await expect(phone.getByRole('heading', { name: '登录' })).toBeVisible();
  const left = await phone.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('tongxin-writes');
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('queue')) return resolve(0);
          const count = db.transaction('queue').objectStore('queue').count();
          count.onsuccess = () => resolve(count.result);
        };
      }),
  );
  expect(left).toBe(0);
  await member.context.close();
});
