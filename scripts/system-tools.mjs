#!/usr/bin/env node
// The tools the tests need from the system rather than from npm, in one list that both
// `.ci/run` and `npm test` read: a fresh machine is told at once, before a 7-minute
// typecheck-build-test run, what it lacks and the one command that installs it.
//
//   node scripts/system-tools.mjs            check; as root on Debian/Ubuntu, install what
//                                            is missing (saying so), else name it and exit 1
//   node scripts/system-tools.mjs --install  install what is missing (root, or through sudo)
//   node scripts/system-tools.mjs --check    check only, never install
//
// Plain JavaScript with no dependency: `.ci/run` runs it with the machine's Node before
// `npm ci`. SOURCEBOOK_NO_INSTALL=1 turns the automatic install of the default mode off.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** On PATH as an executable file. */
function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    try {
      accessSync(join(dir, name), constants.X_OK);
      return true;
    } catch {
      // not in this folder
    }
  }
  return false;
}

/**
 * What the tests use, and the Debian package that provides it. Chromium is looked up on
 * PATH (Debian's package puts it at /usr/bin/chromium, where the tests launch it).
 */
export const SYSTEM_TOOLS = [
  { name: 'Chromium', usedFor: 'end-to-end tests and PDF export', apt: 'chromium', present: () => onPath('chromium') },
  { name: 'pdftotext and pdftoppm (poppler)', usedFor: 'reading exported PDFs back', apt: 'poppler-utils', present: () => onPath('pdftotext') && onPath('pdftoppm') },
  { name: 'DejaVu fonts', usedFor: 'the same glyphs in every PDF', apt: 'fonts-dejavu-core', present: () => existsSync('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf') },
  { name: 'LibreOffice Writer', usedFor: 'opening exported .docx files', apt: 'libreoffice-writer-nogui', present: () => onPath('soffice') || onPath('libreoffice') },
];

export function missingTools() {
  return SYSTEM_TOOLS.filter((tool) => !tool.present());
}

const installCommand = (tools) => `sudo apt-get install -y --no-install-recommends ${tools.map((t) => t.apt).join(' ')}`;

function describeMissing(tools) {
  return [
    `Sourcebook's tests need ${tools.length === 1 ? 'a tool' : 'tools'} this machine lacks:`,
    ...tools.map((t) => `  - ${t.name} (${t.usedFor}): Debian/Ubuntu package ${t.apt}`),
    'Install them with:',
    `  ${installCommand(tools)}`,
    '(or run `bash .ci/run`, which installs them and then runs the tests).',
  ].join('\n');
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
const canApt = () => process.platform === 'linux' && onPath('apt-get');

/**
 * apt-get, directly as root or through sudo. sudo resets the environment, so the
 * variable goes on its command line; `$SUDO VAR=x apt-get` with SUDO empty is the bash
 * mistake that made the old .ci/run fail as root.
 */
function apt(args) {
  const [cmd, argv] = isRoot() ? ['apt-get', args] : ['sudo', ['DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args]];
  const r = spawnSync(cmd, argv, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (r.error) throw new Error(`${cmd} apt-get ${args.join(' ')} could not start: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} apt-get ${args.join(' ')} failed (exit ${r.status}).`);
}

function install(tools) {
  if (!canApt()) throw new Error(`${describeMissing(tools)}\n(apt-get is not available here: install the equivalents with this system's package manager.)`);
  if (!isRoot() && !onPath('sudo')) throw new Error(`${describeMissing(tools)}\n(Not root and no sudo: ask an administrator to run the command above.)`);
  const packages = tools.map((t) => t.apt);
  console.log(`Installing ${packages.join(', ')} with apt-get${isRoot() ? '' : ' (through sudo)'}…`);
  apt(['update', '-qq']);
  apt(['install', '-y', '-qq', '--no-install-recommends', ...packages]);
  const still = missingTools();
  if (still.length > 0) throw new Error(`apt-get finished, but these are still missing:\n${still.map((t) => `  - ${t.name} (${t.apt})`).join('\n')}`);
}

export function main(argv) {
  const mode = argv.includes('--install') ? 'install' : argv.includes('--check') ? 'check' : 'auto';
  const missing = missingTools();
  if (missing.length === 0) return 0;
  const autoInstall = mode === 'install' || (mode === 'auto' && isRoot() && canApt() && process.env.SOURCEBOOK_NO_INSTALL !== '1');
  if (!autoInstall) {
    console.error(describeMissing(missing));
    return 1;
  }
  try {
    install(missing);
    return 0;
  } catch (err) {
    console.error(err.message);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main(process.argv.slice(2));
