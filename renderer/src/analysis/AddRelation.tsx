// "Add relationship": from one entity to another, a label ("owns", "shares an address
// with"), and the excerpt(s) that show it — chosen among the excerpts tagged with either
// entity, those tagged with both first. A relation is drawn solid, with an arrow.
import { useMemo, useState, type FormEvent } from 'react';
import { api } from '../api';
import type { GraphNode } from '../entities/model';
import { notify, notifyError } from '../state/toasts';
import { useApiQuery } from '../state/topics';
import { ENTITY_TYPE_LABELS, type ExcerptView } from '../types';
import { Dialog } from '../ui/Dialog';
import { GradeBadge } from '../ui/Grade';

export function AddRelationDialog({ entities, initialFrom, initialTo, onClose }: { entities: GraphNode[]; initialFrom?: string; initialTo?: string; onClose(): void }) {
  const sorted = useMemo(() => [...entities].sort((a, b) => a.name.localeCompare(b.name)), [entities]);
  const [from, setFrom] = useState(initialFrom ?? '');
  const [to, setTo] = useState(initialTo ?? '');
  const [label, setLabel] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set());
  const [busy, setBusy] = useState(false);
  const pageA = useApiQuery(from ? () => api['entities:page']({ id: from }) : null, [from], ['entities', 'excerpts']);
  const pageB = useApiQuery(to ? () => api['entities:page']({ id: to }) : null, [to], ['entities', 'excerpts']);

  const candidates = useMemo(() => {
    const both: ExcerptView[] = [];
    const either: ExcerptView[] = [];
    const seen = new Set<string>();
    const inB = new Set((pageB.data?.excerpts ?? []).map((e) => e.id));
    for (const e of [...(pageA.data?.excerpts ?? []), ...(pageB.data?.excerpts ?? [])]) {
      if (seen.has(e.id)) continue;
      seen.add(e.id);
      const inA = pageA.data?.excerpts.some((x) => x.id === e.id);
      (inA && inB.has(e.id) ? both : either).push(e);
    }
    return { both, either };
  }, [pageA.data, pageB.data]);

  const valid = from && to && from !== to && label.trim() && chosen.size > 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!valid || busy) return;
    setBusy(true);
    try {
      await api['relations:add']({ fromId: from, toId: to, label: label.trim(), evidence: [...chosen] });
      notify('Relationship added to the link chart.');
      onClose();
    } catch (error) {
      notifyError(error, 'The relationship was not added');
      setBusy(false);
    }
  };

  const pick = (id: string) =>
    setChosen((set) => {
      const next = new Set(set);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const entitySelect = (value: string, set: (v: string) => void, aria: string) => (
    <select value={value} onChange={(e) => set(e.target.value)} aria-label={aria} required>
      <option value="">Choose an entity…</option>
      {sorted.map((e) => (
        <option key={e.id} value={e.id}>
          {e.name} ({ENTITY_TYPE_LABELS[e.type]})
        </option>
      ))}
    </select>
  );

  const list = (items: ExcerptView[], heading: string) =>
    items.length > 0 && (
      <fieldset className="relation-evidence">
        <legend className="field-label">{heading}</legend>
        {items.map((e) => (
          <label key={e.id} className="relation-excerpt">
            <input type="checkbox" checked={chosen.has(e.id)} onChange={() => pick(e.id)} />
            <span className="relation-excerpt-text">
              <span className="evidence-quote" dir="auto">“{e.quote}”</span>
              <span className="evidence-meta">
                <GradeBadge reliability={e.reliability} credibility={e.credibility} />
                <span className="evidence-source">{e.sourceTitle}</span>
              </span>
            </span>
          </label>
        ))}
      </fieldset>
    );

  return (
    <Dialog title="Add relationship" onClose={onClose} className="relation-dialog">
      <form className="dialog-body" onSubmit={submit}>
        <div className="relation-row">
          <label className="field">
            <span className="field-label">From</span>
            {entitySelect(from, setFrom, 'From entity')}
          </label>
          <label className="field">
            <span className="field-label">Relationship</span>
            <input type="text" value={label} onChange={(e) => setLabel(e.target.value)} placeholder="owns, pays, shares an address with" required />
          </label>
          <label className="field">
            <span className="field-label">To</span>
            {entitySelect(to, setTo, 'To entity')}
          </label>
        </div>
        {from && to && from === to && <p className="field-error">Choose two different entities.</p>}
        <div className="relation-candidates">
          {from && to && from !== to && candidates.both.length + candidates.either.length === 0 && !pageA.loading && !pageB.loading && (
            <p className="muted small">Neither entity is tagged on an excerpt yet. A relationship needs at least one excerpt as evidence.</p>
          )}
          {list(candidates.both, 'Evidence — excerpts tagged with both')}
          {list(candidates.either, candidates.both.length ? 'Excerpts tagged with one of them' : 'Evidence — excerpts tagged with either')}
        </div>
        <div className="form-footer">
          <div className="form-footer-start muted small">{chosen.size > 0 ? `${chosen.size} excerpt${chosen.size === 1 ? '' : 's'} as evidence` : 'Choose at least one excerpt as evidence.'}</div>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={!valid || busy}>
            {busy ? 'Adding…' : 'Add relationship'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
