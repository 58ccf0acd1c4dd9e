// The link chart's filters, pure: which nodes and edges stay, and the evidence left
// behind each edge. An edge's evidence is recomputed from the graph's excerpts (tag,
// grade, event date); paragraphs carry none of those, so they count only while no
// excerpt filter is on. An edge with no evidence left hides; so does any edge or node of
// a hidden entity type.
import type { GraphData } from '../entities/model';
import type { EntityType, ExcerptView, Reliability } from '../types';
import { overlaps } from './dates';

export interface GraphFilters {
  /** Entity types hidden. */
  hiddenTypes: ReadonlySet<EntityType>;
  /** Only excerpts with this tag (or a tag below it: `customs` covers `customs/seizures`); '' for any. */
  tag: string;
  /** Only these source reliabilities (empty: any). */
  reliability: ReadonlySet<Reliability>;
  /** Only these information credibilities (empty: any). */
  credibility: ReadonlySet<number>;
  /** Event date range (YYYY, YYYY-MM or YYYY-MM-DD; '' for open). */
  from: string;
  to: string;
}

export const NO_FILTERS: GraphFilters = { hiddenTypes: new Set(), tag: '', reliability: new Set(), credibility: new Set(), from: '', to: '' };

export function excerptFiltersOn(f: GraphFilters): boolean {
  return !!f.tag || f.reliability.size > 0 || f.credibility.size > 0 || !!f.from || !!f.to;
}

export function excerptPasses(e: ExcerptView, f: GraphFilters): boolean {
  if (f.tag && !e.tags.some((t) => t === f.tag || t.startsWith(`${f.tag}/`))) return false;
  if (f.reliability.size > 0 && (!e.reliability || !f.reliability.has(e.reliability))) return false;
  if (f.credibility.size > 0 && (e.credibility === null || !f.credibility.has(e.credibility))) return false;
  return overlaps(e.eventDate, f.from, f.to);
}

export interface EdgeEvidence {
  excerptIds: string[];
  /** Paragraphs counted (0 while excerpt filters are on). */
  paragraphs: number;
  weight: number;
}

export interface VisibleGraph {
  nodes: Set<string>;
  edges: Map<string, EdgeEvidence>;
}

export function visibleGraph(graph: GraphData, f: GraphFilters): VisibleGraph {
  const filtering = excerptFiltersOn(f);
  const excerpts = new Map(graph.excerpts.map((e) => [e.id, e]));
  const typeOf = new Map(graph.nodes.map((n) => [n.id, n.type]));
  const shownType = (id: string) => {
    const t = typeOf.get(id);
    return t !== undefined && !f.hiddenTypes.has(t);
  };
  const edges = new Map<string, EdgeEvidence>();
  const nodes = new Set<string>();
  for (const edge of graph.edges) {
    if (!shownType(edge.source) || !shownType(edge.target)) continue;
    const excerptIds = edge.excerptIds.filter((id) => {
      const e = excerpts.get(id);
      return e ? excerptPasses(e, f) : !filtering;
    });
    const paragraphs = filtering ? 0 : edge.paragraphs;
    const weight = excerptIds.length + paragraphs;
    if (weight === 0) continue;
    edges.set(edge.id, { excerptIds, paragraphs, weight });
    nodes.add(edge.source);
    nodes.add(edge.target);
  }
  for (const n of graph.nodes) {
    if (!shownType(n.id)) continue;
    // Unfiltered, every entity shows (even one with no links yet); filtered, only those
    // with a link left or tagged on a passing excerpt.
    if (!filtering) nodes.add(n.id);
  }
  if (filtering) {
    for (const e of graph.excerpts) if (excerptPasses(e, f)) for (const x of e.entities) if (shownType(x.id) && typeOf.has(x.id)) nodes.add(x.id);
  }
  return { nodes, edges };
}
