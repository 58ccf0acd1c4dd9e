// Publisher defaults: every publisher named by a source, with the reliability its
// sources show until graded themselves. The first grade given to a publisher's source
// sets it; here the analyst sets or changes it directly.
import { useMemo, useState } from 'react';
import { api } from '../api';
import { notifyError } from '../state/toasts';
import { useApiQuery } from '../state/topics';
import type { Reliability } from '../types';
import { Dialog } from '../ui/Dialog';
import { GradeLegend, ReliabilityPicker } from '../ui/Grade';

interface Row {
  name: string;
  sources: number;
  reliability: Reliability | null;
}

export function PublishersDialog({ onClose, highlight }: { onClose(): void; highlight?: string | null }) {
  const publishers = useApiQuery(() => api['publishers:list']({}), [], ['publishers']);
  const sources = useApiQuery(() => api['sources:list']({}), [], ['sources']);
  const [busy, setBusy] = useState<string | null>(null);

  const rows = useMemo<Row[]>(() => {
    const byKey = new Map<string, Row>();
    for (const s of sources.data ?? []) {
      if (!s.publisher) continue;
      const key = s.publisher.toLowerCase();
      const row = byKey.get(key) ?? { name: s.publisher, sources: 0, reliability: null };
      row.sources++;
      byKey.set(key, row);
    }
    for (const p of publishers.data ?? []) {
      const key = p.name.toLowerCase();
      const row = byKey.get(key);
      if (row) row.reliability = p.reliability;
      else byKey.set(key, { name: p.name, sources: p.sources, reliability: p.reliability });
    }
    return [...byKey.values()].sort((a, b) => a.name.localeCompare(b.name));
  }, [publishers.data, sources.data]);

  const grade = async (name: string, reliability: Reliability | null) => {
    setBusy(name);
    try {
      await api['publishers:grade']({ name, reliability });
    } catch (error) {
      notifyError(error, 'The publisher’s grade was not saved');
    } finally {
      setBusy(null);
    }
  };

  const loading = !publishers.data || !sources.data;
  return (
    <Dialog title="Publisher grades" onClose={onClose} className="publishers-dialog">
      <div className="dialog-body">
        <p className="dialog-intro">
          A publisher’s reliability is the default grade of its sources: each shows it until it is graded itself. The first grade you give one of a publisher’s sources
          becomes the publisher’s default. <GradeLegend />
        </p>
        {loading ? (
          <p className="muted">Loading…</p>
        ) : rows.length === 0 ? (
          <p className="muted">No source names a publisher yet. Add one in a source’s details.</p>
        ) : (
          <ul className="publisher-list" aria-label="Publishers">
            {rows.map((row) => (
              <li key={row.name} className={`publisher-row${highlight && highlight.toLowerCase() === row.name.toLowerCase() ? ' is-highlighted' : ''}`}>
                <span className="publisher-name">
                  <strong>{row.name}</strong>
                  <span className="muted small">
                    {row.sources} source{row.sources === 1 ? '' : 's'}
                  </span>
                </span>
                <ReliabilityPicker label={`Reliability of ${row.name}`} value={row.reliability} disabled={busy === row.name} onChange={(r) => void grade(row.name, r)} />
              </li>
            ))}
          </ul>
        )}
        <div className="form-footer">
          <div className="form-footer-start" />
          <button type="button" className="button" onClick={onClose}>
            Done
          </button>
        </div>
      </div>
    </Dialog>
  );
}
