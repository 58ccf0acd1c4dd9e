// The `sourcebook` bin runs the compiled command line (out/main/cli.cjs) when the build is
// as new as the sources, else the TypeScript through tsx (electron/cli/sourcebook.mjs).
// Both must answer alike; `help` must not load a workspace or any service.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tempDir } from '../helpers/tmp';

const root = resolve(__dirname, '../..');
const tmp = tempDir('sourcebook-built-cli-');
afterAll(() => tmp.cleanup());

const run = (mode: 'built' | 'source', ...args: string[]) =>
  spawnSync(process.execPath, [join(root, 'electron', 'cli', 'sourcebook.mjs'), ...args], { encoding: 'utf8', cwd: root, env: { ...process.env, SOURCEBOOK_CLI: mode }, timeout: 60_000 });

describe('the compiled command line', () => {
  it('is built by the build', () => {
    expect(existsSync(join(root, 'out', 'main', 'cli.cjs'))).toBe(true);
  });

  it('answers as the TypeScript does: help, an import, the library and a search', () => {
    expect(run('built', 'help').stdout).toBe(run('source', 'help').stdout);
    const ws = tmp.path('same.sourcebook');
    writeFileSync(tmp.path('note.txt'), 'Cranes at the East Terminal were idle on Tuesday.\n');
    expect(run('built', '--workspace', ws, 'import', tmp.path('note.txt')).status).toBe(0);
    for (const args of [['sources', '--json'], ['search', 'cranes', '--json'], ['search', 'crane', '--json'], ['search', 'cran', '--json']]) {
      const built = run('built', '--workspace', ws, ...args);
      expect(built.stderr).toBe('');
      expect(built.stdout).toBe(run('source', '--workspace', ws, ...args).stdout);
    }
    expect(JSON.parse(run('built', '--workspace', ws, 'search', 'cranes', '--json').stdout)).toHaveLength(1);
    // English stemming: "crane" finds "Cranes"; a word is still whole ("cran" is not "cranes").
    expect(JSON.parse(run('built', '--workspace', ws, 'search', 'crane', '--json').stdout)).toHaveLength(1);
    expect(JSON.parse(run('built', '--workspace', ws, 'search', 'cran', '--json').stdout)).toHaveLength(0);
  });

  it('loads no workspace for help, and says so for an unknown command', () => {
    const unknown = run('built', '--workspace', tmp.path('never-made.sourcebook'), 'frobnicate');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown command "frobnicate"/);
    expect(existsSync(tmp.path('never-made.sourcebook'))).toBe(false);
  });
});
