// Find in the open source (Ctrl/Cmd+F), or a search result opened here (its query's words
// as search matched them, search:hits): every occurrence is highlighted in the text, the current one is revealed and marked, "3 of 12" says where it stands;
// Enter and Shift+Enter (or the arrows beside the field) go to the next and previous,
// F3 / Shift+F3 anywhere do the same; Escape closes the bar and gives the keyboard back to
// the text, its caret at the current match. What is typed is found by findHits.ts.
//
// The highlights are the CSS Custom Highlight API's: ranges over the text's runs (each run
// knows its offset: data-start), painted without touching the DOM that selections and
// excerpts are measured on, and painted again as the windowed reader draws other blocks.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { api } from '../api';
import { useApiQuery } from '../state/topics';
import { useCommand } from '../app/commands';
import { useNavigation } from '../app/navigation';
import { findHits, MAX_HITS, type Hit } from './findHits';
import { usePaintedRanges } from './paintedRanges';

const HIGHLIGHT = 'sourcebook-find';
const NO_HITS: readonly Hit[] = [];

/** Opened on a search result: the query's words, as search reads them (search:hits), until the field is edited. */
export interface FindSeed {
  query: string;
  asYouType: boolean;
}

export function FindBar({
  sourceId,
  text,
  textRef,
  seed,
  onClose,
}: {
  sourceId: string;
  text: string;
  textRef: RefObject<HTMLElement | null>;
  seed?: FindSeed | null;
  /** `at`: where the current match starts (the caret goes there), if there is one. */
  onClose(at: number | null): void;
}) {
  const nav = useNavigation();
  const [query, setQuery] = useState(seed?.query ?? '');
  /** The words of a search (hits from the workspace), or what is typed here (found in the text as it stands). */
  const [mode, setMode] = useState<'search' | 'text'>(seed ? 'search' : 'text');
  const [current, setCurrent] = useState(0);
  const field = useRef<HTMLInputElement>(null);
  const modeId = useId();
  const searched = useApiQuery(mode === 'search' && seed ? () => api['search:hits']({ sourceId, query: seed.query, asYouType: seed.asYouType }) : null, [mode, sourceId, seed?.query, seed?.asYouType], ['sources', 'versions']);
  const typed = useMemo(() => (mode === 'text' ? findHits(text, query) : []), [mode, text, query]);
  const hits = mode === 'search' ? (searched.data?.hits ?? NO_HITS) : typed;
  const capped = mode === 'search' ? !!searched.data?.more : hits.length >= MAX_HITS;

  useEffect(() => {
    field.current?.focus();
    if (seed) field.current?.select();
  }, [seed]);
  // Every hit in the page, painted again whenever the reader draws other blocks.
  usePaintedRanges(HIGHLIGHT, hits, textRef);

  const go = (index: number) => {
    if (hits.length === 0) return;
    const next = (index + hits.length) % hits.length;
    setCurrent(next);
    nav.openPassage(sourceId, hits[next][0], hits[next][1]);
  };

  // A new query starts from its first occurrence.
  useEffect(() => {
    setCurrent(0);
    if (hits.length) nav.openPassage(sourceId, hits[0][0], hits[0][1]);
    // nav changes with every place visited; only a new set of hits moves the view.
  }, [hits, sourceId]);

  useCommand('reader.findNext', () => go(current + 1));
  useCommand('reader.findPrevious', () => go(current - 1));

  const close = () => onClose(hits[current]?.[0] ?? null);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      go(current + (event.shiftKey ? -1 : 1));
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  };

  const waiting = mode === 'search' && !searched.data;
  const status = !query.trim() || waiting ? '' : hits.length === 0 ? 'No match' : `${current + 1} of ${hits.length.toLocaleString()}${capped ? '+' : ''}`;
  return (
    <div className="source-find" role="search" aria-label="Find in this source">
      {mode === 'search' && (
        <span className="source-find-mode" id={modeId} title="Every word of the search is highlighted, as search matched it; edit the field to find something else">
          Search words
        </span>
      )}
      <input
        ref={field}
        type="search"
        aria-label="Find in this source"
        aria-describedby={mode === 'search' ? modeId : undefined}
        placeholder="Find in this source"
        value={query}
        onChange={(e) => {
          setMode('text');
          setQuery(e.target.value);
        }}
        onKeyDown={onKeyDown}
      />
      <span className="source-find-count" role="status" aria-live="polite">
        {status}
      </span>
      <button type="button" className="icon-button" aria-label="Previous match" title="Previous match (Shift+Enter)" disabled={hits.length === 0} onClick={() => go(current - 1)}>
        ↑
      </button>
      <button type="button" className="icon-button" aria-label="Next match" title="Next match (Enter)" disabled={hits.length === 0} onClick={() => go(current + 1)}>
        ↓
      </button>
      <button type="button" className="icon-button" aria-label="Close find" title="Close (Escape)" onClick={close}>
        ×
      </button>
    </div>
  );
}
