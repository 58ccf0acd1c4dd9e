// The import-circle check npm test runs (scripts/import-cycles.mjs, through `npm run lint`):
// it must find a circle wherever one is, through any number of files and type imports
// alike, ignore dynamic import(), and find none in the project as it is.
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { tempDir } from '../helpers/tmp';

interface CycleModule {
  importCycles(root: string, options?: { types?: boolean }): string[][];
}
const load = () => import(resolve(__dirname, '../../scripts/import-cycles.mjs')) as Promise<CycleModule>;

function tree(files: Record<string, string>) {
  const tmp = tempDir('sourcebook-cycles-');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(tmp.dir, path)), { recursive: true });
    writeFileSync(join(tmp.dir, path), text);
  }
  return tmp;
}

describe('import circles', () => {
  it('finds a circle through three files and another through a type import, not one through import()', async () => {
    const { importCycles } = await load();
    const tmp = tree({
      'electron/services/a.ts': "import { b } from './b';\nexport const a = b;\n",
      'electron/services/b.ts': "import { c } from './sub/c';\nexport const b = c;\n",
      'electron/services/sub/c.ts': "export { a as c } from '../a';\n",
      'renderer/src/node.tsx': "import { View } from './view';\nexport type Form = 'inline';\nexport const N = View;\n",
      'renderer/src/view.tsx': "import type { Form } from './node';\nexport const View = (f: Form) => f;\n",
      'db/lazy.ts': "export const load = () => import('./lazier');\n",
      'db/lazier.ts': "import { load } from './lazy';\nexport const again = load;\n",
    });
    try {
      expect(importCycles(tmp.dir, { types: true })).toEqual([
        ['electron/services/a.ts', 'electron/services/b.ts', 'electron/services/sub/c.ts'],
        ['renderer/src/node.tsx', 'renderer/src/view.tsx'],
      ]);
      // Without types, only the circle that exists at run time.
      expect(importCycles(tmp.dir)).toEqual([['electron/services/a.ts', 'electron/services/b.ts', 'electron/services/sub/c.ts']]);
    } finally {
      tmp.cleanup();
    }
  });

  it('finds none in Sourcebook itself', async () => {
    const { importCycles } = await load();
    expect(importCycles(resolve(__dirname, '../..'), { types: true })).toEqual([]);
  });
});
