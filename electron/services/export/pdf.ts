// Printing a brief's HTML to PDF with Chromium's print engine: the seam and the page
// settings both printers share. In the app, Electron's webContents.printToPDF prints
// (electron/main/pdfPrinter.ts); where Electron is absent (the CLI, browser mode, tests) a
// headless Chromium does (chromiumPrinter.ts), which the packaged app never loads.

import type { PaperSize } from '../../../common/preferences';

/** Prints a complete HTML document to PDF bytes. The one thing export needs of a printer. */
export interface PrintOptions {
  /** A classification or handling banner repeated in every page's header and footer. */
  banner?: string;
  /** The page size (A4 unless said). */
  paper?: PaperSize;
}

export interface PdfPrinter {
  print(html: string, options?: PrintOptions): Promise<Buffer>;
  close?(): Promise<void>;
}

// Shared with the Electron printer so that both give the same pages. Chromium fills the
// classes pageNumber and totalPages; a template must set its own font size.
export const PDF_HEADER_TEMPLATE = '<span></span>';
export const PDF_FOOTER_TEMPLATE =
  '<div style="width: 100%; padding: 0 20mm; font-family: \'DejaVu Sans\', Arial, sans-serif; font-size: 8px; color: #6b7079; text-align: center;">' +
  'Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>';

const BANNER_STYLE = "width: 100%; padding: 0 20mm; font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 8px; font-weight: bold; letter-spacing: 0.06em; text-align: center; color: #111;";
const escapeTemplate = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page header: the banner when there is one. */
export function pdfHeaderTemplate(options: PrintOptions = {}): string {
  return options.banner ? `<div style="${BANNER_STYLE}">${escapeTemplate(options.banner)}</div>` : PDF_HEADER_TEMPLATE;
}

/** The page footer: "Page N of M", under the banner when there is one. */
export function pdfFooterTemplate(options: PrintOptions = {}): string {
  if (!options.banner) return PDF_FOOTER_TEMPLATE;
  return `<div style="${BANNER_STYLE}">${escapeTemplate(options.banner)}</div>${PDF_FOOTER_TEMPLATE}`;
}
/** Page margins; the bottom one leaves room for the footer. print.css's @page says the same. */
export const PDF_MARGINS = { top: '20mm', right: '20mm', bottom: '22mm', left: '20mm' } as const;
