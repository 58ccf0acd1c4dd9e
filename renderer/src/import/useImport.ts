// Imports files one request at a time, so the window can show which file is being read,
// how many are done, and stop before the next one on Cancel (each file is its own
// transaction server-side: a cancelled file leaves no trace). Files dropped or picked
// while an import runs join its queue. At the end, a summary lists every file imported,
// skipped or failed, with the reason. A file the server takes for a possible new version
// of a source already there can be kept as that: the source's text is replaced with it
// (its excerpts re-anchored) and the copy just imported is deleted.
import { useCallback, useRef, useState } from 'react';
import { useNavigation } from '../app/navigation';
import { api, callDeferred } from '../api';
import type { ImportReport, ReplaceReport } from '../types';
import { describeIgnored, fileForUpload, MAX_BYTES, type Ignored, type PendingFile } from './files';

export interface ImportProgress extends ImportReport {
  total: number;
  done: number;
  /** The file being imported now. */
  current: string | null;
  finished: boolean;
  /** Cancel was asked for: the file in flight finishes, no other starts. */
  cancelling: boolean;
  /** Files not tried because the import was cancelled. */
  cancelled: number;
  /** Files of a folder left out as unsupported, in words. */
  notes: string[];
  /** Imported sources since kept as a new version of another (their ids). */
  keptAsVersion: string[];
  /** The page of the current file being read (a PDF's, a TIFF's), and whether by OCR (seconds a page). */
  page: { page: number; pages: number; ocr: boolean } | null;
}

export type ImportedItem = ImportReport['imported'][number];

const EMPTY: ImportProgress = { imported: [], skipped: [], failed: [], total: 0, done: 0, current: null, finished: false, cancelling: false, cancelled: 0, notes: [], keptAsVersion: [], page: null };

/** How often the page being read is asked for while a file imports. */
const PAGE_POLL_MS = 700;

/** How often the library reloads while an import runs. */
const ANNOUNCE_EVERY_MS = 800;

export function useImport() {
  const nav = useNavigation();
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const queue = useRef<PendingFile[]>([]);
  const running = useRef(false);
  const cancelRequested = useRef(false);
  /** The files imported as possible new versions, by the id of the source they became. */
  const versionFiles = useRef(new Map<string, File>());
  const navRef = useRef(nav);
  navRef.current = nav;

  const drain = useCallback(async () => {
    running.current = true;
    let lastAnnounce = 0;
    /** Each file is its own request (and its own transaction server-side); the library, counts and pickers reload now and then, and once after the batch. */
    let announceImported = () => {};
    let firstImported: string | null = null;
    let anyImported = false;
    while (queue.current.length > 0) {
      if (cancelRequested.current) {
        const left = queue.current.length;
        queue.current = [];
        setProgress((p) => p && { ...p, cancelled: p.cancelled + left, current: null });
        break;
      }
      const { file, path } = queue.current.shift()!;
      setProgress((p) => p && { ...p, current: path });
      let outcome: Partial<ImportReport>;
      if (file.size > MAX_BYTES) {
        outcome = { failed: [{ path, error: 'larger than the 32 MB import limit' }] };
      } else {
        // A scan read by OCR takes seconds a page: which page is being read is asked for meanwhile.
        const poll = setInterval(() => {
          api['sources:importProgress']({}).then(
            (page) => setProgress((p) => (p && p.current === path ? { ...p, page: page && { page: page.page, pages: page.pages, ocr: page.ocr } } : p)),
            () => undefined,
          );
        }, PAGE_POLL_MS);
        try {
          const { value: report, announce } = await callDeferred('sources:import', { files: [await fileForUpload(file)] });
          announceImported = announce;
          // The server names the file by its base name; the summary uses its path in the folder.
          outcome = {
            imported: report.imported.map((x) => ({ ...x, path })),
            skipped: report.skipped.map((x) => ({ ...x, path })),
            failed: report.failed.map((x) => ({ ...x, path })),
          };
        } catch (error) {
          outcome = { failed: [{ path, error: error instanceof Error ? error.message : String(error) }] };
        } finally {
          clearInterval(poll);
        }
      }
      for (const item of outcome.imported ?? []) if (item.versionOf) versionFiles.current.set(item.id, file);
      if (outcome.imported?.length) {
        anyImported = true;
        firstImported ??= outcome.imported[0].id;
      }
      setProgress(
        (p) =>
          p && {
            ...p,
            done: p.done + 1,
            page: null,
            imported: [...p.imported, ...(outcome.imported ?? [])],
            skipped: [...p.skipped, ...(outcome.skipped ?? [])],
            failed: [...p.failed, ...(outcome.failed ?? [])],
          },
      );
      if (anyImported && Date.now() - lastAnnounce > ANNOUNCE_EVERY_MS) {
        lastAnnounce = Date.now();
        announceImported();
      }
    }
    running.current = false;
    cancelRequested.current = false;
    if (anyImported) announceImported();
    setProgress((p) => p && { ...p, current: null, finished: true, cancelling: false });
    // An import never takes away what is being read: its first source opens only when
    // the reader is empty; otherwise the summary offers each file to open.
    if (firstImported && navRef.current.sourceId === null) navRef.current.openSource(firstImported);
  }, []);

  /** Imports `files` (after those already queued); `ignored` and `unreadable` come from a folder walk. */
  const run = useCallback(
    (files: readonly PendingFile[], ignored?: Ignored, unreadable: ImportReport['failed'] = []) => {
      const note = ignored ? describeIgnored(ignored) : null;
      if (files.length === 0 && unreadable.length === 0 && !note) return;
      const fresh = !running.current;
      setProgress((p) => {
        const base = fresh || !p ? EMPTY : p;
        return {
          ...base,
          total: base.total + files.length,
          failed: [...base.failed, ...unreadable],
          notes: note ? [...base.notes, note] : base.notes,
          finished: files.length === 0 && fresh,
        };
      });
      queue.current.push(...files);
      if (fresh && files.length > 0) {
        cancelRequested.current = false;
        void drain();
      }
    },
    [drain],
  );

  const cancel = useCallback(() => {
    if (!running.current) return;
    cancelRequested.current = true;
    setProgress((p) => p && { ...p, cancelling: true });
    // The file being read stops too (a long scan would otherwise run to its last page).
    api['sources:importCancel']({}).catch(() => undefined);
  }, []);

  const dismiss = useCallback(() => {
    if (running.current) return;
    setProgress(null);
    versionFiles.current.clear();
  }, []);

  /** Keeps an imported file as a new version of the source it may be one of (see the header). */
  const keepAsVersion = useCallback(async (item: ImportedItem): Promise<ReplaceReport> => {
    const file = versionFiles.current.get(item.id);
    if (!file || !item.versionOf) throw new Error('This file is no longer at hand: import it again, or use Versions → Replace text on the source.');
    // Replaced first: if that fails, nothing was deleted.
    const report = await api['sources:replace']({ id: item.versionOf.id, file: await fileForUpload(file) });
    await api['sources:delete']({ id: item.id });
    versionFiles.current.delete(item.id);
    setProgress((p) => p && { ...p, keptAsVersion: [...p.keptAsVersion, item.id] });
    return report;
  }, []);

  return { run, cancel, dismiss, keepAsVersion, progress, busy: progress !== null && !progress.finished };
}
