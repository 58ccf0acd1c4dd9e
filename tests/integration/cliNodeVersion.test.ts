// On the machine's own Node.js 20, better-sqlite3 13 crashes the process without a word
// (a segmentation fault): the `sourcebook` bin says so in one line first. Run as a real
// process whose Node reports version 20.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(__dirname, '../..');
const asNode20 = `data:text/javascript,Object.defineProperty(process.versions, "node", { value: "20.20.2" })`;

describe('the sourcebook bin on too old a Node.js', () => {
  it('stops with one line naming the version it needs and how to run it, before touching SQLite', () => {
    const r = spawnSync(process.execPath, ['--import', asNode20, resolve(root, 'electron/cli/sourcebook.mjs'), 'sources'], { encoding: 'utf8', cwd: root });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('sourcebook: needs Node.js 22 or newer (this is Node.js 20.20.2); run it as "npm run -s sourcebook -- …", which uses the project\'s own Node.js 22.\n');
  });

  it('declares the Node.js it needs in package.json', () => {
    expect(JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')).engines).toEqual({ node: '>=22.12' });
  });
});
