// The printer where Electron is absent (the CLI, browser mode, tests): a headless
// Chromium driven by playwright-core. Its own module so that the Electron main process,
// which prints with webContents.printToPDF, never bundles or loads playwright-core.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { UserError } from '../errors';
import { PDF_MARGINS, pdfFooterTemplate, pdfHeaderTemplate, type PdfPrinter } from './pdf';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
const OTHER_PLATFORMS = [
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

/** A Chromium to print with: SOURCEBOOK_CHROMIUM, then the usual install locations. */
export function findChromium(): string | null {
  const fromEnv = process.env.SOURCEBOOK_CHROMIUM?.trim();
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  for (const path of [...CANDIDATES, ...OTHER_PLATFORMS]) if (existsSync(path)) return path;
  // a browser playwright installed (`npx playwright install chromium`), if any
  try {
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) return bundled;
  } catch {
    // none installed
  }
  return null;
}

function noChromium(): UserError {
  const fromEnv = process.env.SOURCEBOOK_CHROMIUM?.trim();
  return new UserError(
    fromEnv
      ? `PDF export needs Chromium, but SOURCEBOOK_CHROMIUM points to ${fromEnv}, which does not exist.`
      : 'PDF export needs Chromium or Google Chrome: install it (e.g. `apt install chromium`) or set SOURCEBOOK_CHROMIUM to its executable.',
  );
}

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** A printer backed by a headless Chromium, launched on the first print and reused until close(). */
export function chromiumPrinter(options: { executablePath?: string } = {}): PdfPrinter {
  let browser: Promise<Browser> | null = null;

  const launch = (): Promise<Browser> => {
    if (browser) return browser;
    const executablePath = options.executablePath ?? findChromium();
    if (!executablePath || !existsSync(executablePath)) return Promise.reject(noChromium());
    const launching = chromium.launch({ executablePath, args: ARGS }).then((b) => {
      b.on('disconnected', () => {
        if (browser === launching) browser = null;
      });
      return b;
    });
    launching.catch(() => {
      if (browser === launching) browser = null;
    });
    browser = launching;
    return launching;
  };

  return {
    async print(html, options = {}) {
      const context = await (await launch()).newContext({ javaScriptEnabled: false, offline: true });
      try {
        // The HTML is self-contained: anything it would fetch is refused, not waited for.
        await context.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
        const page = await context.newPage();
        await page.setContent(html, { waitUntil: 'load' });
        return await page.pdf({
          format: options.paper ?? 'A4',
          printBackground: true,
          margin: PDF_MARGINS,
          displayHeaderFooter: true,
          headerTemplate: pdfHeaderTemplate(options),
          footerTemplate: pdfFooterTemplate(options),
        });
      } finally {
        await context.close();
      }
    },
    async close() {
      const current = browser;
      browser = null;
      if (current) await (await current.catch(() => null))?.close();
    },
  };
}
