// The timeline: excerpts placed at the date of the event they report, on a horizontal
// axis (year and month ticks). A day is a point; a month or a year is drawn as the span
// it is. One lane, or one lane per entity. Each mark opens its passage (click, or Enter
// when focused); the list under the chart gives the same excerpts in date order.
import { useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { api } from '../api';
import { useNavigation } from '../app/navigation';
import { EntityTypeIcon } from '../entities/EntityTypeIcon';
import { AnalysisTabs, PaneHeader } from '../entities/PaneHeader';
import { lineColor, tagHue } from '../reader/colors';
import { useApiQuery } from '../state/topics';
import type { EntityRef, ExcerptView } from '../types';
import { EmptyState } from '../ui/EmptyState';
import { formatEventDate, spanOf, ticks, type DateSpan } from './dates';
import { ExcerptItem } from './EvidencePanel';

const LABEL_W = 168;
const PAD_X = 16;
const AXIS_H = 30;
const ROW_H = 20;
const LANE_PAD = 8;
const MAX_LANES = 24;
const DAY = 86_400_000;

interface Item {
  excerpt: ExcerptView;
  span: DateSpan;
}

interface Lane {
  key: string;
  label: string;
  entity: EntityRef | null;
  items: { item: Item; row: number }[];
  rows: number;
}

/** Greedy rows: each item in the first row where it does not touch the one before. */
function stack(items: Item[], x: (t: number) => number): { item: Item; row: number }[] {
  const ends: number[] = [];
  return [...items]
    .sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end)
    .map((item) => {
      const x0 = x(item.span.start) - 7;
      const x1 = Math.max(x(item.span.end), x0 + 14) + 4;
      let row = ends.findIndex((end) => end <= x0);
      if (row === -1) row = ends.push(x1) - 1;
      else ends[row] = x1;
      return { item, row };
    });
}

export function Timeline() {
  const nav = useNavigation();
  const data = useApiQuery(() => api['analysis:timeline']({}), [], ['excerpts', 'entities']);
  const [byEntity, setByEntity] = useState(() => localStorage.getItem('sourcebook.timeline') === 'entity');
  const [current, setCurrent] = useState<string | null>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(700);

  useLayoutEffect(() => {
    const el = wrapRef.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(480, el.clientWidth));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [data.data !== undefined]);

  const items = useMemo<Item[]>(
    () =>
      (data.data ?? []).flatMap((excerpt) => {
        const span = spanOf(excerpt.eventDate);
        return span ? [{ excerpt, span }] : [];
      }),
    [data.data],
  );

  const domain = useMemo(() => {
    if (items.length === 0) return null;
    let min = Math.min(...items.map((i) => i.span.start));
    let max = Math.max(...items.map((i) => i.span.end));
    if (max - min < 120 * DAY) {
      const mid = (min + max) / 2;
      min = mid - 60 * DAY;
      max = mid + 60 * DAY;
    }
    const pad = (max - min) * 0.04;
    return { min: min - pad, max: max + pad };
  }, [items]);

  const plotW = width - LABEL_W - PAD_X * 2;
  const x = (t: number) => (domain ? LABEL_W + PAD_X + ((t - domain.min) / (domain.max - domain.min)) * plotW : 0);

  const lanes = useMemo<Lane[]>(() => {
    if (!domain) return [];
    const groups = new Map<string, { label: string; entity: EntityRef | null; items: Item[] }>();
    for (const item of items) {
      const keys: { key: string; label: string; entity: EntityRef | null }[] = byEntity
        ? item.excerpt.entities.length
          ? item.excerpt.entities.map((e) => ({ key: e.id, label: e.name, entity: e }))
          : [{ key: '', label: 'No entity', entity: null }]
        : [{ key: 'all', label: `${items.length} dated excerpt${items.length === 1 ? '' : 's'}`, entity: null }];
      for (const k of keys) {
        let g = groups.get(k.key);
        if (!g) groups.set(k.key, (g = { label: k.label, entity: k.entity, items: [] }));
        g.items.push(item);
      }
    }
    return [...groups.entries()]
      .sort((a, b) => (a[0] === '' ? 1 : b[0] === '' ? -1 : b[1].items.length - a[1].items.length || a[1].label.localeCompare(b[1].label)))
      .slice(0, MAX_LANES)
      .map(([key, g]) => {
        const placed = stack(g.items, x);
        return { key, label: g.label, entity: g.entity, items: placed, rows: Math.max(1, ...placed.map((p) => p.row + 1)) };
      });
    // x depends on width and domain only
  }, [items, byEntity, domain, width]);

  const open = (e: ExcerptView) => {
    setCurrent(e.id);
    nav.openSource(e.sourceId, e.id);
  };
  const onKey = (event: KeyboardEvent, e: ExcerptView) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      open(e);
    }
  };

  const axisTicks = domain ? ticks(domain.min, domain.max, plotW) : [];
  let y = AXIS_H;
  const laneTops = lanes.map((l) => {
    const top = y;
    y += l.rows * ROW_H + LANE_PAD * 2;
    return top;
  });
  const height = y + 8;
  const sorted = [...items].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);

  return (
    <>
      <PaneHeader title="Analysis">
        <AnalysisTabs current="timeline" />
        <div className="analysis-toolbar">
          <div className="segmented" role="radiogroup" aria-label="Lanes">
            {[false, true].map((v) => (
              <button
                key={String(v)}
                type="button"
                role="radio"
                aria-checked={byEntity === v}
                className={`segmented-option${byEntity === v ? ' is-checked' : ''}`}
                onClick={() => {
                  setByEntity(v);
                  localStorage.setItem('sourcebook.timeline', v ? 'entity' : 'one');
                }}
              >
                {v ? 'One lane per entity' : 'One lane'}
              </button>
            ))}
          </div>
          <span className="timeline-legend muted small">
            <svg width="12" height="12" aria-hidden="true" className="timeline-glyph">
              <circle cx="6" cy="6" r="5" />
            </svg>
            day
            <svg width="26" height="12" aria-hidden="true" className="timeline-glyph">
              <rect x="1" y="2" width="24" height="8" rx="4" />
            </svg>
            month or year
          </span>
        </div>
      </PaneHeader>
      <div className="side-body timeline-body">
        {!data.data && <p className="loading">Loading…</p>}
        {data.data && items.length === 0 && (
          <EmptyState title="No dated excerpts yet">Give an excerpt an event date (YYYY, YYYY-MM or YYYY-MM-DD) in its panel in the reader — Sourcebook suggests the dates its quote mentions.</EmptyState>
        )}
        <div className="timeline-scroll" ref={wrapRef}>
          {domain && (
            <svg className="timeline" width={width} height={height} role="group" aria-label="Timeline of dated excerpts">
              <g className="timeline-axis">
                {axisTicks.map((t) => (
                  <g key={t.t} transform={`translate(${x(t.t)},0)`}>
                    <line className={t.major ? 'tick-major' : 'tick-minor'} y1={t.label ? AXIS_H - 8 : AXIS_H - 4} y2={height} />
                    {t.label && x(t.t) + 34 < width && (
                      <text className={t.major ? 'tick-label tick-label-major' : 'tick-label'} y={AXIS_H - 12} x={3}>
                        {t.label}
                      </text>
                    )}
                  </g>
                ))}
                <line className="axis-line" x1={LABEL_W} x2={width - PAD_X} y1={AXIS_H} y2={AXIS_H} />
              </g>
              {lanes.map((lane, li) => {
                const top = laneTops[li];
                const laneH = lane.rows * ROW_H + LANE_PAD * 2;
                return (
                  <g key={lane.key} className="timeline-lane">
                    {li % 2 === 1 && <rect className="lane-band" x={0} y={top} width={width} height={laneH} />}
                    <foreignObject x={4} y={top} width={LABEL_W - 12} height={Math.max(laneH, ROW_H)}>
                      <div className="lane-label" title={lane.label}>
                        {lane.entity && <EntityTypeIcon type={lane.entity.type} size={13} />}
                        <span>{lane.label}</span>
                      </div>
                    </foreignObject>
                    {lane.items.map(({ item, row }) => {
                      const e = item.excerpt;
                      const cy = top + LANE_PAD + row * ROW_H + ROW_H / 2;
                      const color = lineColor(tagHue(e.tags[0]));
                      const label = `${formatEventDate(e.eventDate!)}: “${e.quote.length > 90 ? `${e.quote.slice(0, 90)}…` : e.quote}” — ${e.sourceTitle}`;
                      const x0 = x(item.span.start);
                      const x1 = x(item.span.end);
                      return (
                        <g
                          key={e.id}
                          className={`timeline-mark${current === e.id ? ' is-current' : ''}`}
                          role="button"
                          tabIndex={0}
                          aria-label={label}
                          data-excerpt-id={e.id}
                          onClick={() => open(e)}
                          onKeyDown={(ev) => onKey(ev, e)}
                        >
                          <title>{label}</title>
                          {item.span.precision === 'day' ? (
                            <circle cx={(x0 + x1) / 2} cy={cy} r={6} style={{ fill: color }} />
                          ) : (
                            <rect x={x0} y={cy - 5} width={Math.max(10, x1 - x0)} height={10} rx={5} style={{ fill: color }} />
                          )}
                        </g>
                      );
                    })}
                  </g>
                );
              })}
            </svg>
          )}
        </div>
        {sorted.length > 0 && (
          <section className="timeline-list" aria-labelledby="timeline-list-heading">
            <h3 id="timeline-list-heading">
              In date order <span className="count">{sorted.length}</span>
            </h3>
            <ol className="evidence-list">
              {sorted.map(({ excerpt }) => (
                <li key={excerpt.id} className="timeline-row">
                  <span className="timeline-date">{formatEventDate(excerpt.eventDate!)}</span>
                  <ExcerptItem excerpt={excerpt} showDate={false} />
                </li>
              ))}
            </ol>
          </section>
        )}
      </div>
    </>
  );
}
