// The global search: sources, excerpts and briefs as you type (Ctrl/Cmd+K), results
// grouped by kind with the matched words marked; arrows move, Enter opens. Above the
// results, what the query matched counted by facet (kind, language, grade, publisher,
// tag, entity): a facet adds its filter to the query, so narrowing is always visible and
// typed the same way (Tab reaches them, Escape comes back). A query that matches nothing
// is corrected word by word ("did you mean") and the correction's results are shown.
// Save search… keeps the query under a name in the sidebar (search/SidebarSavedSearches.tsx).
// Several results are chosen together with Shift+↑↓ or Shift/Ctrl/Cmd+click: Enter opens
// them all as tabs, Alt+Enter cites the chosen excerpts in the open brief at its caret.
import { forwardRef, useEffect, useId, useImperativeHandle, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { api } from '../api';
import { formatPartialDate } from '../ui/format';
import { useNavigation } from '../app/navigation';
import { loadExcerpt } from '../state/excerptStore';
import { notify, notifyError } from '../state/toasts';
import type { SearchResult } from '../types';
import type { SearchFacets, FacetValue } from '../../../db/domain';
import { requestSearchHits } from '../reader/searchRequest';
import { requestCitations, useBriefListening } from '../editor/citeRequests';
import { tabOpened } from '../app/openTabs';
import { onSearchRequest } from './searchRequests';

const KIND_LABELS: Record<SearchResult['kind'], string> = { source: 'Sources', excerpt: 'Excerpts', brief: 'Briefs' };
const KIND_ORDER: SearchResult['kind'][] = ['source', 'excerpt', 'brief'];
const DELAY = 160;
/** Facets are counted a little after the results: they matter once typing pauses. */
const FACETS_DELAY = 350;
const FACET_GROUPS: { key: keyof Omit<SearchFacets, 'total'>; label: string; format?: (value: string) => string }[] = [
  { key: 'kinds', label: 'Kind' },
  { key: 'languages', label: 'Language' },
  { key: 'grades', label: 'Grade' },
  { key: 'publishers', label: 'Publisher' },
  { key: 'sources', label: 'Source' },
  { key: 'tags', label: 'Tag' },
  { key: 'entities', label: 'Entity' },
  { key: 'states', label: 'Excerpt state' },
  { key: 'dates', label: 'Dated' },
  // Months as the chosen date style writes them ("Nov 2026").
  { key: 'added', label: 'Added', format: formatPartialDate },
];

/** The query with a facet's filter added (a filter already there is not added twice). */
export function withFilter(query: string, filter: string): string {
  const q = query.trimEnd();
  return q.split(/\s+/).includes(filter) ? `${q} ` : `${q}${q ? ' ' : ''}${filter} `;
}

export interface SearchBoxHandle {
  focus(): void;
}

/** The snippet with its highlighted ranges as <mark> elements (React text, never HTML). */
export function Highlighted({ text, ranges }: { text: string; ranges: readonly [number, number][] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (start < at || end <= start) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}

export const SearchBox = forwardRef<SearchBoxHandle>(function SearchBox(_props, ref) {
  const nav = useNavigation();
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<SearchResult[]>([]);
  const [searched, setSearched] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  /** Results chosen together (Shift+↑↓, Shift/Ctrl/Cmd+click), by their place in `ordered`; the anchor a range grows from. */
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  const [anchor, setAnchor] = useState(0);
  const briefOpen = useBriefListening();
  const [facets, setFacets] = useState<SearchFacets | null>(null);
  /** A query that matched nothing, and the correction whose results are shown instead. */
  const [correction, setCorrection] = useState<{ from: string; to: string } | null>(null);
  const [saving, setSaving] = useState<string | null>(null);
  const containerRef = useRef<HTMLDivElement>(null);

  useImperativeHandle(ref, () => ({
    focus() {
      inputRef.current?.focus();
      inputRef.current?.select();
    },
  }));

  // A saved search from the sidebar: typed in, run, its results open.
  useEffect(
    () =>
      onSearchRequest((q) => {
        setQuery(q);
        setOpen(true);
        inputRef.current?.focus();
      }),
    [],
  );

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setResults([]);
      setSearched('');
      return;
    }
    let live = true;
    const timer = window.setTimeout(() => {
      // Untrimmed at the end: a trailing space says the last word is finished (not a prefix).
      api['search:query']({ query: query.trimStart(), asYouType: true }).then(
        async (found) => {
          if (!live) return;
          let shown = found;
          let corrected: { from: string; to: string } | null = null;
          if (found.length === 0) {
            // Nothing at all: "did you mean", with the correction's results.
            const { query: to } = await api['search:correct']({ query: q });
            if (!live) return;
            if (to) {
              shown = await api['search:query']({ query: to });
              if (!live) return;
              if (shown.length) corrected = { from: q, to };
            }
          }
          setResults(shown);
          // New results: none chosen (the first is active, below).
          setChosen(new Set());
          setCorrection(corrected);
          setSearched(q);
          setActive(0);
        },
        (error: unknown) => live && notifyError(error, 'Search failed'),
      );
    }, DELAY);
    const facetsTimer = window.setTimeout(() => {
      api['search:facets']({ query: query.trimStart(), asYouType: true }).then(
        (counted) => live && setFacets(counted),
        () => live && setFacets(null), // the results say what went wrong
      );
    }, FACETS_DELAY);
    return () => {
      live = false;
      window.clearTimeout(timer);
      window.clearTimeout(facetsTimer);
    };
  }, [query]);

  const narrow = (facet: FacetValue) => {
    setQuery((q) => withFilter(correction ? correction.to : q, facet.filter));
    setOpen(true);
    inputRef.current?.focus();
  };

  const saveSearch = async (name: string) => {
    const trimmed = name.trim();
    if (!trimmed) return;
    try {
      await api['savedSearches:save']({ name: trimmed, query: query.trim() });
      setSaving(null);
      notify(`Saved search “${trimmed}”: it is in the sidebar.`);
      inputRef.current?.focus();
    } catch (error) {
      notifyError(error, 'The search was not saved');
    }
  };

  // Grouped by kind, in a fixed order; `ordered` is the arrow-key order.
  const ordered = useMemo(() => KIND_ORDER.flatMap((kind) => results.filter((r) => r.kind === kind)), [results]);

  const choose = async (result: SearchResult) => {
    setOpen(false);
    inputRef.current?.blur();
    if (result.kind === 'source') {
      // At the first hit, every word of the query highlighted (the find bar takes over).
      requestSearchHits(result.id, query.trimStart(), true);
      nav.openSource(result.id);
    }
    else if (result.kind === 'brief') nav.openBrief(result.id);
    else {
      const entry = await loadExcerpt(result.id);
      if (entry.status === 'ok') nav.openSource(entry.excerpt.sourceId, result.id);
      else notify('That excerpt no longer exists.');
    }
  };

  /** The results chosen together, in list order; the active one alone when none is. */
  const selection = (): SearchResult[] => (chosen.size > 1 ? ordered.filter((_, i) => chosen.has(i)) : ordered[active] ? [ordered[active]] : []);

  /** Every chosen result opened as a tab of its pane (an excerpt's source in the reader); the last of each pane shown. */
  const openAll = async (chosenResults: SearchResult[]) => {
    setOpen(false);
    inputRef.current?.blur();
    let source: string | null = null;
    let brief: string | null = null;
    for (const r of chosenResults) {
      if (r.kind === 'brief') {
        tabOpened('brief', r.id, r.title);
        brief = r.id;
        continue;
      }
      const entry = r.kind === 'excerpt' ? await loadExcerpt(r.id) : null;
      if (entry && entry.status !== 'ok') continue;
      // A result's title is its source's for an excerpt (db/search.ts).
      source = entry?.status === 'ok' ? entry.excerpt.sourceId : r.id;
      tabOpened('source', source, r.title);
    }
    if (brief) nav.openBrief(brief);
    if (source) nav.openSource(source);
  };

  /** The chosen excerpts cited in the open brief, at its caret, in list order. */
  const citeAll = async (chosenResults: SearchResult[]) => {
    const excerpts = chosenResults.filter((r) => r.kind === 'excerpt');
    if (!excerpts.length || !briefOpen) return;
    const loaded = await Promise.all(excerpts.map((r) => loadExcerpt(r.id)));
    const citable = loaded.flatMap((e) => (e.status === 'ok' ? [{ id: e.excerpt.id, quote: e.excerpt.quote, sourceTitle: e.excerpt.sourceTitle }] : []));
    setOpen(false);
    requestCitations(citable);
    notify(`Cited ${citable.length} excerpt${citable.length === 1 ? '' : 's'} in the brief.`);
  };

  /** Shift+↑↓: the active result moves and the chosen range runs from the anchor to it. */
  const extendTo = (next: number) => {
    const from = chosen.size ? anchor : active;
    if (!chosen.size) setAnchor(active);
    const range = new Set<number>();
    for (let i = Math.min(from, next); i <= Math.max(from, next); i++) range.add(i);
    setChosen(range);
    setActive(next);
  };

  const onResultClick = (event: MouseEvent, i: number, result: SearchResult) => {
    if (event.shiftKey) {
      extendTo(i);
      inputRef.current?.focus();
    } else if (event.ctrlKey || event.metaKey) {
      const next = new Set(chosen.size ? chosen : [active]);
      if (next.has(i)) next.delete(i);
      else next.add(i);
      setChosen(next);
      setAnchor(i);
      setActive(i);
      inputRef.current?.focus();
    } else void choose(result);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && event.shiftKey && ordered.length) {
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      extendTo(Math.min(ordered.length - 1, Math.max(0, active + step)));
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setChosen(new Set());
      setActive((i) => (ordered.length ? (i + 1) % ordered.length : 0));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setChosen(new Set());
      setActive((i) => (ordered.length ? (i - 1 + ordered.length) % ordered.length : 0));
    } else if (event.key === 'Enter' && event.altKey) {
      // Alt+Enter: the chosen excerpts (or the active one) cited in the open brief.
      event.preventDefault();
      void citeAll(selection());
    } else if (event.key === 'Enter') {
      const result = ordered[active];
      if (chosen.size > 1) {
        event.preventDefault();
        void openAll(selection());
      } else if (result) {
        event.preventDefault();
        void choose(result);
      }
    } else if (event.key === 'Escape') {
      if (chosen.size > 1) setChosen(new Set());
      else if (saving !== null) setSaving(null);
      else if (open && query) setOpen(false);
      else {
        setQuery('');
        inputRef.current?.blur();
      }
    }
  };

  useEffect(() => {
    document.getElementById(`${listId}-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, listId]);

  const showList = open && query.trim() !== '';
  const pending = query.trim() !== searched;
  const facetGroups = facets && facets.total > 0 ? FACET_GROUPS.filter((g) => facets[g.key].length > 0) : [];
  let index = -1;

  return (
    <div
      className="search"
      role="search"
      ref={containerRef}
      onKeyDown={(e) => {
        // Escape in the facets or the save form: back to the query.
        if (e.key === 'Escape' && e.target !== inputRef.current) {
          e.preventDefault();
          setSaving(null);
          inputRef.current?.focus();
        }
      }}
      onBlur={(e) => {
        // Focus moving to the facets or the save form keeps the results open.
        // Closed a moment later (a click on a result lands first), unless the focus came back meanwhile.
        if (!containerRef.current?.contains(e.relatedTarget as Node | null)) window.setTimeout(() => !containerRef.current?.contains(document.activeElement) && setOpen(false), 150);
      }}
    >
      <input
        ref={inputRef}
        type="search"
        className="search-input"
        placeholder="Search sources, excerpts, briefs"
        aria-label="Search"
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && ordered[active] ? `${listId}-${active}` : undefined}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKeyDown}
      />
      <kbd className="search-shortcut" aria-hidden="true">
        {/Mac|iPhone|iPad/.test(navigator.platform) ? '⌘K' : 'Ctrl K'}
      </kbd>
      {showList && (
        <div className="popover search-popover">
          {facetGroups.length > 0 && (
            <div className="search-facets" role="group" aria-label={`Narrow the ${facets!.total.toLocaleString()} matches`}>
              {facetGroups.map((g) => (
                <div className="search-facet-group" key={g.key}>
                  <span className="search-facet-label">{g.label}</span>
                  {facets![g.key].map((f) => {
                    const value = g.format ? g.format(f.value) : f.value;
                    return (
                      <button
                        type="button"
                        key={f.filter}
                        className="search-facet"
                        title={`Add ${f.filter} to the search`}
                        aria-label={`${g.label}: ${value}, ${f.count.toLocaleString()} ${f.count === 1 ? 'match' : 'matches'}; adds ${f.filter}`}
                        onMouseDown={(e) => e.preventDefault()}
                        onClick={() => narrow(f)}
                      >
                        <span className="search-facet-value">{value}</span> <span className="count">{f.count.toLocaleString()}</span>
                      </button>
                    );
                  })}
                </div>
              ))}
            </div>
          )}
          {correction && !pending && (
            <p className="search-correction" role="status">
              No match for “{correction.from}”. Showing results for{' '}
              <button type="button" className="link-button" onMouseDown={(e) => e.preventDefault()} onClick={() => setQuery(`${correction.to} `)}>
                {correction.to}
              </button>
              .
            </p>
          )}
          <div className="search-results" id={listId} role="listbox" aria-label="Search results" aria-multiselectable="true">
            {ordered.length === 0 ? (
              <div className="search-empty" role="presentation">
                {pending ? 'Searching…' : `Nothing matches “${query.trim()}”.`}
              </div>
            ) : (
              KIND_ORDER.map((kind) => {
                const group = ordered.filter((r) => r.kind === kind);
                if (group.length === 0) return null;
                return (
                  <div className="search-group" role="group" aria-label={KIND_LABELS[kind]} key={kind}>
                    <div className="search-group-label" aria-hidden="true">
                      {KIND_LABELS[kind]}
                    </div>
                    {group.map((result) => {
                      index++;
                      const i = index;
                      return (
                        <div
                          key={`${result.kind}-${result.id}`}
                          id={`${listId}-${i}`}
                          role="option"
                          aria-selected={chosen.size > 1 ? chosen.has(i) : i === active}
                          className={`search-result${i === active ? ' is-active' : ''}${chosen.size > 1 && chosen.has(i) ? ' is-chosen' : ''}`}
                          onMouseDown={(e) => e.preventDefault()}
                          onMouseEnter={() => chosen.size < 2 && setActive(i)}
                          onClick={(e) => onResultClick(e, i, result)}
                        >
                          <span className={`kind-badge kind-${result.kind}`}>{result.kind}</span>
                          <span className="search-result-text">
                            <span className="search-result-title">{result.title}</span>
                            <span className="search-result-snippet" dir="auto">
                              <Highlighted text={result.snippet} ranges={result.highlights} />
                            </span>
                          </span>
                        </div>
                      );
                    })}
                  </div>
                );
              })
            )}
          </div>
          <div className="search-footer">
            {chosen.size > 1 && saving === null && (
              <div className="search-chosen" role="toolbar" aria-label="Chosen results">
                <span role="status">{chosen.size} chosen</span>
                <button type="button" className="button" onMouseDown={(e) => e.preventDefault()} onClick={() => void openAll(selection())} title="Open them all as tabs (Enter)">
                  Open as tabs
                </button>
                <button
                  type="button"
                  className="button"
                  onMouseDown={(e) => e.preventDefault()}
                  disabled={!briefOpen || !selection().some((r) => r.kind === 'excerpt')}
                  onClick={() => void citeAll(selection())}
                  title={briefOpen ? 'Cite the chosen excerpts in the open brief, at its caret (Alt+Enter)' : 'Open a brief to cite them in it'}
                >
                  Cite in brief
                </button>
              </div>
            )}
            {saving === null ? (
              <button type="button" className="button button-quiet" onMouseDown={(e) => e.preventDefault()} onClick={() => setSaving(query.trim())}>
                Save Search…
              </button>
            ) : (
              <form
                className="search-save"
                onSubmit={(e) => {
                  e.preventDefault();
                  void saveSearch(saving);
                }}
              >
                <label className="field">
                  <span className="field-label">Name of the saved search</span>
                  <input type="text" autoFocus maxLength={200} value={saving} onChange={(e) => setSaving(e.target.value)} />
                </label>
                <button type="submit" className="button" disabled={!saving.trim()}>
                  Save
                </button>
              </form>
            )}
          </div>
        </div>
      )}
    </div>
  );
});
