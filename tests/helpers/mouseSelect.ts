import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** Selects `phrase` in the reader with the mouse: press before its first letter, drag past its last (leftwards in right-to-left text). */
export async function mouseSelect(page: Page, phrase: string): Promise<void> {
  const box = await page.evaluate((text) => {
    const runs = [...document.querySelectorAll<HTMLElement>('.reader-text [data-start]')];
    const run = runs.find((r) => (r.textContent ?? '').includes(text));
    if (!run?.firstChild) throw new Error(`"${text}" is not in one run of the reader text`);
    run.scrollIntoView({ block: 'center' });
    const at = (run.textContent ?? '').indexOf(text);
    const range = document.createRange();
    range.setStart(run.firstChild, at);
    range.setEnd(run.firstChild, at + 1);
    const first = range.getBoundingClientRect();
    range.setStart(run.firstChild, at + text.length - 1);
    range.setEnd(run.firstChild, at + text.length);
    const last = range.getBoundingClientRect();
    // A letter's start is its right edge in right-to-left text.
    if (getComputedStyle(run).direction === 'rtl') return { x1: first.right - 1, y1: first.top + first.height / 2, x2: last.left + 1, y2: last.top + last.height / 2 };
    return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
  }, phrase);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 5 });
  await page.mouse.move(box.x2, box.y2, { steps: 5 });
  await page.mouse.up();
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(phrase);
}
