// The library as a table (Zotero's middle pane): one row per source, in the library's
// order and filter (the same as the sidebar's: libraryPages.ts), columns sortable by their
// header and chosen by the analyst, rows windowed by TanStack Virtual so 50,000 sources
// cost what a screenful does. Pages of rows are asked for as they come into view.
//
// One Tab stop for the rows: the grid holds the focus and points at its active row
// (aria-activedescendant). ↑ ↓ Page Up/Down Home End move; with Shift they extend the
// selection; Space adds or removes the active row; Enter opens it in the reader; Delete
// moves the selection to the Trash; typing letters jumps to the next title that starts
// with them. A click selects a row and opens it; Ctrl/Cmd+click adds or removes one,
// Shift+click selects a range. Bulk actions (grade, tag, export, move to the Trash) act on the
// selection. Sources with the same title among the rows shown are told apart by their
// publisher, date and format.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { api } from '../api';
import { DEFAULT_SORT_DIRECTION, MAX_BULK_SOURCES, MAX_SOURCE_PAGE, type SourceSort } from '../../../common/library';
import { useNavigation } from '../app/navigation';
import { notify, notifyError } from '../state/toasts';
import { moveManyToTrash } from '../state/trash';
import { PaneHeader } from '../entities/PaneHeader';
import { formatDate } from '../ui/format';
import { base64ToBytes, download } from '../ui/download';
import { BulkTag } from './BulkTag';
import { RELIABILITY, RELIABILITY_LABELS, type LibraryRow, type Reliability } from '../types';
import { LibraryFilter } from './LibraryFilter';
import { libraryQuery, useLibraryPages, useLibraryQuery } from './libraryPages';
import './libraryTable.css';
import { DIRECTION_LABELS, SORT_LABELS } from './orders';

const ROW_HEIGHT = 34;
const TYPE_AHEAD_MS = 700;

type ColumnId = 'title' | 'publisher' | 'published' | 'added' | 'grade' | 'excerpts' | 'mentions' | 'language' | 'format' | 'tags';

interface Column {
  id: ColumnId;
  label: string;
  /** The order its header sorts by (format has none: the table is never sorted by it). */
  sort?: SourceSort;
  width: string;
  numeric?: boolean;
  cell(row: LibraryRow): string;
}

const COLUMNS: readonly Column[] = [
  { id: 'title', label: 'Title', sort: 'title', width: 'minmax(180px, 3fr)', cell: (r) => r.title },
  { id: 'publisher', label: 'Publisher', sort: 'publisher', width: 'minmax(100px, 1.3fr)', cell: (r) => r.publisher ?? '' },
  { id: 'published', label: 'Published', sort: 'published', width: '104px', cell: (r) => formatDate(r.publishedAt) ?? '' },
  { id: 'added', label: 'Added', sort: 'added', width: '104px', cell: (r) => formatDate(r.capturedAt) ?? '' },
  { id: 'grade', label: 'Grade', sort: 'grade', width: '60px', cell: (r) => r.reliability ?? '' },
  { id: 'excerpts', label: 'Excerpts', sort: 'excerpts', width: '84px', numeric: true, cell: (r) => String(r.excerptCount) },
  { id: 'mentions', label: 'Mentions', sort: 'mentions', width: '88px', numeric: true, cell: (r) => String(r.mentionCount) },
  { id: 'language', label: 'Language', sort: 'language', width: '90px', cell: (r) => r.language ?? '' },
  { id: 'format', label: 'Format', width: '76px', cell: (r) => r.format.toUpperCase() },
  { id: 'tags', label: 'Tags', width: 'minmax(90px, 1.2fr)', cell: (r) => r.tags.join(', ') },
];

const COLUMNS_KEY = 'sourcebook.libraryColumns';
// What fits beside the reader at 1024 px; Added, Mentions, Language, Format and Tags are a click away.
const DEFAULT_COLUMNS: readonly ColumnId[] = ['title', 'publisher', 'published', 'grade', 'excerpts'];

function loadColumns(): ColumnId[] {
  try {
    const saved = JSON.parse(localStorage.getItem(COLUMNS_KEY) ?? 'null') as unknown;
    if (Array.isArray(saved)) {
      const known = COLUMNS.map((c) => c.id).filter((id) => saved.includes(id));
      if (known.includes('title')) return known;
    }
  } catch {
    // A damaged setting: the default columns.
  }
  return [...DEFAULT_COLUMNS];
}

/** Which way each header says it sorts, for aria-sort. */
const ariaSort = (column: Column, sort: SourceSort, direction: 'asc' | 'desc') =>
  column.sort === sort ? (direction === 'asc' ? 'ascending' : 'descending') : column.sort ? 'none' : undefined;

export function LibraryTable() {
  const nav = useNavigation();
  const query = useLibraryQuery();
  const pages = useLibraryPages();
  const total = pages.total ?? 0;
  const [shown, setShown] = useState<ColumnId[]>(loadColumns);
  const [choosing, setChoosing] = useState(false);
  const [active, setActive] = useState<number | null>(null);
  const [anchor, setAnchor] = useState<number | null>(null);
  /** The selected sources by id, with their titles (for the Trash's Undo toast). */
  const [selected, setSelected] = useState<Map<string, string>>(new Map());
  const scrollRef = useRef<HTMLDivElement>(null);
  const typed = useRef({ text: '', at: 0 });
  const columns = COLUMNS.filter((c) => shown.includes(c.id));
  const template = columns.map((c) => c.width).join(' ');

  useEffect(() => localStorage.setItem(COLUMNS_KEY, JSON.stringify(shown)), [shown]);

  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => pages.want(first, Math.max(first, last)), [pages, first, last, query]);

  // Another order or filter: from the top, nothing selected.
  const queryKey = `${query.sort}:${query.direction}:${query.filter.trim()}`;
  const shownKey = useRef(queryKey);
  useEffect(() => {
    if (shownKey.current === queryKey) return;
    shownKey.current = queryKey;
    virtualizer.scrollToIndex(0);
    setActive(null);
    setAnchor(null);
    setSelected(new Map());
  }, [queryKey, virtualizer]);

  // Titles that more than one of the loaded rows share: those rows say more about themselves.
  const sharedTitles = useMemo(() => {
    const seen = new Map<string, number>();
    for (let i = Math.max(0, first - 50); i <= Math.min(total - 1, last + 50); i++) {
      const row = pages.row(i);
      if (row) seen.set(row.title.toLowerCase(), (seen.get(row.title.toLowerCase()) ?? 0) + 1);
    }
    return new Set([...seen].filter(([, n]) => n > 1).map(([t]) => t));
    // pages.version: a page arrived.
  }, [pages, pages.version, first, last, total]);

  const sortBy = (sort: SourceSort) =>
    libraryQuery.set({ ...libraryQuery.get(), sort, direction: query.sort === sort ? (query.direction === 'asc' ? 'desc' : 'asc') : DEFAULT_SORT_DIRECTION[sort] });

  /** The rows from..to (inclusive), loaded or asked for: a range selection needs every one. */
  async function rowsBetween(from: number, to: number): Promise<LibraryRow[]> {
    const [a, b] = from <= to ? [from, to] : [to, from];
    const count = b - a + 1;
    const loaded = Array.from({ length: count }, (_, i) => pages.row(a + i));
    if (loaded.every(Boolean)) return loaded as LibraryRow[];
    return titleAt(a, Math.min(count, MAX_SOURCE_PAGE));
  }

  async function selectRange(to: number, keep: boolean) {
    const from = anchor ?? to;
    const span = Math.abs(to - from) + 1;
    if (span > MAX_SOURCE_PAGE) notify(`A range selects at most ${MAX_SOURCE_PAGE} sources at a time; the first ${MAX_SOURCE_PAGE} from where it began are selected.`, 'info');
    const end = from <= to ? Math.min(to, from + MAX_SOURCE_PAGE - 1) : Math.max(to, from - MAX_SOURCE_PAGE + 1);
    const rows = await rowsBetween(from, end);
    setSelected((current) => {
      const next = keep ? new Map(current) : new Map<string, string>();
      for (const r of rows) next.set(r.id, r.title);
      return next;
    });
  }

  function moveTo(index: number, how: 'only' | 'extend' | 'keep') {
    const target = Math.max(0, Math.min(total - 1, index));
    setActive(target);
    virtualizer.scrollToIndex(target, { align: 'auto' });
    if (how === 'extend') void selectRange(target, false);
    else if (how === 'only') {
      setAnchor(target);
      const row = pages.row(target);
      setSelected(row ? new Map([[row.id, row.title]]) : new Map());
    }
  }

  function toggle(index: number) {
    const row = pages.row(index);
    if (!row) return;
    setAnchor(index);
    setSelected((current) => {
      const next = new Map(current);
      if (next.has(row.id)) next.delete(row.id);
      else next.set(row.id, row.title);
      return next;
    });
  }

  function open(index: number) {
    const row = pages.row(index);
    if (row) nav.openSource(row.id);
  }

  function onRowClick(event: MouseEvent, index: number) {
    scrollRef.current?.focus({ preventScroll: true });
    setActive(index);
    if (event.shiftKey) void selectRange(index, event.ctrlKey || event.metaKey);
    else if (event.ctrlKey || event.metaKey) toggle(index);
    else {
      moveTo(index, 'only');
      open(index);
    }
  }

  function typeAhead(key: string) {
    const now = Date.now();
    typed.current = { text: now - typed.current.at > TYPE_AHEAD_MS ? key : typed.current.text + key, at: now };
    const text = typed.current.text.toLowerCase();
    // A new first letter looks from the next row on; more letters of the same word from this one.
    const from = typed.current.text.length === 1 ? (active ?? -1) + 1 : Math.max(0, active ?? 0);
    const hit = (row: LibraryRow | undefined) => !!row && row.title.toLowerCase().startsWith(text);
    for (let k = 0; k < total; k++) {
      const i = (from + k) % total;
      if (hit(pages.row(i))) return moveTo(i, 'only');
    }
    // Not among the rows loaded: in A-to-Z order the server's rows are searched by halves
    // (a few one-row pages at any size); in another order, the next rows are fetched.
    void findTitleFar(text, from).then((index) => {
      if (index !== null && typed.current.text.toLowerCase() === text) moveTo(index, 'only');
    });
  }

  async function titleAt(offset: number, limit = 1): Promise<LibraryRow[]> {
    const filter = query.filter.trim();
    return (await api['sources:page']({ offset, limit, sort: query.sort, direction: query.direction, ...(filter ? { filter } : {}) })).rows;
  }

  async function findTitleFar(text: string, from: number): Promise<number | null> {
    if (query.sort === 'title' && query.direction === 'asc') {
      let [lo, hi] = [0, total];
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const [row] = await titleAt(mid);
        if (row && row.title.toLowerCase() < text) lo = mid + 1;
        else hi = mid;
      }
      const [row] = lo < total ? await titleAt(lo) : [];
      return row?.title.toLowerCase().startsWith(text) ? lo : null;
    }
    const rows = await titleAt(from, MAX_SOURCE_PAGE);
    const k = rows.findIndex((r) => r.title.toLowerCase().startsWith(text));
    return k < 0 ? null : from + k;
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.target !== scrollRef.current || total === 0) return;
    const page = Math.max(1, Math.floor((scrollRef.current!.clientHeight - ROW_HEIGHT) / ROW_HEIGHT));
    const how = event.shiftKey ? 'extend' : 'only';
    const at = active ?? -1;
    const step: Record<string, number> = { ArrowDown: at + 1, ArrowUp: Math.max(0, at - 1), PageDown: at + page, PageUp: Math.max(0, at - page), Home: 0, End: total - 1 };
    if (event.key in step && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      return moveTo(step[event.key], how);
    }
    if (event.key === 'Enter' && active !== null) {
      event.preventDefault();
      return open(active);
    }
    if (event.key === ' ' && active !== null) {
      event.preventDefault();
      return toggle(active);
    }
    if ((event.key === 'Delete' || event.key === 'Backspace') && selected.size > 0) {
      event.preventDefault();
      return void trashSelected();
    }
    if (event.key === 'Escape' && selected.size > 0) {
      event.preventDefault();
      return setSelected(new Map());
    }
    if (event.key.length === 1 && event.key !== ' ' && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      typeAhead(event.key);
    }
  }

  const selection = [...selected.keys()];

  async function trashSelected() {
    const items = [...selected].map(([id, title]) => ({ id, title }));
    try {
      await moveManyToTrash('source', items);
      setSelected(new Map());
    } catch (error) {
      notifyError(error, 'Nothing was moved to the Trash');
    }
  }

  async function gradeSelected(reliability: Reliability | null) {
    try {
      const { graded } = await api['sources:gradeMany']({ ids: selection, reliability });
      notify(reliability ? `Graded ${graded} ${graded === 1 ? 'source' : 'sources'} ${reliability}.` : `Cleared the grade of ${graded} ${graded === 1 ? 'source' : 'sources'}.`);
    } catch (error) {
      notifyError(error, 'No source was graded');
    }
  }

  /** Adds (or removes) a tag on every selected source, all or none. */
  async function tagSelected(tag: string, remove: boolean): Promise<boolean> {
    try {
      const { tagged } = await api['sources:tagMany']({ ids: selection, add: remove ? [] : [tag], remove: remove ? [tag] : [] });
      notify(`${remove ? 'Removed' : 'Tagged'} ${tagged} ${tagged === 1 ? 'source' : 'sources'} ${remove ? 'from' : 'with'} “${tag.trim()}”.`);
      return true;
    } catch (error) {
      notifyError(error, 'No source was tagged');
      return false;
    }
  }

  /** The selected sources as an evidence package (a workspace file) to download. */
  async function exportSelected() {
    try {
      const { packageBase64, fileName } = await api['sources:package']({ ids: selection });
      download(base64ToBytes(packageBase64), fileName, 'application/vnd.sourcebook+sqlite');
      notify(`Exported ${selection.length} ${selection.length === 1 ? 'source' : 'sources'} as ${fileName}: merge it into another workspace to bring them there.`);
    } catch (error) {
      notifyError(error, 'The sources were not exported');
    }
  }

  const activeId = active !== null && active < total ? `library-table-row-${active}` : undefined;
  const tooMany = selection.length > MAX_BULK_SOURCES;

  return (
    <>
      <PaneHeader
        title={
          <>
            Library {pages.total !== null && <span className="count">{pages.total.toLocaleString()}</span>}
          </>
        }
      />
      <div className="library-table-tools">
        <LibraryFilter />
        <div className="library-columns">
          <button type="button" className="button" aria-expanded={choosing} aria-controls="library-columns-menu" onClick={() => setChoosing((c) => !c)}>
            Columns
          </button>
          {choosing && (
            <fieldset id="library-columns-menu" className="library-columns-menu">
              <legend>Columns shown</legend>
              {COLUMNS.map((c) => (
                <label key={c.id}>
                  <input
                    type="checkbox"
                    checked={shown.includes(c.id)}
                    disabled={c.id === 'title'}
                    onChange={(e) => setShown((s) => (e.target.checked ? COLUMNS.map((x) => x.id).filter((id) => id === c.id || s.includes(id)) : s.filter((id) => id !== c.id)))}
                  />
                  {c.label}
                </label>
              ))}
            </fieldset>
          )}
        </div>
      </div>
      {selection.length > 0 && (
        <div className="library-bulk" role="toolbar" aria-label="Selected sources">
          <span className="library-bulk-count" role="status">
            {selection.length.toLocaleString()} selected
          </span>
          <label className="library-bulk-grade">
            Grade
            <select
              value=""
              disabled={tooMany}
              onChange={(e) => {
                if (e.target.value) void gradeSelected(e.target.value === 'none' ? null : (e.target.value as Reliability));
              }}
            >
              <option value="">Choose…</option>
              {RELIABILITY.map((r) => (
                <option key={r} value={r}>
                  {RELIABILITY_LABELS[r]}
                </option>
              ))}
              <option value="none">Not graded</option>
            </select>
          </label>
          <BulkTag disabled={tooMany} onTag={tagSelected} />
          <button type="button" className="button" disabled={tooMany} onClick={() => void exportSelected()} title="An evidence package: the sources with their versions, tags, excerpts and entities, to merge into another workspace">
            Export…
          </button>
          <button type="button" className="button button-danger" disabled={tooMany} onClick={() => void trashSelected()}>
            Move to Trash
          </button>
          <button type="button" className="button" onClick={() => setSelected(new Map())}>
            Clear selection
          </button>
          {tooMany && <span className="field-hint">At most {MAX_BULK_SOURCES.toLocaleString()} at a time.</span>}
        </div>
      )}
      <div
        ref={scrollRef}
        className="library-table"
        role="grid"
        aria-label="Sources"
        aria-rowcount={total + 1}
        aria-colcount={columns.length}
        aria-multiselectable="true"
        aria-activedescendant={activeId}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onFocus={() => {
          if (active === null && total > 0) setActive(0);
        }}
        style={{ ['--library-columns' as string]: template }}
      >
        <div role="rowgroup" className="library-table-head">
          <div role="row" aria-rowindex={1} className="library-table-row">
            {columns.map((c) => (
              <div key={c.id} role="columnheader" aria-sort={ariaSort(c, query.sort, query.direction)} className={c.numeric ? 'is-numeric' : undefined}>
                {c.sort ? (
                  <button
                    type="button"
                    tabIndex={-1}
                    title={`Sort by ${c.label.toLowerCase()}, ${DIRECTION_LABELS[c.sort][query.sort === c.sort && query.direction === DEFAULT_SORT_DIRECTION[c.sort] ? (query.direction === 'asc' ? 'desc' : 'asc') : DEFAULT_SORT_DIRECTION[c.sort]]}`}
                    onClick={() => sortBy(c.sort!)}
                  >
                    {SORT_LABELS[c.sort]}
                    {query.sort === c.sort && <span aria-hidden="true">{query.direction === 'asc' ? ' ↑' : ' ↓'}</span>}
                  </button>
                ) : (
                  c.label
                )}
              </div>
            ))}
          </div>
        </div>
        <div role="rowgroup" className="library-table-body" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = pages.row(item.index);
            const isSelected = !!row && selected.has(row.id);
            return (
              <div
                key={item.key}
                id={`library-table-row-${item.index}`}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={isSelected}
                className={`library-table-row${isSelected ? ' is-selected' : ''}${item.index === active ? ' is-active' : ''}${row && row.id === nav.sourceId ? ' is-open' : ''}`}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                onClick={(e) => onRowClick(e, item.index)}
              >
                {row
                  ? columns.map((c) => {
                      const text = c.cell(row);
                      const twin = c.id === 'title' && sharedTitles.has(row.title.toLowerCase());
                      const detail = twin ? [row.publisher, formatDate(row.publishedAt), row.format.toUpperCase()].filter(Boolean).join(' · ') : '';
                      return (
                        <div key={c.id} role="gridcell" className={c.numeric ? 'is-numeric' : undefined} title={twin ? `${text} — ${detail}` : text}>
                          <span dir={c.id === 'title' ? 'auto' : undefined}>{text}</span>
                          {twin && <span className="library-twin"> — {detail}</span>}
                        </div>
                      );
                    })
                  : columns.map((c) => (
                      <div key={c.id} role="gridcell" className="is-loading">
                        {c.id === 'title' ? 'Loading…' : ''}
                      </div>
                    ))}
              </div>
            );
          })}
        </div>
      </div>
      {total === 0 && pages.total !== null && (
        <p className="library-table-empty" role="status">
          {query.filter.trim() ? `Nothing in the library matches “${query.filter.trim()}”.` : 'No sources yet.'}
        </p>
      )}
    </>
  );
}
