import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// resources/ sits at the app root: beside package.json in a checkout, inside app.asar
// when packaged. Code runs from several places (tsx from source, the bundled main
// process in out/main, vitest), so the folder is found by walking up, once.
let cached: string | null = null;

export function resourcesDir(): string {
  if (cached) return cached;
  const fromEnv = process.env.SOURCEBOOK_RESOURCES;
  if (fromEnv && existsSync(fromEnv)) return (cached = resolve(fromEnv));
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'resources');
    if (existsSync(join(candidate, 'print.css'))) return (cached = candidate);
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error('Sourcebook resources folder not found (set SOURCEBOOK_RESOURCES).');
}

export function readResource(relativePath: string): string {
  return readFileSync(join(resourcesDir(), relativePath), 'utf8');
}

/** The app root (the folder holding resources/ and, after a build, out/). */
export function appRoot(): string {
  return dirname(resourcesDir());
}
