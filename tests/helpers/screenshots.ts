// Screenshots while developing (SOURCEBOOK_SCREENSHOTS=folder); without the folder none is taken.
import { join } from 'node:path';
import type { Page } from 'playwright-core';

export const screenshotFolder = process.env.SOURCEBOOK_SCREENSHOTS;

/** Lets entrance animations finish, so that a picture shows the settled screen. */
async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(120);
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => (a.effect?.getTiming().iterations === Infinity ? null : a.finished.catch(() => null)))));
}

/** `name`.png, in the theme the page is in. */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (!screenshotFolder) return;
  await settle(page);
  await page.screenshot({ path: join(screenshotFolder, `${name}.png`) });
}

/** `name`-light.png and `name`-dark.png; the page is back in the light theme afterwards. */
export async function screenshotsLightAndDark(page: Page, name: string): Promise<void> {
  if (!screenshotFolder) return;
  await screenshot(page, `${name}-light`);
  await page.emulateMedia({ colorScheme: 'dark' });
  // The theme's colours change with a transition.
  await page.waitForTimeout(250);
  await screenshot(page, `${name}-dark`);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.waitForTimeout(150);
}
