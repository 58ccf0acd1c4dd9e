#!/usr/bin/env node
// `npm run pack`: build, then pack the unpacked desktop app with electron-builder
// (dist/linux-unpacked and the like). Extra arguments go to electron-builder.
//
// electron-builder needs Electron's runtime. Where it cannot be downloaded, point it at a
// local Electron distribution (a folder holding Electron's files, its executable named
// `electron`): SOURCEBOOK_ELECTRON_DIST=/path/to/electron-dist npm run pack
// (electron-builder's `-c.electronDist`). Without the variable, the distribution that
// `npm install` downloaded into node_modules/electron/dist is used when it is there.
// `--prebuilt` packs out/ as it is (tests/integration/pack.test.ts: npm test built it).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const bin = (name) => join(root, 'node_modules', '.bin', name);

/** The Electron distribution to pack with, or null to let electron-builder download one. */
function electronDist() {
  const fromEnv = process.env.SOURCEBOOK_ELECTRON_DIST?.trim();
  if (fromEnv) {
    const dir = resolve(fromEnv);
    const exe = ['electron', 'electron.exe', 'Electron.app'].map((name) => join(dir, name));
    if (!exe.some((p) => existsSync(p))) {
      throw new Error(`SOURCEBOOK_ELECTRON_DIST is ${dir}, which holds no Electron executable (electron, electron.exe or Electron.app).`);
    }
    return dir;
  }
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (existsSync(pathFile) && existsSync(join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim()))) return join(pkg, 'dist');
  return null;
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root });
  return r.status ?? 1;
}

function main() {
  let dist;
  try {
    dist = electronDist();
  } catch (err) {
    console.error(err.message);
    return 1;
  }
  const argv = process.argv.slice(2);
  const prebuilt = argv.includes('--prebuilt');
  if (!prebuilt && run(bin('electron-vite'), ['build', '--logLevel', 'warn']) !== 0) return 1;
  const args = ['--dir', ...(dist ? [`-c.electronDist=${dist}`] : []), ...argv.filter((a) => a !== '--prebuilt')];
  const status = run(bin('electron-builder'), args);
  if (status !== 0 && !dist) {
    console.error(
      "\nelectron-builder could not get Electron's runtime (it downloads it when no local copy is given). " +
        'Where the download host cannot be reached, set SOURCEBOOK_ELECTRON_DIST to a folder holding an Electron distribution.',
    );
  }
  return status;
}

process.exitCode = main();
