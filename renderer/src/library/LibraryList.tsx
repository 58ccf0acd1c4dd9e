// The library's rows as a windowed listbox: every row is the same height, so the total
// gives the list its scroll height and only the rows in view (and a few either side) are
// in the page, whatever the size of the library; their pages are asked for as they come
// into view. One Tab stop: the list holds the focus and points at its active row
// (aria-activedescendant); ↑ ↓ Page Up/Down Home End move, Enter opens. Each row says
// where it stands in the whole list (aria-posinset / aria-setsize).
import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { formatDate } from '../ui/format';
import type { SourceSummary } from '../types';
import type { LibraryPages } from './libraryPages';

/** Every row's height in pixels: two lines of title and one of details. */
export const ROW_HEIGHT = 72;
/** Rows kept in the page beyond each edge of the view, so a scroll shows rows already drawn. */
const OVERSCAN = 6;
/** The list's padding above its first row (CSS .library-list). */
const PADDING_TOP = 2;

interface Viewport {
  top: number;
  height: number;
}

export function LibraryList({ pages, total, queryKey, openId, onOpen, label }: { pages: LibraryPages; total: number; queryKey: string; openId: string | null; onOpen(id: string): void; label: string }) {
  const listRef = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState<Viewport>({ top: 0, height: 0 });
  const [active, setActive] = useState<number | null>(null);
  const [focused, setFocused] = useState(false);
  const [keyboard, setKeyboard] = useState(false);
  const frame = useRef(0);

  // The view's size before the first paint, so the first frame already shows rows; then on every resize.
  useLayoutEffect(() => {
    const list = listRef.current!;
    const measure = () => setViewport({ top: list.scrollTop, height: list.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(list);
    return () => observer.disconnect();
  }, []);

  // Another order or filter starts from the top.
  const shownKey = useRef(queryKey);
  useLayoutEffect(() => {
    if (shownKey.current === queryKey) return;
    shownKey.current = queryKey;
    const list = listRef.current!;
    list.scrollTop = 0;
    setViewport({ top: 0, height: list.clientHeight });
    setActive(null);
  }, [queryKey]);

  const onScroll = () => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      const list = listRef.current;
      if (list) setViewport({ top: list.scrollTop, height: list.clientHeight });
    });
  };
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const firstVisible = Math.max(0, Math.floor((viewport.top - PADDING_TOP) / ROW_HEIGHT));
  const lastVisible = Math.min(total - 1, Math.ceil((viewport.top + viewport.height - PADDING_TOP) / ROW_HEIGHT) - 1);
  const first = Math.max(0, firstVisible - OVERSCAN);
  const last = Math.min(total - 1, lastVisible + OVERSCAN);

  useEffect(() => {
    pages.want(first, Math.max(first, last));
  }, [pages, first, last, queryKey]);

  // The active row stays within the list as it shrinks.
  const current = active === null || total === 0 ? null : Math.min(active, total - 1);

  /** Scrolls just enough to show row `index`, and draws it in the same frame as it becomes active. */
  const reveal = (index: number) => {
    const list = listRef.current!;
    // The first and last rows bring the list's padding with them.
    const rowTop = index === 0 ? 0 : PADDING_TOP + index * ROW_HEIGHT;
    const rowBottom = index === total - 1 ? list.scrollHeight : PADDING_TOP + (index + 1) * ROW_HEIGHT;
    let top = list.scrollTop;
    if (rowTop < top) top = rowTop;
    else if (rowBottom > top + list.clientHeight) top = rowBottom - list.clientHeight;
    if (top !== list.scrollTop) list.scrollTop = top;
    setViewport({ top: list.scrollTop, height: list.clientHeight });
  };

  const move = (index: number) => {
    const next = Math.max(0, Math.min(total - 1, index));
    setActive(next);
    reveal(next);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || total === 0) return;
    setKeyboard(true);
    const at = current ?? firstVisible;
    const perView = Math.max(1, Math.floor(viewport.height / ROW_HEIGHT) - 1);
    const target: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, PageDown: at + perView, PageUp: at - perView, Home: 0, End: total - 1 };
    if (event.key in target) {
      event.preventDefault();
      move(event.key === 'ArrowDown' && current === null ? at : target[event.key]);
    } else if (event.key === 'Enter' || event.key === ' ') {
      const row = current === null ? undefined : pages.row(current);
      event.preventDefault();
      if (row) onOpen(row.id);
    }
  };

  // Focus arriving from elsewhere lands on the open source when it is in view, else on the first row in view.
  const onFocus = () => {
    setFocused(true);
    if (current !== null || total === 0) return;
    let start = firstVisible;
    for (let i = firstVisible; i <= lastVisible; i++) if (pages.row(i)?.id === openId) start = i;
    setActive(start);
  };

  const rows = [];
  for (let index = first; index <= last; index++) {
    const source = pages.row(index);
    const style: CSSProperties = { top: index * ROW_HEIGHT, height: ROW_HEIGHT };
    const isActive = index === current;
    rows.push(
      source ? (
        <LibraryRow
          key={index}
          index={index}
          total={total}
          source={source}
          style={style}
          active={isActive}
          open={source.id === openId}
          onClick={() => {
            setKeyboard(false);
            setActive(index);
            onOpen(source.id);
          }}
        />
      ) : (
        <div key={index} id={rowId(index)} role="option" aria-selected={false} aria-disabled={true} aria-posinset={index + 1} aria-setsize={total} className={`library-row library-row-loading${isActive ? ' is-active' : ''}`} style={style}>
          <span className="library-skeleton" aria-hidden="true" />
          <span className="library-skeleton library-skeleton-short" aria-hidden="true" />
          <span className="visually-hidden">Loading…</span>
        </div>
      ),
    );
  }

  return (
    <div
      ref={listRef}
      className={`library-list${focused && keyboard ? ' is-keyboard' : ''}`}
      role="listbox"
      aria-label={label}
      tabIndex={0}
      aria-activedescendant={current !== null && current >= first && current <= last ? rowId(current) : undefined}
      onScroll={onScroll}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      onBlur={() => setFocused(false)}
      onMouseDown={() => setKeyboard(false)}
    >
      <div className="library-rows" style={{ height: total * ROW_HEIGHT }}>
        {rows}
      </div>
    </div>
  );
}

const rowId = (index: number) => `library-row-${index}`;

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });
/** "Spanish (es)"; the code alone when it names no language the browser knows. */
function languageName(code: string): string {
  try {
    const name = languageNames.of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

function LibraryRow({ index, total, source: s, style, active, open, onClick }: { index: number; total: number; source: SourceSummary; style: CSSProperties; active: boolean; open: boolean; onClick(): void }) {
  const meta = [s.publisher, formatDate(s.publishedAt)].filter(Boolean).join(' · ');
  return (
    <div
      id={rowId(index)}
      role="option"
      aria-selected={open}
      aria-posinset={index + 1}
      aria-setsize={total}
      className={`library-row${active ? ' is-active' : ''}`}
      style={style}
      data-source-id={s.id}
      onClick={onClick}
    >
      <span className="nav-item-title" lang={s.language ?? undefined}>
        {s.title}
      </span>
      <span className="nav-item-meta">
        <span className="nav-item-meta-text">
          {s.reliability && (
            <span className={`grade grade-small${s.reliabilityFrom === 'publisher' ? ' grade-inherited' : ''}`} title={s.reliabilityFrom === 'publisher' ? `Reliability ${s.reliability} (from publisher)` : `Reliability ${s.reliability}`}>
              {s.reliability}
            </span>
          )}
          {s.language && (
            <span className="language-tag" title={`Language: ${languageName(s.language)}`} aria-label={`Language: ${languageName(s.language)}`}>
              {s.language.split('-')[0].toUpperCase()}
            </span>
          )}
          {meta || s.originalName || s.format}
        </span>
        {s.excerptCount > 0 && (
          <span className="count" title={`${s.excerptCount} excerpt${s.excerptCount === 1 ? '' : 's'}`} aria-label={`${s.excerptCount} excerpts`}>
            {s.excerptCount}
          </span>
        )}
      </span>
    </div>
  );
}
