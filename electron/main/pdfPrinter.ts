// The app's PDF printer: Electron's own Chromium print engine (webContents.printToPDF),
// the same engine the CLI and tests reach through headless Chromium.
import { BrowserWindow } from 'electron';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PdfPrinter } from '../services/export/pdf';
import { PDF_MARGINS, pdfFooterTemplate, pdfHeaderTemplate } from '../services/export/pdf';

/** Electron takes margins in inches; the shared print settings are in millimetres. */
const inches = (mm: string) => Number.parseFloat(mm) / 25.4;

export function electronPrinter(): PdfPrinter {
  return {
    async print(html, options = {}) {
      const dir = mkdtempSync(join(tmpdir(), 'sourcebook-print-'));
      const file = join(dir, 'brief.html');
      writeFileSync(file, html);
      // The exported HTML has no script; the window runs none anyway.
      const win = new BrowserWindow({ show: false, webPreferences: { javascript: false, sandbox: true, contextIsolation: true } });
      try {
        await win.loadFile(file);
        const pdf = await win.webContents.printToPDF({
          pageSize: options.paper ?? 'A4',
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: pdfHeaderTemplate(options),
          footerTemplate: pdfFooterTemplate(options),
          margins: { top: inches(PDF_MARGINS.top), bottom: inches(PDF_MARGINS.bottom), left: inches(PDF_MARGINS.left), right: inches(PDF_MARGINS.right) },
        });
        return Buffer.from(pdf);
      } finally {
        win.destroy();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
