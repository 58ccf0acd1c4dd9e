#!/usr/bin/env node
// The `sourcebook` bin: runs the TypeScript CLI through tsx's loader. better-sqlite3 13
// needs Node-API 10 (Node.js 22): on an older Node it crashes the process without a word,
// so that is said first, in one line, before anything loads it.
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  process.stderr.write(`sourcebook: needs Node.js 22 or newer (this is Node.js ${process.versions.node}); run it as "npm run -s sourcebook -- …", which uses the project's own Node.js 22.\n`);
  process.exit(1);
}
const { register } = await import('tsx/esm/api');
register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
