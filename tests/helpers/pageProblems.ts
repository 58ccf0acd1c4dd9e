import type { Page } from 'playwright-core';

/**
 * Adds to `problems` what must never happen on `page`: console errors, uncaught errors and
 * CSP violations, which a listener in every document reports as console errors.
 */
export async function recordProblems(page: Page, problems: string[]): Promise<void> {
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
}
