// Not the guarded `test` of ../src/test.ts: this journey causes violations on purpose, to
// show that the policy blocks them and that the guard every other journey runs under sees them.
import { expect, test } from '@playwright/test';
import { watchContentSecurityPolicy } from '../src/test.ts';

test('the login page is served under the strict policy; an injected inline script does not run, and the guard reports it', async ({ page, context }) => {
  const violations = watchContentSecurityPolicy(context);
  const response = await page.goto('/login');
  const policy = response?.headers()['content-security-policy'] ?? '';
  expect(policy).toContain("script-src 'self'");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(response?.headers()['x-content-type-options']).toBe('nosniff');
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
  expect(violations).toEqual([]);

  // What a stored XSS would try: an inline script, and an inline handler.
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true';
    document.head.append(script);
    const image = document.createElement('img');
    image.setAttribute('onerror', 'window.__handler = true');
    image.src = 'data:,';
    document.body.append(image);
    await new Promise((resolve) => setTimeout(resolve, 300));
    return { script: 'injected' in window ? (window as { __injected?: boolean }).__injected : undefined, handler: (window as { __handler?: boolean }).__handler };
  });
  expect(ran).toEqual({ script: undefined, handler: undefined });
  await expect.poll(() => violations.length).toBeGreaterThanOrEqual(2);
  expect(violations.join('\n')).toMatch(/script-src/);
});
