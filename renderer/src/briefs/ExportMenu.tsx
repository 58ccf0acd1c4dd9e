// The brief's export menu: PDF, HTML, Word (DOCX) or Markdown, with an optional banner
// (a handling line printed above the title, and on every PDF page), a strict mode that
// refuses to export while any citation is not ok, and the paper size. Each starts from the
// person's defaults (Settings ▸ Export) and may be changed for the exports of this brief. A format the running server does not
// offer yet (an "Unknown request" reply) is shown as unavailable instead of failing again.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { call } from '../api';
import type { Channel } from '../../../electron/ipc/contract';
import { notify, notifyError } from '../state/toasts';
import { base64ToBytes, download } from '../ui/download';
import { useCommand } from '../app/commands';
import { usePreferences } from '../state/preferences';
import { PAPER_SIZES, type PaperSize } from '../../../common/preferences';

export type ExportFormat = 'pdf' | 'html' | 'docx' | 'md' | 'package';

const FORMATS: { format: ExportFormat; label: string; channel: string; mime: string }[] = [
  { format: 'pdf', label: 'PDF', channel: 'export:pdf', mime: 'application/pdf' },
  { format: 'html', label: 'HTML', channel: 'export:html', mime: 'text/html;charset=utf-8' },
  { format: 'docx', label: 'Word (DOCX)', channel: 'export:docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  { format: 'md', label: 'Markdown', channel: 'export:md', mime: 'text/markdown;charset=utf-8' },
  // The brief with everything it cites, as a workspace file another analyst opens or merges.
  { format: 'package', label: 'Evidence package (.sourcebook)', channel: 'export:package', mime: 'application/vnd.sourcebook+sqlite' },
];

/** Formats this server answered "Unknown request" for, this session. */
const unavailable = new Set<ExportFormat>();

/** The file in an export reply: base64 bytes (`…Base64`) or text (html, markdown…). */
export function fileOfReply(reply: Record<string, unknown>): BlobPart | null {
  for (const [key, value] of Object.entries(reply)) if (/base64$/i.test(key) && typeof value === 'string') return base64ToBytes(value);
  for (const key of ['html', 'markdown', 'md', 'text', 'content']) if (typeof reply[key] === 'string') return reply[key] as string;
  return null;
}

export function ExportMenu({ briefId, beforeExport }: { briefId: string; beforeExport(): Promise<void> }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const defaults = usePreferences().export;
  const [banner, setBanner] = useState(defaults.banner);
  const [strict, setStrict] = useState(defaults.strict);
  const [paper, setPaper] = useState<PaperSize>(defaults.paper);
  // New defaults from Settings apply here at once.
  useEffect(() => {
    setBanner(defaults.banner);
    setStrict(defaults.strict);
    setPaper(defaults.paper);
  }, [defaults]);
  const [, setMissing] = useState(0);
  const ref = useRef<HTMLDivElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    window.addEventListener('pointerdown', onPointer, true);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('pointerdown', onPointer, true);
      window.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const run = async (spec: (typeof FORMATS)[number]) => {
    setBusy(spec.format);
    const label = spec.label.replace(/ \(.*\)$/, '');
    try {
      await beforeExport();
      // A package carries the records themselves: no banner, no strict check.
      const options = spec.format === 'package' ? {} : { banner: banner.trim(), strict, paper };
      const reply = (await call(spec.channel as Channel, { briefId, ...options } as never)) as Record<string, unknown>;
      const file = fileOfReply(reply);
      if (!file) throw new Error('The export came back empty.');
      download(file, String(reply.fileName ?? `brief.${spec.format}`), spec.mime);
      notify(`Exported ${label}.`);
      setOpen(false);
    } catch (error) {
      if (error instanceof Error && /^Unknown request/.test(error.message)) {
        unavailable.add(spec.format);
        setMissing((n) => n + 1);
        notify(`${label} export is not available in this version of Sourcebook.`);
      } else notifyError(error, `The ${label} export failed`);
    } finally {
      setBusy(null);
    }
  };

  // The application menu's File ▸ Export Brief, and its shortcut, for the open brief.
  useCommand('export.pdf', () => void run(FORMATS[0]));
  useCommand('export.html', () => void run(FORMATS[1]));
  useCommand('export.docx', () => void run(FORMATS[2]));
  useCommand('export.md', () => void run(FORMATS[3]));
  useCommand('export.package', () => void run(FORMATS[4]));

  const submit = (event: FormEvent) => event.preventDefault();

  return (
    <div className="export-menu" ref={ref}>
      <button type="button" className="button button-quiet export-main" disabled={busy !== null} onClick={() => void run(FORMATS[0])}>
        {busy === 'pdf' ? 'Exporting…' : 'Export PDF'}
      </button>
      <button
        type="button"
        className="button button-quiet export-more"
        aria-label="Export options"
        title="Other formats, banner, strict check"
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((v) => !v)}
      >
        <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <form id={menuId} className="popover export-popover" aria-label="Export brief" onSubmit={submit}>
          <p className="export-heading">Export as</p>
          <div className="export-formats">
            {FORMATS.map((spec) => (
              <button
                key={spec.format}
                type="button"
                className="button export-format"
                disabled={busy !== null || unavailable.has(spec.format)}
                title={unavailable.has(spec.format) ? 'Not available in this version' : undefined}
                onClick={() => void run(spec)}
              >
                {busy === spec.format ? 'Exporting…' : spec.label}
              </button>
            ))}
          </div>
          <label className="export-field">
            <span>Banner (optional)</span>
            <input
              type="text"
              maxLength={200}
              placeholder="e.g. INTERNAL — DO NOT FORWARD"
              value={banner}
              onChange={(e) => setBanner(e.target.value)}
            />
          </label>
          <label className="export-check">
            <input
              type="checkbox"
              checked={strict}
              onChange={(e) => setStrict(e.target.checked)}
            />
            <span>
              Strict: refuse to export while a citation is changed, orphaned, deleted or ungraded
            </span>
          </label>
          <label className="export-field">
            <span>Paper (PDF and Word)</span>
            <select value={paper} onChange={(e) => setPaper(e.target.value as PaperSize)}>
              {PAPER_SIZES.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </label>
        </form>
      )}
    </div>
  );
}
