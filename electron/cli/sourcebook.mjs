#!/usr/bin/env node
// The `sourcebook` bin. It runs the compiled command line (out/main/cli.cjs, built by
// `npm run build`) when that is at least as new as the sources, so a command starts in a
// fraction of a second; in a checkout whose build is missing or older than an edited
// source it runs the TypeScript through tsx's loader instead (slower, never stale).
// SOURCEBOOK_CLI=source or =built forces one or the other.
// better-sqlite3 13 needs Node-API 10 (Node.js 22): on an older Node it crashes the process
// without a word, so that is said first, in one line, before anything loads it.
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  process.stderr.write(`sourcebook: needs Node.js 22 or newer (this is Node.js ${process.versions.node}); run it as "npm run -s sourcebook -- …", which uses the project's own Node.js 22.\n`);
  process.exit(1);
}
const { existsSync, readdirSync, statSync } = await import('node:fs');
const { createRequire } = await import('node:module');
const { fileURLToPath } = await import('node:url');
const { join } = await import('node:path');

const root = fileURLToPath(new URL('../..', import.meta.url));
const built = join(root, 'out', 'main', 'cli.cjs');

/** The newest modification time of the sources the build is made from (0 where there are none: an installed copy). */
function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (/\.(ts|mts|mjs|json)$/.test(e.name)) newest = Math.max(newest, statSync(join(dir, e.name)).mtimeMs);
    }
  };
  for (const dir of ['electron', 'db', 'common']) walk(join(root, dir));
  return newest;
}

const mode = process.env.SOURCEBOOK_CLI;
const useBuilt = mode === 'built' || (mode !== 'source' && existsSync(built) && statSync(built).mtimeMs >= newestSource());
let main;
if (useBuilt) {
  ({ main } = createRequire(import.meta.url)(built));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('./main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
