// The global search: sources, excerpts and briefs as you type (Ctrl/Cmd+K), results
// grouped by kind with the matched words marked; arrows move, Enter opens.
import { forwardRef, useEffect, useId, useImperativeHandle, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { api } from '../api';
import { useNavigation } from '../app/navigation';
import { loadExcerpt } from '../state/excerptStore';
import { notify, notifyError } from '../state/toasts';
import type { SearchResult } from '../types';
import { requestSearchHits } from '../reader/searchRequest';

const KIND_LABELS: Record<SearchResult['kind'], string> = { source: 'Sources', excerpt: 'Excerpts', brief: 'Briefs' };
const KIND_ORDER: SearchResult['kind'][] = ['source', 'excerpt', 'brief'];
const DELAY = 160;

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

  useImperativeHandle(ref, () => ({
    focus() {
      inputRef.current?.focus();
      inputRef.current?.select();
    },
  }));

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
        (found) => {
          if (!live) return;
          setResults(found);
          setSearched(q);
          setActive(0);
        },
        (error: unknown) => live && notifyError(error, 'Search failed'),
      );
    }, DELAY);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [query]);

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

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (ordered.length ? (i + 1) % ordered.length : 0));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => (ordered.length ? (i - 1 + ordered.length) % ordered.length : 0));
    } else if (event.key === 'Enter') {
      const result = ordered[active];
      if (result) {
        event.preventDefault();
        void choose(result);
      }
    } else if (event.key === 'Escape') {
      if (open && query) setOpen(false);
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
  let index = -1;

  return (
    <div className="search" role="search">
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
        onBlur={() => window.setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      <kbd className="search-shortcut" aria-hidden="true">
        {/Mac|iPhone|iPad/.test(navigator.platform) ? '⌘K' : 'Ctrl K'}
      </kbd>
      {showList && (
        <div className="popover search-results" id={listId} role="listbox" aria-label="Search results">
          {ordered.length === 0 ? (
            <div className="search-empty">{pending ? 'Searching…' : `Nothing matches “${query.trim()}”.`}</div>
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
                        aria-selected={i === active}
                        className={`search-result${i === active ? ' is-active' : ''}`}
                        onMouseDown={(e) => e.preventDefault()}
                        onMouseEnter={() => setActive(i)}
                        onClick={() => void choose(result)}
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
      )}
    </div>
  );
});
