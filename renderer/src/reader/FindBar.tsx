// Find in the open source (Ctrl/Cmd+F): every occurrence of what is typed is highlighted
// in the text, the current one is revealed and marked, "3 of 12" says where it stands;
// Enter and Shift+Enter (or the arrows beside the field) go to the next and previous,
// Escape closes the bar and gives the focus back to the text. Case and diacritics are
// ignored where that keeps the text's offsets (the usual case).
//
// The highlights are the CSS Custom Highlight API's: ranges over the text's runs (each run
// knows its offset: data-start), painted without touching the DOM that selections and
// excerpts are measured on, and painted again as the windowed reader draws other blocks.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useCommand } from '../app/commands';
import { useNavigation } from '../app/navigation';

/** More occurrences than this are counted but not all highlighted ("1 of 5,000+"). */
const MAX_HITS = 5000;
const HIGHLIGHT = 'sourcebook-find';

type Hit = readonly [start: number, end: number];

/** Lower case without marks, one character for one (or null when folding would move offsets). */
function foldForFind(text: string): string | null {
  const folded = text.normalize('NFD').replace(/\p{M}/gu, '');
  if (folded.length === text.length) return folded.toLowerCase();
  // Decomposed marks took room: fold each character alone, keeping one for one.
  let out = '';
  for (const ch of text) {
    const f = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    out += f.length === ch.length ? f : ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch;
  }
  return out.length === text.length ? out : null;
}

export function findHits(text: string, query: string): Hit[] {
  const q = query.trim();
  if (!q) return [];
  const hay = foldForFind(text) ?? text;
  const needle = (foldForFind(q) ?? q).trim();
  const hits: Hit[] = [];
  for (let at = hay.indexOf(needle); at >= 0 && hits.length < MAX_HITS; at = hay.indexOf(needle, at + needle.length)) hits.push([at, at + needle.length]);
  return hits;
}

/** Ranges for the hits over the runs of text now in the page. */
function rangesInPage(root: HTMLElement, hits: readonly Hit[]): Range[] {
  const ranges: Range[] = [];
  if (hits.length === 0) return ranges;
  for (const run of root.querySelectorAll<HTMLElement>('[data-start]')) {
    const node = run.firstChild;
    if (!(node instanceof Text)) continue;
    const start = Number(run.dataset.start);
    const end = start + node.length;
    // The first hit ending after this run starts (hits are in order).
    let lo = 0;
    let hi = hits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (hits[mid][1] <= start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < hits.length && hits[i][0] < end; i++) {
      const range = document.createRange();
      range.setStart(node, Math.max(0, hits[i][0] - start));
      range.setEnd(node, Math.min(node.length, hits[i][1] - start));
      ranges.push(range);
    }
  }
  return ranges;
}

export function FindBar({ sourceId, text, textRef, onClose }: { sourceId: string; text: string; textRef: RefObject<HTMLElement | null>; onClose(): void }) {
  const nav = useNavigation();
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(0);
  const field = useRef<HTMLInputElement>(null);
  const hits = useMemo(() => findHits(text, query), [text, query]);

  useEffect(() => field.current?.focus(), []);

  // Every hit in the page, painted again whenever the reader draws other blocks.
  useEffect(() => {
    const root = textRef.current;
    const registry = (CSS as unknown as { highlights?: Map<string, unknown> }).highlights;
    const HighlightClass = (window as unknown as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;
    if (!root || !registry || !HighlightClass) return;
    let frame = 0;
    const paint = () => registry.set(HIGHLIGHT, new HighlightClass(...rangesInPage(root, hits)));
    paint();
    const observer = new MutationObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(paint);
    });
    observer.observe(root, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
      registry.delete(HIGHLIGHT);
    };
  }, [hits, textRef]);

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

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      go(current + (event.shiftKey ? -1 : 1));
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  };

  const status = !query.trim() ? '' : hits.length === 0 ? 'No match' : `${current + 1} of ${hits.length.toLocaleString()}${hits.length >= MAX_HITS ? '+' : ''}`;
  return (
    <div className="source-find" role="search" aria-label="Find in this source">
      <input ref={field} type="search" aria-label="Find in this source" placeholder="Find in this source" value={query} onChange={(e) => setQuery(e.target.value)} onKeyDown={onKeyDown} />
      <span className="source-find-count" role="status" aria-live="polite">
        {status}
      </span>
      <button type="button" className="icon-button" aria-label="Previous match" title="Previous match (Shift+Enter)" disabled={hits.length === 0} onClick={() => go(current - 1)}>
        ↑
      </button>
      <button type="button" className="icon-button" aria-label="Next match" title="Next match (Enter)" disabled={hits.length === 0} onClick={() => go(current + 1)}>
        ↓
      </button>
      <button type="button" className="icon-button" aria-label="Close find" title="Close (Escape)" onClick={onClose}>
        ×
      </button>
    </div>
  );
}
