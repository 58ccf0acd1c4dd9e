// axe-core in the page under test: the accessibility violations of the page, or of part
// of it, that a screen-reader or keyboard user would meet. The page's CSP forbids inline
// script, so the browser context that uses this must be made with `bypassCSP: true`.
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Violations (impact serious or critical, by default) within `selector` (default: the whole page). */
export async function axeViolations(page: Page, { selector, impacts = ['serious', 'critical'] }: { selector?: string; impacts?: string[] } = {}): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const results = await page.evaluate(async (context) => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(context ?? document, { resultTypes: ['violations'] });
  }, selector ?? null);
  return results.violations
    .filter((v) => impacts.includes(v.impact ?? ''))
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}
