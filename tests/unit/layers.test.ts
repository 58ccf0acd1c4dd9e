// The layer rules are enforced by lint (eslint/layers.mjs, run by npm test): an import a
// folder may not make must fail lint, wherever it is spelled, and a legal one must pass.
// Checked with ESLint itself on files as they would sit in the tree.
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { resolve } from 'node:path';

const root = resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function problems(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, path) });
  return result.messages.filter((m) => m.ruleId === 'layers/allowed-imports' || m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax' || m.ruleId === 'no-restricted-globals').map((m) => m.message);
}

describe('lint keeps each folder to the layers it may use', () => {
  it('refuses imports across a layer, however the path is spelled', async () => {
    expect(await problems('renderer/src/x.ts', "import { listSources } from '../../db/sources';\nexport const x = listSources;\n")).toEqual([expect.stringMatching(/^renderer may not import db\/sources at run time \(types only/)]);
    expect(await problems('electron/services/x.ts', "import { createRouter } from '../ipc/router';\nexport const x = createRouter;\n")).toEqual([expect.stringMatching(/^electron\/services may not import electron\/ipc\/router/)]);
    expect(await problems('electron/services/export/x.ts', "import { buildMenu } from '../../main/menu';\nexport const x = buildMenu;\n")).toEqual([expect.stringMatching(/may not import electron\/main\/menu/)]);
    expect(await problems('electron/preload/x.ts', "import { handlers } from '../ipc/handlers';\nexport const x = handlers;\n")).toEqual([expect.stringMatching(/^electron\/preload may not import electron\/ipc\/handlers/)]);
    expect(await problems('electron/main/x.ts', "import { listSources } from '../../db/sources';\nexport const x = listSources;\n")).toEqual([expect.stringMatching(/^electron\/main may not import db\/sources at run time/)]);
    // The front doors reach the store only through the services (one service layer, #10).
    expect(await problems('electron/ipc/handlers/x.ts', "import { listSources } from '../../../db/sources';\nexport const x = listSources;\n")).toEqual([expect.stringMatching(/^electron\/ipc may not import db\/sources at run time/)]);
    expect(await problems('electron/cli/commands/x.ts', "import { listBriefs } from '../../../db/briefs';\nexport const x = listBriefs;\n")).toEqual([expect.stringMatching(/^electron\/cli may not import db\/briefs at run time/)]);
    expect(await problems('db/x.ts', "import { importPaths } from '../electron/services/importer';\nexport const x = importPaths;\n")).toEqual([expect.stringMatching(/^db may not import electron\/services\/importer/)]);
    expect(await problems('common/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toEqual([expect.stringMatching(/common\/ is pure code/)]);
    expect(await problems('common/x.ts', "import type { Db } from '../db/workspace';\nexport type X = Db;\n")).toEqual([expect.stringMatching(/^common may not import db\/workspace/)]);
    expect(await problems('electron/services/x.ts', "import { app } from 'electron';\nexport const x = app;\n")).toEqual([expect.stringMatching(/no runtime import of electron/)]);
    expect(await problems('renderer/src/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toEqual([expect.stringMatching(/no Node/)]);
  });

  it('keeps SQL in db/: a service prepares no statement and opens no database', async () => {
    const sql = "import type { Db } from '../../db/workspace';\nexport const n = (db: Db) => db.prepare('SELECT count(*) FROM sources').get();\n";
    expect(await problems('electron/services/x.ts', sql)).toEqual(['No SQL outside db/: add a repository function there.']);
    expect(await problems('electron/ipc/x.ts', "import type { Db } from '../../db/workspace';\nexport const go = (db: Db) => db.exec(`DELETE FROM briefs`);\n")).toEqual(['No SQL outside db/: add a repository function there.']);
    expect(await problems('electron/services/x.ts', "import Database from 'better-sqlite3';\nexport const open = () => new Database(':memory:');\n")).toEqual(['Only db/ opens SQLite.']);
    // A regular expression's exec is not SQL.
    expect(await problems('electron/services/x.ts', 'export const first = (text: string) => /\\d+/.exec(text);\n')).toEqual([]);
    expect(await problems('db/x.ts', "import type { Db } from './workspace';\nexport const n = (db: Db) => db.prepare('SELECT 1').get();\n")).toEqual([]);
  });

  it("keeps each side's globals on its side", async () => {
    expect(await problems('renderer/src/x.ts', 'export const home = process.env.HOME;\n')).toEqual([expect.stringMatching(/A Node global/)]);
    expect(await problems('electron/services/x.ts', 'export const title = () => document.title;\n')).toEqual([expect.stringMatching(/A DOM global/)]);
    expect(await problems('db/x.ts', "export const get = () => fetch('https://example.org/');\n")).toEqual([expect.stringMatching(/the network/)]);
    expect(await problems('common/x.ts', 'export const w = () => window.innerWidth + Buffer.byteLength("x");\n')).toHaveLength(2);
  });

  it('lets each folder import what it may', async () => {
    expect(await problems('renderer/src/x.ts', "import type { Output } from '../../electron/ipc/contract';\nimport { COMMANDS } from '../../common/commands';\nexport type X = Output<'sources:list'>;\nexport const y = COMMANDS;\n")).toEqual([]);
    expect(await problems('electron/preload/x.ts', "import type { Bridge } from '../ipc/contract';\nimport { IPC_INVOKE } from '../ipc/constants';\nexport type X = Bridge;\nexport const y = IPC_INVOKE;\n")).toEqual([]);
    expect(await problems('electron/ipc/x.ts', "import { openSession } from '../services/session';\nexport const x = openSession;\n")).toEqual([]);
    expect(await problems('db/x.ts', "import { SOURCE_FORMATS } from '../common/sourceFiles';\nexport const x = SOURCE_FORMATS;\n")).toEqual([]);
  });
});
