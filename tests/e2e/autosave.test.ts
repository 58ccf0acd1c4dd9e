// Never lose a word: the process that holds the workspace is killed (SIGKILL) while the
// analyst is typing; everything typed more than a second before the kill is in the
// workspace file afterwards.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openWorkspace } from '../../db/workspace';
import { listBriefs, getBrief } from '../../db/briefs';
import type { BriefDocument } from '../../db/brief/document';
import { plainTextOf } from '../../db/brief/walk';
import { launchChromium } from '../helpers/chromium';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
let dir: string;
let server: ChildProcess;
let browser: Browser;
let url = '';

beforeAll(async () => {
  if (!existsSync(join(repo, 'out/renderer/index.html'))) throw new Error('build the renderer first (npm test does)');
  dir = mkdtempSync(join(tmpdir(), 'sourcebook-autosave-'));
  // The real command line, in its own process: the one we kill. Node itself with tsx's
  // loader, not the tsx wrapper, which would run the server in a child that outlives it.
  server = spawn(process.execPath, ['--import', 'tsx', join(repo, 'electron/cli/main.ts'), '--workspace', join(dir, 'ws.sqlite'), 'serve'], {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  url = await new Promise<string>((resolveUrl, reject) => {
    let out = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
      if (m) resolveUrl(m[1]);
    });
    server.once('exit', (code) => reject(new Error(`server exited early (${code}): ${out}`)));
    setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000);
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('autosave', () => {
  test('a SIGKILL mid-typing loses at most the last second', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(url);
    await page.getByRole('button', { name: 'New brief' }).first().click();
    await page.getByLabel('Title of the new brief').fill('Typed under fire');
    await page.keyboard.press('Enter');
    const editor = page.getByRole('textbox', { name: 'Brief text' });
    await editor.click();

    // Type steadily for about four seconds, remembering when each word was finished.
    const words: { word: string; at: number }[] = [];
    const started = Date.now();
    for (let i = 0; Date.now() - started < 4000; i++) {
      const word = `w${i}`;
      await page.keyboard.type(`${word} `, { delay: 15 });
      words.push({ word, at: Date.now() });
    }
    const killedAt = Date.now();
    server.kill('SIGKILL');
    await new Promise((r) => server.once('exit', r));
    // The process that served the app is gone: nothing more can reach the workspace.
    await expect(fetch(url)).rejects.toThrow();
    await page.close();

    const db = openWorkspace(join(dir, 'ws.sqlite'), { readonly: true });
    const brief = listBriefs(db).find((b) => b.title === 'Typed under fire');
    expect(brief).toBeDefined();
    const saved = plainTextOf(getBrief(db, brief!.id)!.document as BriefDocument);
    db.close();
    const due = words.filter((w) => w.at <= killedAt - 1000);
    expect(due.length).toBeGreaterThan(10);
    const savedWords = new Set(saved.split(/\s+/));
    const lost = due.filter((w) => !savedWords.has(w.word)).map((w) => w.word);
    expect(lost, `typed more than 1 s before the kill but not saved: ${lost.join(' ')}`).toEqual([]);
  });
});
