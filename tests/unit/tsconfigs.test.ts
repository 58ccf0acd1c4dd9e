// Each folder's tsconfig gives it only the globals of where it runs: the window's code has
// the DOM and no Node, common/ has neither. A probe file compiled with each folder's
// options shows which names exist there.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** The names the probe could not find, compiled with `config`'s options. */
function missingNames(config: string, code: string): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(`${root}${config}`, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(String(d.messageText)); } });
  if (!parsed) throw new Error(`Cannot read ${config}`);
  const probe = tmp.path(`probe-${config.replace(/\W/g, '_')}.ts`);
  writeFileSync(probe, code);
  const program = ts.createProgram([probe], { ...parsed.options, noEmit: true });
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile(probe))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
    .flatMap((m) => /Cannot find name '(\w+)'/.exec(m)?.[1] ?? []);
}

const probe = 'export const a = document.title;\nexport const b = process.env.HOME;\nexport const c = Buffer.from("x");\nexport const d = new Map<string, number>();\n';

describe('per-folder tsconfig', () => {
  it('gives the renderer the DOM and no Node', () => {
    expect(missingNames('renderer/tsconfig.json', probe)).toEqual(['process', 'Buffer']);
  });

  it('gives common/ neither the DOM nor Node', () => {
    expect(missingNames('common/tsconfig.json', probe)).toEqual(['document', 'process', 'Buffer']);
  });

  it('gives the Node side its Node globals', () => {
    expect(missingNames('tsconfig.json', probe)).toEqual([]);
  });
});
