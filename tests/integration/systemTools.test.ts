// The fresh-machine check that runs first in `npm test` and installs for `.ci/run`, run as
// a real process with a PATH that hides every system tool and holds a stand-in apt-get
// (and sudo) that records what it is asked and "installs" by placing the tools on PATH.
import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tempDir } from '../helpers/tmp';

const script = resolve(__dirname, '../../scripts/system-tools.mjs');
const fontsPresent = existsSync('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf');
const isRoot = process.getuid?.() === 0;
let tmp: ReturnType<typeof tempDir> | null = null;
afterEach(() => tmp?.cleanup());

function executable(path: string, body: string): void {
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
}

/** A bin folder with a stand-in apt-get (and sudo); `installs` makes apt-get place the tools. */
function fakeSystem({ installs }: { installs: boolean }) {
  tmp = tempDir('sourcebook-tools-');
  const bin = tmp.path('bin');
  const log = tmp.path('apt.log');
  mkdirSync(bin);
  const place = ['chromium', 'pdftotext', 'pdftoppm', 'soffice'].map((t) => `printf '#!/bin/sh\\n' > ${bin}/${t}; /bin/chmod +x ${bin}/${t}`).join('; ');
  executable(join(bin, 'apt-get'), `echo "DEBIAN_FRONTEND=$DEBIAN_FRONTEND apt-get $*" >> ${log}\ncase "$1" in install) ${installs ? place : ':'};; esac`);
  executable(join(bin, 'sudo'), `echo "sudo $*" >> ${log}\nshift\nexec "$@"`);
  const run = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', env: { PATH: bin, ...env } });
  return { run, calls: () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []) };
}

const expectedPackages = ['chromium', 'poppler-utils', ...(fontsPresent ? [] : ['fonts-dejavu-core']), 'libreoffice-writer-nogui'].join(' ');

describe('system tools check (first step of npm test, install step of .ci/run)', () => {
  it('names each missing tool and the one command that installs them, and installs nothing in --check', () => {
    const sys = fakeSystem({ installs: true });
    const r = sys.run(['--check']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Chromium');
    expect(r.stderr).toContain('pdftotext and pdftoppm (poppler)');
    expect(r.stderr).toContain('LibreOffice Writer');
    expect(r.stderr).toContain(`sudo apt-get install -y --no-install-recommends ${expectedPackages}`);
    expect(sys.calls()).toEqual([]);
  });

  it('SOURCEBOOK_NO_INSTALL=1 keeps the default mode from installing, even as root', () => {
    const sys = fakeSystem({ installs: true });
    const r = sys.run([], { SOURCEBOOK_NO_INSTALL: '1' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('sudo apt-get install');
    expect(sys.calls()).toEqual([]);
  });

  it('--install installs exactly what is missing, non-interactively (directly as root, through sudo otherwise)', () => {
    const sys = fakeSystem({ installs: true });
    const r = sys.run(['--install']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`Installing ${expectedPackages.split(' ').join(', ')} with apt-get`);
    const apt = sys.calls().filter((line) => line.includes('apt-get'));
    expect(apt).toEqual([
      'DEBIAN_FRONTEND=noninteractive apt-get update -qq',
      `DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${expectedPackages}`,
    ]);
    expect(sys.calls().some((line) => line.startsWith('sudo '))).toBe(!isRoot);
    // Nothing left to do: a second run installs nothing.
    expect(sys.run(['--install']).status).toBe(0);
    expect(sys.calls().filter((line) => line.includes('apt-get install'))).toHaveLength(1);
  });

  it('says what is still missing when apt-get ran but did not provide it', () => {
    const sys = fakeSystem({ installs: false });
    const r = sys.run(['--install']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/apt-get finished, but these are still missing:[\s\S]*Chromium \(chromium\)/);
  });
});
