// Import files the user picked or dropped: read each as bytes, send them base64-encoded
// in one `sources:import`, and report what was imported, skipped or failed.
import { useCallback, useState } from 'react';
import type { Input } from '../../../electron/ipc/contract';
import { useNavigation } from '../app/navigation';
import { importFiles } from '../state/mutations';
import { notifyError } from '../state/toasts';
import type { ImportReport } from '../types';

/** The contract's limit (MAX_IMPORT_BYTES), checked here to fail fast without uploading. */
const MAX_BYTES = 32 * 1024 * 1024;
export const ACCEPTED_EXTENSIONS = '.txt,.md,.markdown,.html,.htm';

function bytesToBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

export function useImport() {
  const nav = useNavigation();
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState(false);

  const run = useCallback(
    async (files: readonly File[]) => {
      if (files.length === 0) return;
      setBusy(true);
      const tooLarge: ImportReport['failed'] = [];
      const uploads: Input<'sources:import'>['files'] = [];
      try {
        for (const file of files) {
          if (file.size > MAX_BYTES) tooLarge.push({ path: file.name, error: 'larger than the 32 MB import limit' });
          else uploads.push({ name: file.name, data: bytesToBase64(await file.arrayBuffer()) });
        }
        const result: ImportReport = uploads.length ? await importFiles(uploads) : { imported: [], skipped: [], failed: [] };
        const full = { ...result, failed: [...result.failed, ...tooLarge] };
        setReport(full);
        if (full.imported.length > 0) nav.openSource(full.imported[0].id);
      } catch (error) {
        notifyError(error, 'Import failed');
      } finally {
        setBusy(false);
      }
    },
    [nav],
  );

  return { run, busy, report, dismiss: () => setReport(null) };
}
