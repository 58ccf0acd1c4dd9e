import { spawn, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  json<T = unknown>(): T;
}

/**
 * The `sourcebook` bin as installed: the compiled command line when the build is as new
 * as the sources (`npm test` builds first), else the TypeScript through tsx.
 */
const bin = [join(root, 'electron', 'cli', 'sourcebook.mjs')];

/** Runs the real `sourcebook` command line as a separate process, the way a script would. */
export function cli(workspace: string, ...args: string[]): CliResult {
  const r = spawnSync(process.execPath, [...bin, '--workspace', workspace, ...args], {
    encoding: 'utf8',
    cwd: root,
    timeout: 120_000,
  });
  return {
    code: r.status ?? -1,
    stdout: r.stdout,
    stderr: r.stderr,
    json<T>() {
      return JSON.parse(r.stdout) as T;
    },
  };
}

/** The same, without waiting: for several `sourcebook` processes at once. */
export function cliAsync(workspace: string, ...args: string[]): Promise<CliResult> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [...bin, '--workspace', workspace, ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('close', (code) =>
      done({
        code: code ?? -1,
        stdout,
        stderr,
        json<T>() {
          return JSON.parse(stdout) as T;
        },
      }),
    );
  });
}
