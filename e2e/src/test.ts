import { test as base, expect, type Browser, type BrowserContext } from '@playwright/test';

export * from '@playwright/test';

/** What Chromium logs for a blocked script, style, image, fetch or frame: "… violates the following Content Security Policy directive …". */
const CSP_MESSAGE = /Content[ -]Security[ -]Policy/i;

/** Collects every Content-Security-Policy violation on the context's pages, as `url: message`. */
export function watchContentSecurityPolicy(context: BrowserContext, violations: string[] = []): string[] {
  context.on('console', (message) => {
    if (CSP_MESSAGE.test(message.text())) violations.push(`${message.page()?.url() ?? message.location().url}: ${message.text()}`);
  });
  context.on('weberror', (error) => {
    if (CSP_MESSAGE.test(String(error.error()))) violations.push(`${error.page()?.url() ?? '?'}: ${String(error.error())}`);
  });
  return violations;
}

/**
 * Playwright's `test`, in which every journey runs under the pages' Content-Security-Policy
 * (issue 13 F): a violation on any page of the journey, in its own context or one it opens
 * with `browser.newContext()`, fails the journey with the messages.
 */
export const test = base.extend<{ contentSecurityPolicyGuard: void }>({
  contentSecurityPolicyGuard: [
    async ({ browser, context }, use) => {
      const violations = watchContentSecurityPolicy(context);
      const newContext = browser.newContext;
      const watching: Browser['newContext'] = async (options) => {
        const created = await newContext.call(browser, options);
        watchContentSecurityPolicy(created, violations);
        return created;
      };
      browser.newContext = watching;
      try {
        await use();
      } finally {
        browser.newContext = newContext;
      }
      expect(violations, 'Content-Security-Policy violations on the journey’s pages').toEqual([]);
    },
    { auto: true },
  ],
});
