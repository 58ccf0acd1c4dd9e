// A brief's history: snapshots kept while writing (every few minutes), on demand, and
// before every restore — listed with their time and size of change, viewable, and
// restorable without losing the current text (the server snapshots it first).
import { useCallback, useEffect, useState } from 'react';
import type { Output } from '../../../electron/ipc/contract';
import { api } from '../api';
import { notify, notifyError } from '../state/toasts';
import { formatDateTime } from '../ui/format';

type Snapshot = Output<'briefs:history'>[number];
type Brief = Output<'briefs:restore'>;

const REASONS: Record<Snapshot['reason'], string> = { auto: 'while writing', manual: 'saved by hand', 'before-restore': 'before a restore' };

/** The text of a serialized editor state, one block per line (a read-only preview). */
export function documentText(node: unknown): string {
  const n = node as { type?: string; text?: string; quoteAtCitation?: string; children?: unknown[] };
  if (n.type === 'text') return n.text ?? '';
  if (n.type === 'citation') return ` “${n.quoteAtCitation ?? ''}” `;
  if (n.type === 'linebreak') return '\n';
  const inner = (n.children ?? []).map(documentText).join('');
  return ['paragraph', 'heading', 'quote', 'listitem'].includes(n.type ?? '') ? `${inner}\n` : inner;
}

export function HistoryPanel({
  briefId,
  beforeRestore,
  onRestored,
  onClose,
}: {
  briefId: string;
  /** Saves what is pending, so the snapshot taken before the restore holds the latest text. */
  beforeRestore(): Promise<void>;
  onRestored(brief: Brief): void;
  onClose(): void;
}) {
  const [snapshots, setSnapshots] = useState<Snapshot[] | null>(null);
  const [preview, setPreview] = useState<{ id: number; text: string } | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);

  const load = useCallback(() => {
    api['briefs:history']({ id: briefId }).then(setSnapshots, (e) => notifyError(e, 'The history could not be read'));
  }, [briefId]);
  useEffect(load, [load]);

  const view = async (id: number) => {
    try {
      const snap = await api['briefs:snapshotGet']({ id: briefId, snapshotId: id });
      const root = (snap.document as { root?: unknown }).root;
      setPreview({ id, text: documentText(root).trim() });
    } catch (e) {
      notifyError(e, 'The snapshot could not be read');
    }
  };

  const restore = async (id: number) => {
    try {
      await beforeRestore();
      const brief = await api['briefs:restore']({ id: briefId, snapshotId: id });
      notify('Restored. The text before the restore is kept in the history.', 'info');
      setConfirming(null);
      onRestored(brief);
      load();
    } catch (e) {
      notifyError(e, 'The snapshot could not be restored');
    }
  };

  const snapshotNow = async () => {
    try {
      await api['briefs:snapshot']({ id: briefId });
      load();
    } catch (e) {
      notifyError(e, 'No snapshot was taken');
    }
  };

  return (
    <section className="side-panel history-panel" aria-label="History">
      <header className="side-panel-header">
        <h2 className="side-panel-title">History</h2>
        <button type="button" className="icon-button" aria-label="Close history" title="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <p>
        <button type="button" className="button" onClick={() => void snapshotNow()}>
          Take a snapshot now
        </button>
      </p>
      {snapshots === null ? (
        <p className="muted">Loading…</p>
      ) : snapshots.length === 0 ? (
        <p className="muted">No snapshots yet: one is kept as soon as the brief is edited.</p>
      ) : (
        <ol className="history-list">
          {snapshots.map((s) => (
            <li key={s.id} className={preview?.id === s.id ? 'history-item is-open' : 'history-item'}>
              <div className="history-line">
                <time dateTime={s.createdAt}>{formatDateTime(s.createdAt)}</time>
                <span className="muted">
                  {' '}
                  · {s.words} words{s.change ? ` (${s.change > 0 ? '+' : ''}${s.change})` : ''} · {REASONS[s.reason]}
                </span>
              </div>
              <div className="history-actions">
                <button type="button" className="link-button" onClick={() => void view(s.id)}>
                  View
                </button>
                {confirming === s.id ? (
                  <>
                    <button type="button" className="button button-primary" onClick={() => void restore(s.id)}>
                      Restore this version
                    </button>
                    <button type="button" className="link-button" onClick={() => setConfirming(null)}>
                      Cancel
                    </button>
                  </>
                ) : (
                  <button type="button" className="link-button" onClick={() => setConfirming(s.id)}>
                    Restore…
                  </button>
                )}
              </div>
              {preview?.id === s.id && (
                <pre className="history-preview" aria-label="Snapshot text">
                  {preview.text || '(empty)'}
                </pre>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
