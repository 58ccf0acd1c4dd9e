import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const goldenDir = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/golden');

/**
 * `actual` must be, to the byte, the golden file `name` (in tests/fixtures/golden).
 * UPDATE_GOLDEN=1 writes it first: to accept a change in the output on purpose.
 */
export function expectGolden(actual: string, name: string): void {
  const path = join(goldenDir, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
  }
  expect(existsSync(path), 'golden file missing: run once with UPDATE_GOLDEN=1').toBe(true);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}
