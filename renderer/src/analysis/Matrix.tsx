// The co-occurrence matrix: the most active entities against each other, each cell the
// excerpts tagged with both and the paragraphs mentioning both, shaded by weight — or, in
// the tags view, tags against tags (excerpts carrying both). A cell opens the passages
// behind it. Arrow keys move between cells, Enter opens, Escape closes the passages.
import { useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { api } from '../api';
import { PairEvidence } from '../entities/EntityPage';
import { EntityTypeIcon } from '../entities/EntityTypeIcon';
import { AnalysisTabs, PaneHeader } from '../entities/PaneHeader';
import { openSideView } from '../entities/sideView';
import { useApiQuery } from '../state/topics';
import { ENTITY_TYPE_LABELS, type EntityRef } from '../types';
import { EmptyState } from '../ui/EmptyState';
import { EvidencePanel } from './EvidencePanel';

/** At most this many rows (and columns). */
export const MATRIX_SIZE = 30;

type Mode = 'entities' | 'tags';

interface Cell {
  excerpts: number;
  paragraphs: number;
}

interface Axis {
  key: string;
  label: string;
  entity?: EntityRef;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

export function Matrix() {
  const data = useApiQuery(() => api['analysis:cooccurrence']({}), [], ['entities', 'excerpts']);
  const [mode, setMode] = useState<Mode>(() => (localStorage.getItem('sourcebook.matrix') === 'tags' ? 'tags' : 'entities'));
  const [open, setOpen] = useState<{ a: Axis; b: Axis } | null>(null);

  const model = useMemo(() => {
    const cells = new Map<string, Cell>();
    const weight = new Map<string, number>();
    const bump = (k: string, w: number) => weight.set(k, (weight.get(k) ?? 0) + w);
    if (!data.data) return null;
    if (mode === 'entities') {
      for (const p of data.data.pairs) {
        cells.set(pairKey(p.a, p.b), { excerpts: p.excerpts, paragraphs: p.paragraphs });
        bump(p.a, p.excerpts + p.paragraphs);
        bump(p.b, p.excerpts + p.paragraphs);
      }
      const ranked = data.data.entities
        .filter((e) => weight.has(e.id))
        .sort((a, b) => (weight.get(b.id) ?? 0) - (weight.get(a.id) ?? 0) || b.mentionCount + b.excerptCount - (a.mentionCount + a.excerptCount) || a.name.localeCompare(b.name));
      const axis: Axis[] = ranked.slice(0, MATRIX_SIZE).map((e) => ({ key: e.id, label: e.name, entity: { id: e.id, name: e.name, type: e.type } }));
      return { axis, cells, beyond: ranked.length - axis.length, alone: data.data.entities.length - ranked.length, unit: 'entities' };
    }
    for (const t of data.data.tags) {
      cells.set(pairKey(t.a, t.b), { excerpts: t.excerpts, paragraphs: 0 });
      bump(t.a, t.excerpts);
      bump(t.b, t.excerpts);
    }
    const ranked = [...weight.keys()].sort((a, b) => (weight.get(b) ?? 0) - (weight.get(a) ?? 0) || a.localeCompare(b));
    const axis: Axis[] = ranked.slice(0, MATRIX_SIZE).map((t) => ({ key: t, label: t }));
    return { axis, cells, beyond: ranked.length - axis.length, alone: 0, unit: 'tags' };
  }, [data.data, mode]);

  const switchMode = (next: Mode) => {
    setMode(next);
    setOpen(null);
    localStorage.setItem('sourcebook.matrix', next);
  };

  return (
    <>
      <PaneHeader title="Analysis">
        <AnalysisTabs current="matrix" />
        <div className="analysis-toolbar">
          <div className="segmented" role="radiogroup" aria-label="Rows and columns">
            {(['entities', 'tags'] as const).map((m) => (
              <button key={m} type="button" role="radio" aria-checked={mode === m} className={`segmented-option${mode === m ? ' is-checked' : ''}`} onClick={() => switchMode(m)}>
                {m === 'entities' ? 'Entities × entities' : 'Tags × tags'}
              </button>
            ))}
          </div>
          <span className="matrix-legend">
            {mode === 'entities' ? (
              <>
                <span className="matrix-legend-cell">
                  <strong>3</strong>
                  <span>2</span>
                </span>
                excerpts tagged with both · paragraphs mentioning both
              </>
            ) : (
              'excerpts tagged with both'
            )}
          </span>
        </div>
      </PaneHeader>
      <div className="side-main">
        <div className="side-body matrix-body">
          {!model && <p className="loading">Counting…</p>}
          {model && model.axis.length < 2 && (
            <EmptyState title={mode === 'entities' ? 'No entities appear together yet' : 'No tags appear together yet'}>
              {mode === 'entities' ? 'Tag excerpts with two or more entities, or add entities whose names the sources mention.' : 'Give excerpts more than one tag to see which topics go together.'}
            </EmptyState>
          )}
          {model && model.axis.length >= 2 && <Grid axis={model.axis} cells={model.cells} mode={mode} onOpen={(a, b) => setOpen({ a, b })} active={open} />}
          {model && model.axis.length >= 2 && (model.beyond > 0 || model.alone > 0) && (
            <p className="muted small matrix-note">
              {model.beyond > 0 ? `The ${model.axis.length} most connected ${model.unit}; ${model.beyond} more not shown. ` : ''}
              {model.alone > 0 ? `${model.alone} ${model.alone === 1 ? 'entity appears' : 'entities appear'} with no other yet.` : ''}
            </p>
          )}
        </div>
        {open && open.a.entity && open.b.entity && <PairEvidence a={open.a.entity} b={open.b.entity} onClose={() => setOpen(null)} />}
        {open && !open.a.entity && <TagPairEvidence a={open.a.key} b={open.b.key} onClose={() => setOpen(null)} />}
      </div>
    </>
  );
}

function TagPairEvidence({ a, b, onClose }: { a: string; b: string; onClose(): void }) {
  const evidence = useApiQuery(() => api['analysis:tagEvidence']({ a, b }), [a, b], ['excerpts']);
  return (
    <EvidencePanel
      title={
        <>
          {a} <span className="muted">&amp;</span> {b}
        </>
      }
      excerpts={evidence.data}
      loading={evidence.loading && !evidence.data}
      onClose={onClose}
    />
  );
}

function Grid({ axis, cells, mode, onOpen, active }: { axis: Axis[]; cells: Map<string, Cell>; mode: Mode; onOpen(a: Axis, b: Axis): void; active: { a: Axis; b: Axis } | null }) {
  const ref = useRef<HTMLTableElement>(null);
  const max = useMemo(() => Math.max(1, ...[...cells.values()].map((c) => c.excerpts + c.paragraphs)), [cells]);
  const [focus, setFocus] = useState<[number, number] | null>(null);
  const cellAt = (r: number, c: number) => (r === c ? undefined : cells.get(pairKey(axis[r].key, axis[c].key)));
  // The cell in the tab order: the last focused one, else the first with a value.
  const tabCell = useMemo(() => {
    if (focus) return focus;
    for (let r = 0; r < axis.length; r++) for (let c = 0; c < axis.length; c++) if (cellAt(r, c)) return [r, c] as [number, number];
    return [0, 1] as [number, number];
  }, [focus, axis, cells]);

  const move = (event: KeyboardEvent, r: number, c: number) => {
    const dir = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] }[event.key];
    if (!dir) return;
    event.preventDefault();
    let [nr, nc] = [r + dir[0], c + dir[1]];
    while (nr >= 0 && nc >= 0 && nr < axis.length && nc < axis.length && !cellAt(nr, nc)) [nr, nc] = [nr + dir[0], nc + dir[1]];
    if (nr < 0 || nc < 0 || nr >= axis.length || nc >= axis.length) return;
    setFocus([nr, nc]);
    ref.current?.querySelector<HTMLButtonElement>(`[data-cell="${nr}:${nc}"]`)?.focus();
  };

  return (
    <div className="matrix-scroll">
      <table className={`matrix matrix-${mode}`} ref={ref} aria-label={mode === 'entities' ? 'Entities appearing together' : 'Tags appearing together'}>
        <thead>
          <tr>
            <th className="matrix-corner" scope="col" />
            {axis.map((a, c) => (
              <th key={a.key} scope="col" className={`matrix-col${active && (active.a.key === a.key || active.b.key === a.key) ? ' is-active' : ''}${focus?.[1] === c ? ' is-focus' : ''}`} title={a.label}>
                <span className="matrix-col-label">{a.label}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {axis.map((row, r) => (
            <tr key={row.key}>
              <th scope="row" className={`matrix-row${focus?.[0] === r ? ' is-focus' : ''}`} title={row.entity ? `${row.label} (${ENTITY_TYPE_LABELS[row.entity.type]})` : row.label}>
                {row.entity ? (
                  <button type="button" className="matrix-row-label" tabIndex={-1} onClick={() => openSideView({ kind: 'entity', id: row.entity!.id })}>
                    <EntityTypeIcon type={row.entity.type} size={13} />
                    <span>{row.label}</span>
                  </button>
                ) : (
                  <span className="matrix-row-label">
                    <span>{row.label}</span>
                  </span>
                )}
              </th>
              {axis.map((col, c) => {
                if (r === c) return <td key={col.key} className="matrix-self" aria-label="(itself)" />;
                const cell = cellAt(r, c);
                if (!cell) return <td key={col.key} className="matrix-empty" />;
                const w = (cell.excerpts + cell.paragraphs) / max;
                const isActive = !!active && ((active.a.key === row.key && active.b.key === col.key) || (active.a.key === col.key && active.b.key === row.key));
                const label =
                  mode === 'entities'
                    ? `${row.label} and ${col.label}: ${cell.excerpts} excerpt${cell.excerpts === 1 ? '' : 's'}, ${cell.paragraphs} paragraph${cell.paragraphs === 1 ? '' : 's'}`
                    : `${row.label} and ${col.label}: ${cell.excerpts} excerpt${cell.excerpts === 1 ? '' : 's'}`;
                return (
                  <td key={col.key} className="matrix-cell" style={{ '--w': w.toFixed(3) } as CSSProperties}>
                    <button
                      type="button"
                      data-cell={`${r}:${c}`}
                      className={`matrix-button${isActive ? ' is-active' : ''}${w > 0.55 ? ' is-strong' : ''}`}
                      tabIndex={tabCell[0] === r && tabCell[1] === c ? 0 : -1}
                      // The name starts with the numbers shown, so what is seen is what is said (speech input).
                      aria-label={`${mode === 'entities' ? `${cell.excerpts} ${cell.paragraphs}` : cell.excerpts}, ${label}`}
                      title={label}
                      onFocus={() => setFocus([r, c])}
                      onKeyDown={(e) => move(e, r, c)}
                      onClick={() => onOpen(row, col)}
                    >
                      <strong>{cell.excerpts}</strong>
                      {mode === 'entities' && (
                        <>
                          {' '}
                          <span>{cell.paragraphs}</span>
                        </>
                      )}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
