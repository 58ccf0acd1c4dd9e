// The link chart: entities as nodes (shape and colour by type, sized by activity), edges
// from co-occurrence (dashed) and from relations the analyst drew (solid, arrow, label),
// edge width by the evidence behind it. Filters (type, tag, grade, event date) recompute
// each edge's evidence from the graph's excerpts and hide what has none left; positions
// are computed once (fcose) and kept — filters only hide and show. An edge opens its
// evidence, a node its entity page. Exports PNG and SVG. The canvas is not keyboard-
// reachable, so the "Links" list gives every visible edge as a button.
import cytoscape, { type Core, type ElementDefinition, type LayoutOptions, type StylesheetJson } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import cytoscapeSvg from 'cytoscape-svg';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { api } from '../api';
import { EntityTypeIcon } from '../entities/EntityTypeIcon';
import type { GraphData, GraphEdge } from '../entities/model';
import { AnalysisTabs, PaneHeader } from '../entities/PaneHeader';
import { openSideView } from '../entities/sideView';
import { notify } from '../state/toasts';
import { useApiQuery } from '../state/topics';
import { CREDIBILITY, CREDIBILITY_MEANINGS, ENTITY_TYPE_LABELS, ENTITY_TYPES, RELIABILITY, RELIABILITY_MEANINGS, type EntityType, type Reliability } from '../types';
import { download } from '../ui/download';
import { EmptyState } from '../ui/EmptyState';
import { AddRelationDialog } from './AddRelation';
import { isEventDate } from './dates';
import { EvidencePanel } from './EvidencePanel';
import { excerptFiltersOn, NO_FILTERS, visibleGraph, type EdgeEvidence, type GraphFilters } from './graphFilter';

cytoscape.use(fcose);
cytoscape.use(cytoscapeSvg);

/**
 * Cytoscape adds a <style> element to the head (`position: relative` for its container)
 * unless an element with this id exists; the strict CSP would refuse it. The container's
 * position comes from analysis.css instead.
 */
function preventInjectedStylesheet() {
  const id = '__________cytoscape_stylesheet';
  if (document.getElementById(id)) return;
  const placeholder = document.createElement('meta');
  placeholder.id = id;
  placeholder.name = 'cytoscape-stylesheet';
  placeholder.content = 'in analysis.css';
  document.head.prepend(placeholder);
}

const SHAPES: Record<EntityType, string> = {
  person: 'ellipse',
  organization: 'round-rectangle',
  location: 'diamond',
  event: 'hexagon',
  other: 'round-tag',
};

/** The node shapes, drawn small for the legend. */
const SHAPE_GLYPHS: Record<EntityType, ReactNode> = {
  person: <circle className="legend-shape" cx="6" cy="6" r="5" />,
  organization: <rect className="legend-shape" x="1" y="2" width="10" height="8" rx="2" />,
  location: <path className="legend-shape" d="M6 .5 11.5 6 6 11.5.5 6z" />,
  event: <path className="legend-shape" d="M3 1h6l2.6 5L9 11H3L.4 6z" />,
  other: <path className="legend-shape" d="M1 2h7.5L11.5 6 8.5 10H1z" />,
};

interface Theme {
  text: string;
  muted: string;
  surface: string;
  accent: string;
  focus: string;
  font: string;
  types: Record<EntityType, string>;
}

function readTheme(el: Element): Theme {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    text: v('--text', '#1d2126'),
    muted: v('--text-faint', '#8a9099'),
    surface: v('--surface', '#ffffff'),
    accent: v('--accent', '#2c5a87'),
    focus: v('--hl-focus', '#e07400'),
    font: v('--font-ui', 'sans-serif'),
    types: Object.fromEntries(ENTITY_TYPES.map((t) => [t, v(`--entity-${t}`, '#777')])) as Record<EntityType, string>,
  };
}

function stylesheet(t: Theme): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        width: 'data(size)',
        height: 'data(size)',
        label: 'data(label)',
        color: t.text,
        'font-family': t.font,
        'font-size': 12,
        'font-weight': 600,
        'text-valign': 'bottom',
        'text-margin-y': 5,
        'text-wrap': 'wrap',
        'text-max-width': '130px',
        'text-background-color': t.surface,
        'text-background-opacity': 0.8,
        'text-background-padding': '2px',
        'text-background-shape': 'roundrectangle',
        'border-width': 2,
        'border-color': t.surface,
      },
    },
    ...ENTITY_TYPES.map((type) => ({ selector: `node[type = "${type}"]`, style: { 'background-color': t.types[type], shape: SHAPES[type] } }) as StylesheetJson[number]),
    {
      selector: 'edge',
      style: { width: 'data(width)', 'line-color': t.muted, 'curve-style': 'bezier', opacity: 0.8, 'overlay-padding': 6 },
    },
    { selector: 'edge.co', style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 4] } },
    {
      selector: 'edge.rel',
      style: {
        'line-color': t.accent,
        'target-arrow-color': t.accent,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 1.1,
        label: 'data(label)',
        color: t.accent,
        'font-family': t.font,
        'font-size': 10,
        'font-style': 'italic',
        'text-rotation': 'autorotate',
        'text-background-color': t.surface,
        'text-background-opacity': 0.9,
        'text-background-padding': '2px',
        opacity: 1,
      },
    },
    { selector: 'edge.selected', style: { 'line-color': t.focus, 'target-arrow-color': t.focus, opacity: 1, 'z-index': 10 } },
    { selector: 'node.selected', style: { 'border-color': t.focus, 'border-width': 3 } },
    { selector: '.hidden', style: { display: 'none' } },
  ];
}

// Positions, kept across visits (and reloads) so the chart does not move under the analyst.
const LAYOUT_KEY = 'sourcebook.graph.layout';
const positions: Map<string, { x: number; y: number }> = (() => {
  try {
    return new Map(Object.entries(JSON.parse(localStorage.getItem(LAYOUT_KEY) ?? '{}') as Record<string, { x: number; y: number }>));
  } catch {
    return new Map();
  }
})();

function savePositions(cy: Core) {
  cy.nodes().forEach((n) => {
    positions.set(n.id(), { ...n.position() });
  });
  const entries = [...positions.entries()].slice(-3000);
  try {
    localStorage.setItem(LAYOUT_KEY, JSON.stringify(Object.fromEntries(entries)));
  } catch {
    // Storage full or disabled: the layout is kept for this session only.
  }
}

const widthOf = (weight: number, max: number) => 1.2 + 6 * Math.sqrt(weight / Math.max(1, max));

function elementsOf(graph: GraphData): ElementDefinition[] {
  const maxActivity = Math.max(1, ...graph.nodes.map((n) => n.mentions + n.excerpts));
  const maxWeight = Math.max(1, ...graph.edges.map((e) => e.weight));
  const nodes: ElementDefinition[] = graph.nodes.map((n, i) => ({
    group: 'nodes',
    data: { id: n.id, label: n.name, type: n.type, size: Math.round(22 + 26 * Math.sqrt((n.mentions + n.excerpts) / maxActivity)) },
    // Unplaced nodes start on a circle (not all on one point) until placed.
    position: positions.get(n.id) ? { ...positions.get(n.id)! } : { x: 200 * Math.cos((2 * Math.PI * i) / graph.nodes.length), y: 200 * Math.sin((2 * Math.PI * i) / graph.nodes.length) },
  }));
  const edges: ElementDefinition[] = graph.edges.map((e) => ({
    group: 'edges',
    data: { id: e.id, source: e.source, target: e.target, label: e.label ?? '', width: widthOf(e.weight, maxWeight) },
    classes: e.kind === 'relation' ? 'rel' : 'co',
  }));
  return [...nodes, ...edges];
}

/** New nodes (no saved position) go near their neighbours, or around the drawing. */
function placeNewNodes(cy: Core, fresh: string[]) {
  const bb = cy.nodes().filter((n) => !fresh.includes(n.id())).boundingBox({});
  fresh.forEach((id, i) => {
    const node = cy.getElementById(id);
    const known = node.neighborhood().nodes().filter((n) => !fresh.includes(n.id()));
    const angle = (i / Math.max(1, fresh.length)) * 2 * Math.PI;
    if (known.length > 0) {
      let x = 0;
      let y = 0;
      known.forEach((n) => {
        x += n.position('x') / known.length;
        y += n.position('y') / known.length;
      });
      node.position({ x: x + 60 * Math.cos(angle), y: y + 60 * Math.sin(angle) });
    } else {
      node.position({ x: bb.x2 + 80, y: bb.y1 + 70 * i });
    }
  });
}

function runLayout(cy: Core): void {
  const options = {
    name: 'fcose',
    quality: 'proof',
    randomize: true,
    animate: false,
    fit: true,
    padding: 40,
    nodeDimensionsIncludeLabels: true,
    idealEdgeLength: () => 90,
    nodeRepulsion: () => 9000,
    nodeSeparation: 80,
  } as unknown as LayoutOptions;
  cy.layout(options).run();
  savePositions(cy);
}

/** Fits the visible elements, without blowing a small chart up past 1.25×. */
function fitView(cy: Core) {
  const shown = cy.elements(':visible');
  cy.fit(shown, 40);
  if (cy.zoom() > 1.25) {
    cy.zoom(1.25);
    cy.center(shown);
  }
}

type SvgCore = Core & { svg(options?: { full?: boolean; scale?: number; bg?: string }): string };

export default function LinkChart() {
  const graph = useApiQuery(() => api['analysis:graph']({}), [], ['entities', 'excerpts']);
  const tags = useApiQuery(() => api['tags:list']({}), [], ['excerpts']);
  const [filters, setFilters] = useState<GraphFilters>(NO_FILTERS);
  const [selected, setSelected] = useState<string | null>(null);
  const [listOpen, setListOpen] = useState(false);
  const [adding, setAdding] = useState<{ from?: string; to?: string } | null>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const built = useRef(false);

  const visible = useMemo(() => (graph.data ? visibleGraph(graph.data, filters) : null), [graph.data, filters]);
  const maxWeight = useMemo(() => Math.max(1, ...(graph.data?.edges.map((e) => e.weight) ?? [1])), [graph.data]);

  // One cytoscape instance for the life of the view.
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    preventInjectedStylesheet();
    const cy = cytoscape({ container, elements: [], style: stylesheet(readTheme(container)), minZoom: 0.2, maxZoom: 3, boxSelectionEnabled: false, selectionType: 'single' });
    cyRef.current = cy;
    cy.on('tap', 'edge', (e) => {
      setSelected(e.target.id());
      setListOpen(false);
    });
    cy.on('tap', 'node', (e) => openSideView({ kind: 'entity', id: e.target.id() }));
    cy.on('tap', (e) => {
      if (e.target === cy) setSelected(null);
    });
    cy.on('dragfree', 'node', () => savePositions(cy));
    cy.on('mouseover', 'node, edge', () => {
      container.style.cursor = 'pointer';
    });
    cy.on('mouseout', 'node, edge', () => {
      container.style.cursor = '';
    });
    const scheme = window.matchMedia('(prefers-color-scheme: dark)');
    const restyle = () => cy.style(stylesheet(readTheme(container)));
    scheme.addEventListener('change', restyle);
    return () => {
      scheme.removeEventListener('change', restyle);
      cy.destroy();
      cyRef.current = null;
      built.current = false;
    };
  }, []);

  // Elements, whenever the graph changes (a relation added, entities merged); kept positions.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || !graph.data) return;
    const data = graph.data;
    cy.batch(() => {
      cy.elements().remove();
      cy.add(elementsOf(data));
    });
    const fresh = data.nodes.filter((n) => !positions.has(n.id)).map((n) => n.id);
    if (fresh.length === data.nodes.length || (fresh.length > 0 && fresh.length > data.nodes.length / 2)) runLayout(cy);
    else if (fresh.length > 0) {
      placeNewNodes(cy, fresh);
      savePositions(cy);
    }
    if (!built.current) {
      fitView(cy);
      built.current = true;
    }
  }, [graph.data]);

  // Filters: hide and show, recompute widths; never move anything.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || !visible) return;
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        n.toggleClass('hidden', !visible.nodes.has(n.id()));
      });
      cy.edges().forEach((e) => {
        const ev = visible.edges.get(e.id());
        e.toggleClass('hidden', !ev);
        if (ev) e.data('width', widthOf(ev.weight, maxWeight));
      });
    });
  }, [visible, maxWeight, graph.data]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.elements('.selected').removeClass('selected');
    if (selected) {
      const edge = cy.getElementById(selected);
      edge.addClass('selected');
      edge.connectedNodes().addClass('selected');
    }
  }, [selected, graph.data]);

  const fit = () => cyRef.current && fitView(cyRef.current);
  const relayout = () => {
    const cy = cyRef.current;
    if (!cy) return;
    positions.clear();
    runLayout(cy);
  };
  const exportImage = useCallback(async (kind: 'png' | 'svg') => {
    const cy = cyRef.current;
    const container = containerRef.current;
    if (!cy || !container) return;
    const bg = readTheme(container).surface;
    if (kind === 'png') {
      const blob = await cy.png({ output: 'blob-promise', full: true, scale: 2, bg });
      download(blob, 'link-chart.png', 'image/png');
    } else {
      download((cy as SvgCore).svg({ full: true, scale: 1, bg }), 'link-chart.svg', 'image/svg+xml');
    }
    notify(`The link chart was saved as ${kind.toUpperCase()}.`);
  }, []);

  const names = useMemo(() => new Map((graph.data?.nodes ?? []).map((n) => [n.id, n])), [graph.data]);
  const selectedEdge = selected ? graph.data?.edges.find((e) => e.id === selected) : undefined;
  const visibleEdges = useMemo(
    () =>
      (graph.data?.edges ?? [])
        .filter((e) => visible?.edges.has(e.id))
        .sort((a, b) => (visible!.edges.get(b.id)!.weight - visible!.edges.get(a.id)!.weight) || a.id.localeCompare(b.id)),
    [graph.data, visible],
  );
  const empty = graph.data && graph.data.nodes.length === 0;

  return (
    <>
      <PaneHeader
        title="Analysis"
        actions={
          <>
            <button type="button" className="button" onClick={() => setAdding({})} disabled={!graph.data || graph.data.nodes.length < 2}>
              Add relationship
            </button>
          </>
        }
      >
        <AnalysisTabs current="graph" />
        <Filters filters={filters} onChange={setFilters} tags={(tags.data ?? []).map((t) => t.name)} />
        <div className="analysis-toolbar chart-toolbar">
          <span className="chart-stats muted small" title={excerptFiltersOn(filters) ? 'Paragraphs carry no tag, grade or date: while those filters are on, only excerpts count as evidence.' : undefined}>
            {visible ? `${visible.nodes.size} entities · ${visible.edges.size} links` : ''}
            {excerptFiltersOn(filters) && ' · excerpts only'}
          </span>
          <span className="chart-actions">
            <button type="button" className="button button-quiet" aria-pressed={listOpen} onClick={() => setListOpen((o) => !o)}>
              Links list
            </button>
            <button type="button" className="button button-quiet" onClick={fit} title="Fit the chart in the view">
              Fit
            </button>
            <button type="button" className="button button-quiet" onClick={relayout} title="Compute new positions for every entity">
              Re-layout
            </button>
            <button type="button" className="button button-quiet" onClick={() => void exportImage('png')}>
              PNG
            </button>
            <button type="button" className="button button-quiet" onClick={() => void exportImage('svg')}>
              SVG
            </button>
          </span>
        </div>
      </PaneHeader>
      <div className="side-main">
        <div className="chart-body">
          <div className="link-chart-canvas" ref={containerRef} role="img" aria-label="Link chart of entities; use the Links list to reach each link by keyboard" />
          {empty && (
            <div className="chart-empty">
              <EmptyState title="No entities yet">Tag excerpts with entities, or add entities, to see how they connect.</EmptyState>
            </div>
          )}
          <Legend />
        </div>
        {listOpen && visible && (
          <aside className="evidence-panel" aria-label="Links">
            <div className="evidence-header">
              <h3>
                Links <span className="count">{visibleEdges.length}</span>
              </h3>
              <button type="button" className="icon-button" aria-label="Close links list" onClick={() => setListOpen(false)}>
                ×
              </button>
            </div>
            <ul className="evidence-body evidence-list link-list">
              {visibleEdges.map((e) => (
                <li key={e.id}>
                  <button
                    type="button"
                    className="evidence-item link-item"
                    onClick={() => {
                      setSelected(e.id);
                      setListOpen(false);
                    }}
                  >
                    <EdgeTitle edge={e} names={names} />
                    <span className="evidence-meta">{weightLabel(visible.edges.get(e.id)!)}</span>
                  </button>
                </li>
              ))}
            </ul>
          </aside>
        )}
        {selectedEdge && !listOpen && (
          <EdgeEvidencePanel
            graph={graph.data!}
            edge={selectedEdge}
            evidence={visible?.edges.get(selectedEdge.id)}
            filtering={excerptFiltersOn(filters)}
            names={names}
            onClose={() => setSelected(null)}
            onRelate={() => setAdding({ from: selectedEdge.source, to: selectedEdge.target })}
          />
        )}
      </div>
      {adding && graph.data && <AddRelationDialog entities={graph.data.nodes} initialFrom={adding.from} initialTo={adding.to} onClose={() => setAdding(null)} />}
    </>
  );
}

function weightLabel(ev: EdgeEvidence): string {
  const parts = [`${ev.excerptIds.length} excerpt${ev.excerptIds.length === 1 ? '' : 's'}`];
  if (ev.paragraphs) parts.push(`${ev.paragraphs} paragraph${ev.paragraphs === 1 ? '' : 's'}`);
  return parts.join(' · ');
}

function EdgeTitle({ edge, names }: { edge: GraphEdge; names: Map<string, GraphData['nodes'][number]> }) {
  const a = names.get(edge.source);
  const b = names.get(edge.target);
  return (
    <span className="edge-title">
      <span className="edge-end">
        {a && <EntityTypeIcon type={a.type} size={13} />}
        {a?.name ?? edge.source}
      </span>
      {edge.kind === 'relation' ? (
        <span className="edge-relation">
          — {edge.label} <span aria-hidden="true">→</span>
        </span>
      ) : (
        <span className="edge-co" aria-label="and">
          ⋯
        </span>
      )}
      <span className="edge-end">
        {b && <EntityTypeIcon type={b.type} size={13} />}
        {b?.name ?? edge.target}
      </span>
    </span>
  );
}

function EdgeEvidencePanel({
  graph,
  edge,
  evidence,
  filtering,
  names,
  onClose,
  onRelate,
}: {
  graph: GraphData;
  edge: GraphEdge;
  evidence: EdgeEvidence | undefined;
  filtering: boolean;
  names: Map<string, GraphData['nodes'][number]>;
  onClose(): void;
  onRelate(): void;
}) {
  const co = edge.kind === 'cooccurrence';
  const [a, b] = edge.source < edge.target ? [edge.source, edge.target] : [edge.target, edge.source];
  const pair = useApiQuery(co && !filtering && edge.paragraphs > 0 ? () => api['analysis:evidence']({ a, b }) : null, [a, b, co, filtering], ['entities', 'excerpts']);
  const byId = useMemo(() => new Map(graph.excerpts.map((e) => [e.id, e])), [graph.excerpts]);
  const excerpts = (evidence?.excerptIds ?? []).map((id) => byId.get(id)).filter((e) => e !== undefined);
  const from = names.get(edge.source);
  const to = names.get(edge.target);
  return (
    <EvidencePanel
      title={<EdgeTitle edge={edge} names={names} />}
      subtitle={
        co
          ? `Tagged together on ${evidence?.excerptIds.length ?? 0} excerpt${evidence?.excerptIds.length === 1 ? '' : 's'}${filtering ? ' (filtered)' : `, mentioned together in ${edge.paragraphs} paragraph${edge.paragraphs === 1 ? '' : 's'}`}.`
          : `A relation you drew, on ${excerpts.length} excerpt${excerpts.length === 1 ? '' : 's'}${filtering ? ' (filtered)' : ''}.`
      }
      excerpts={excerpts}
      paragraphs={co && !filtering ? pair.data?.paragraphs : undefined}
      names={[from?.name ?? '', to?.name ?? '']}
      loading={pair.loading && !pair.data}
      onClose={onClose}
    >
      {co && (
        <p className="evidence-actions">
          <button type="button" className="button" onClick={onRelate}>
            Describe this link…
          </button>
        </p>
      )}
    </EvidencePanel>
  );
}

function toggle<T>(set: ReadonlySet<T>, value: T): Set<T> {
  const next = new Set(set);
  if (next.has(value)) next.delete(value);
  else next.add(value);
  return next;
}

function Filters({ filters, onChange, tags }: { filters: GraphFilters; onChange(f: GraphFilters): void; tags: string[] }) {
  const [from, setFrom] = useState(filters.from);
  const [to, setTo] = useState(filters.to);
  const setDate = (which: 'from' | 'to', value: string) => {
    if (which === 'from') setFrom(value);
    else setTo(value);
    const clean = value.trim();
    if (!clean || isEventDate(clean)) onChange({ ...filters, [which]: clean });
  };
  const any = filters.hiddenTypes.size > 0 || excerptFiltersOn(filters);
  return (
    <div className="chart-filters" role="group" aria-label="Filters">
      <div className="chip-toggles" role="group" aria-label="Entity types shown">
        {ENTITY_TYPES.map((t) => (
          <button
            key={t}
            type="button"
            className={`chip-toggle entity-type-${t}`}
            aria-pressed={!filters.hiddenTypes.has(t)}
            onClick={() => onChange({ ...filters, hiddenTypes: toggle(filters.hiddenTypes, t) })}
            title={`${filters.hiddenTypes.has(t) ? 'Show' : 'Hide'} ${ENTITY_TYPE_LABELS[t].toLowerCase()} entities`}
          >
            <EntityTypeIcon type={t} size={12} />
            {ENTITY_TYPE_LABELS[t]}
          </button>
        ))}
      </div>
      <select aria-label="Tag" value={filters.tag} onChange={(e) => onChange({ ...filters, tag: e.target.value })} className="filter-tag">
        <option value="">Any tag</option>
        {tags.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>
      <div className="chip-toggles grade-toggles" role="group" aria-label="Source reliability">
        {RELIABILITY.map((r: Reliability) => (
          <button key={r} type="button" className="chip-toggle grade-toggle" aria-pressed={filters.reliability.has(r)} title={`Reliability ${r}: ${RELIABILITY_MEANINGS[r]}`} onClick={() => onChange({ ...filters, reliability: toggle(filters.reliability, r) })}>
            {r}
          </button>
        ))}
      </div>
      <div className="chip-toggles grade-toggles" role="group" aria-label="Information credibility">
        {CREDIBILITY.map((c) => (
          <button key={c} type="button" className="chip-toggle grade-toggle" aria-pressed={filters.credibility.has(c)} title={`Credibility ${c}: ${CREDIBILITY_MEANINGS[c]}`} onClick={() => onChange({ ...filters, credibility: toggle(filters.credibility, c) })}>
            {c}
          </button>
        ))}
      </div>
      <span className="date-range">
        <input type="text" className="date-input" aria-label="Event date from" placeholder="from YYYY-MM" value={from} aria-invalid={!!from.trim() && !isEventDate(from.trim())} onChange={(e) => setDate('from', e.target.value)} />
        <span aria-hidden="true">–</span>
        <input type="text" className="date-input" aria-label="Event date to" placeholder="to YYYY-MM" value={to} aria-invalid={!!to.trim() && !isEventDate(to.trim())} onChange={(e) => setDate('to', e.target.value)} />
      </span>
      {any && (
        <button
          type="button"
          className="link-button small"
          onClick={() => {
            setFrom('');
            setTo('');
            onChange(NO_FILTERS);
          }}
        >
          Clear filters
        </button>
      )}
    </div>
  );
}

function Legend() {
  return (
    <div className="chart-legend" aria-hidden="true">
      {ENTITY_TYPES.map((t) => (
        <span key={t} className={`chart-legend-item entity-type-${t}`}>
          <svg width="12" height="12" viewBox="0 0 12 12">
            {SHAPE_GLYPHS[t]}
          </svg>
          {ENTITY_TYPE_LABELS[t]}
        </span>
      ))}
      <span className="chart-legend-item">
        <svg width="22" height="8" className="legend-line legend-co">
          <line x1="0" y1="4" x2="22" y2="4" />
        </svg>
        together
      </span>
      <span className="chart-legend-item">
        <svg width="22" height="8" className="legend-line legend-rel">
          <line x1="0" y1="4" x2="16" y2="4" />
          <path d="M16 1l5 3-5 3z" />
        </svg>
        relation
      </span>
    </div>
  );
}
