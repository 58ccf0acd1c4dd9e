// The reader: a source's normalized text with every excerpt highlighted in its tag's
// colour, page markers for paged sources, selection → "Save excerpt", the source's grade
// and versions in the header, and the margin listing the source's excerpts (or one, for
// editing) — or, while reviewing, the review walk. Long texts render only near the
// viewport (SourceText).
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type MouseEvent as ReactMouseEvent, type RefObject } from 'react';
import { api } from '../api';
import { useNavigation } from '../app/navigation';
import { SourceGrade } from '../grading/SourceGrade';
import { ReviewPanel } from '../review/ReviewPanel';
import { prime } from '../state/excerptStore';
import { startReview, useReview } from '../state/panels';
import { notify, notifyError } from '../state/toasts';
import { useApiQuery } from '../state/topics';
import type { ExcerptView, Source } from '../types';
import { EmptyState } from '../ui/EmptyState';
import { formatDate } from '../ui/format';
import { SUPPORTED_LABEL } from '../import/files';
import { tagHue } from './colors';
import { ExcerptForm, type ExcerptDetails } from './ExcerptForm';
import { ExcerptMargin } from './ExcerptMargin';
import { blocksOf, pageMarksOf, type Mark } from './layout';
import { rangeToOffsets } from './selectionOffsets';
import { SourceDetailsDialog } from './SourceDetailsDialog';
import { PASSAGE, PENDING, SourceText, type RevealRequest } from './SourceText';
import { VersionsMenu } from './VersionsMenu';
import { SourceCitedIn } from '../briefs/CitedIn';
import { useReaderMentions } from '../entities/ReaderMentions';
/** Below this pane width the excerpt margin floats over the text instead of squeezing it. */
const NARROW_READER = 980;

function useNarrow(ref: RefObject<HTMLElement | null>, limit: number): boolean {
  const [narrow, setNarrow] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setNarrow(el.getBoundingClientRect().width < limit);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, limit]);
  return narrow;
}

interface Anchor {
  start: number;
  end: number;
  /** Position of the popover inside the scrolling text area. */
  top: number;
  left: number;
}

const isMac = /Mac|iPhone|iPad/.test(navigator.platform);
export const SAVE_SHORTCUT_LABEL = isMac ? '⌘⇧E' : 'Ctrl+Shift+E';

export function Reader() {
  const nav = useNavigation();
  const sourceId = nav.sourceId;
  const source = useApiQuery(sourceId ? () => api['sources:get']({ id: sourceId }) : null, [sourceId], ['sources']);
  const excerpts = useApiQuery(
    sourceId
      ? () =>
          api['excerpts:list']({ sourceId }).then((list) => {
            prime(list);
            return list;
          })
      : null,
    [sourceId],
    ['excerpts'],
  );

  if (!sourceId) {
    return (
      <section className="pane reader" aria-label="Reader">
        <EmptyState title="Nothing open in the reader">{`Pick a source in the library, or import ${SUPPORTED_LABEL} files.`}</EmptyState>
      </section>
    );
  }
  if (source.error && !source.data) {
    return (
      <section className="pane reader" aria-label="Reader">
        <EmptyState title="This source could not be opened">{source.error.message}</EmptyState>
      </section>
    );
  }
  if (!source.data || source.data.id !== sourceId) {
    return (
      <section className="pane reader" aria-label="Reader" aria-busy="true">
        <div className="loading">Opening source…</div>
      </section>
    );
  }
  return <SourceReader key={sourceId} source={source.data} excerpts={excerpts.data ?? []} />;
}

/** A new value for every focus request: restarts the highlight's pulse, and scrolls when asked. */
let focusCounter = 0;

function SourceReader({ source, excerpts }: { source: Source; excerpts: ExcerptView[] }) {
  const nav = useNavigation();
  const review = useReview();
  const scrollRef = useRef<HTMLDivElement>(null);
  const textRef = useRef<HTMLElement>(null);
  const [selectionAnchor, setSelectionAnchor] = useState<Anchor | null>(null);
  const [composer, setComposer] = useState<Anchor | null>(null);
  const [saving, setSaving] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [focusNonce, setFocusNonce] = useState(0);
  const [reveal, setReveal] = useState<RevealRequest | null>(null);
  /** The excerpt being pointed at a new passage (review → Fix), if any. */
  const [fixing, setFixing] = useState<ExcerptView | null>(null);
  /** Where the last press in the text was: that block stays rendered while a selection is dragged. */
  const [pressAt, setPressAt] = useState<number | null>(null);
  const sectionRef = useRef<HTMLElement>(null);
  // Beside the text when the pane is wide; over it, on demand, when the pane is narrow.
  const narrow = useNarrow(sectionRef, NARROW_READER);
  const [dockedOpen, setDockedOpen] = useState(() => localStorage.getItem('sourcebook.margin') !== 'closed');
  const [drawerOpen, setDrawerOpen] = useState(false);
  const marginOpen = narrow ? drawerOpen : dockedOpen;
  const [detailsOpen, setDetailsOpen] = useState(false);
  const pointerDown = useRef(false);
  // Entity mentions: dotted underlines, and a popover on click (entities/ReaderMentions).
  const entityMentions = useReaderMentions(source, scrollRef);

  /** Offsets address the text of the excerpt's version: only those on the version shown (not orphaned) have a place here. */
  const placed = useCallback((e: ExcerptView) => e.state !== 'orphaned' && e.version === source.version, [source.version]);

  // A passage asked for by offset (nav.openPassage): revealed and marked for a moment.
  const [passage, setPassage] = useState<{ start: number; end: number } | null>(null);
  const passageHandled = useRef<number | null>(null);
  const passageTimer = useRef<number | undefined>(undefined);
  const navPassage = nav.passage && nav.passage.sourceId === source.id ? nav.passage : null;
  useEffect(() => {
    if (!navPassage || passageHandled.current === navPassage.nonce) return;
    passageHandled.current = navPassage.nonce;
    const start = Math.max(0, Math.min(navPassage.start, source.text.length));
    const end = Math.max(start, Math.min(navPassage.end, source.text.length));
    if (end <= start) return;
    setPassage({ start, end });
    setReveal({ excerptId: PASSAGE, offset: start, nonce: ++focusCounter });
    window.clearTimeout(passageTimer.current);
    passageTimer.current = window.setTimeout(() => setPassage(null), 4000);
  }, [navPassage, source.text.length]);
  useEffect(() => () => window.clearTimeout(passageTimer.current), []);

  const marks = useMemo<Mark[]>(() => {
    const list: Mark[] = excerpts.filter(placed).map((e) => ({ id: e.id, start: e.start, end: e.end }));
    if (composer) list.push({ id: PENDING, start: composer.start, end: composer.end });
    if (passage) list.push({ id: PASSAGE, start: passage.start, end: passage.end });
    return list;
  }, [excerpts, composer, placed, passage]);
  const blocks = useMemo(() => blocksOf(source.text), [source.text]);
  const pageMarks = useMemo(() => pageMarksOf(blocks, source.pages), [blocks, source.pages]);
  const hues = useMemo(() => new Map(excerpts.map((e) => [e.id, tagHue(e.tags[0])])), [excerpts]);
  const lengths = useMemo(() => new Map(excerpts.map((e) => [e.id, e.end - e.start])), [excerpts]);
  const fuzzyIds = useMemo(() => new Set(excerpts.filter((e) => e.state === 'fuzzy').map((e) => e.id)), [excerpts]);
  const toReview = excerpts.filter((e) => e.state === 'fuzzy' || e.state === 'orphaned').length;

  const focusedStart = useMemo(() => {
    const e = focusedId ? excerpts.find((x) => x.id === focusedId) : undefined;
    return e && placed(e) ? e.start : null;
  }, [focusedId, excerpts, placed]);
  const pins = useMemo(
    () => [composer?.start, composer?.end, selectionAnchor?.start, selectionAnchor?.end, pressAt, focusedStart].filter((x): x is number => typeof x === 'number'),
    [composer, selectionAnchor, pressAt, focusedStart],
  );

  /** Marks an excerpt's passage (pulse) and, when asked, scrolls it into view. */
  const focusExcerpt = useCallback(
    (excerpt: ExcerptView, scroll: boolean) => {
      const nonce = ++focusCounter;
      setFocusedId(excerpt.id);
      setFocusNonce(nonce);
      if (scroll && placed(excerpt)) setReveal({ excerptId: excerpt.id, offset: excerpt.start, nonce });
    },
    [placed],
  );

  const toggleMargin = () => {
    if (narrow) {
      setDrawerOpen((open) => !open);
      return;
    }
    setDockedOpen((open) => {
      localStorage.setItem('sourcebook.margin', open ? 'closed' : 'open');
      return !open;
    });
  };

  /** Where the current DOM selection is, in text offsets and popover position; null if none. */
  const readSelection = useCallback((): Anchor | null => {
    const selection = window.getSelection();
    const root = textRef.current;
    const scroller = scrollRef.current;
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed || !root || !scroller) return null;
    const range = selection.getRangeAt(0);
    const offsets = rangeToOffsets(root, range, source.text);
    if (!offsets) return null;
    const rects = range.getClientRects();
    const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
    const box = scroller.getBoundingClientRect();
    const left = Math.min(Math.max(last.right - box.left + scroller.scrollLeft - 40, 8), box.width - 340);
    return { ...offsets, top: last.bottom - box.top + scroller.scrollTop + 8, left: Math.max(8, left) };
  }, [source.text]);

  useEffect(() => {
    const onSelectionChange = () => {
      if (pointerDown.current) return;
      setSelectionAnchor(readSelection());
    };
    const onPointerUp = () => {
      if (!pointerDown.current) return;
      pointerDown.current = false;
      setSelectionAnchor(readSelection());
    };
    document.addEventListener('selectionchange', onSelectionChange);
    document.addEventListener('mouseup', onPointerUp);
    return () => {
      document.removeEventListener('selectionchange', onSelectionChange);
      document.removeEventListener('mouseup', onPointerUp);
    };
  }, [readSelection]);

  const openComposer = useCallback(
    (anchor: Anchor | null) => {
      const target = anchor ?? readSelection();
      if (!target) {
        notify('Select a passage in the reader first, then save it as an excerpt.');
        return;
      }
      setComposer(target);
      setSelectionAnchor(null);
      // The drawer would cover the popover.
      if (narrow) setDrawerOpen(false);
    },
    [readSelection, narrow],
  );

  /** Review → Fix: the selected passage becomes the excerpt's passage in the current text. */
  const usePassage = useCallback(
    async (anchor: Anchor) => {
      if (!fixing) return;
      try {
        const view = await api['excerpts:reanchor']({ id: fixing.id, start: anchor.start, end: anchor.end });
        window.getSelection()?.removeAllRanges();
        setSelectionAnchor(null);
        setFixing(null);
        focusExcerpt(view, false);
        notify('The excerpt now points at the passage you selected.');
      } catch (error) {
        notifyError(error, 'The excerpt was not fixed');
      }
    },
    [fixing, focusExcerpt],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.shiftKey && event.key.toLowerCase() === 'e') {
        const anchor = readSelection();
        if (!anchor && !composer) return;
        event.preventDefault();
        if (!anchor) return;
        if (fixing) void usePassage(anchor);
        else openComposer(anchor);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [readSelection, openComposer, composer, fixing, usePassage]);

  const saveExcerpt = async (details: ExcerptDetails) => {
    if (!composer) return;
    setSaving(true);
    try {
      const view = await api['excerpts:create']({ sourceId: source.id, start: composer.start, end: composer.end, ...details });
      window.getSelection()?.removeAllRanges();
      setComposer(null);
      setSelectedId(null);
      focusExcerpt(view, true);
      notify('Excerpt saved.');
    } catch (error) {
      notifyError(error, 'The excerpt was not saved');
    } finally {
      setSaving(false);
    }
  };

  // Reveal a passage on request (a citation click, a search result, the review).
  // Each request is honoured once, as soon as the excerpt is loaded — not again on reloads.
  const navReveal = nav.reveal;
  const revealed = useRef<number | null>(null);
  useEffect(() => {
    if (!navReveal || revealed.current === navReveal.nonce) return;
    const target = excerpts.find((e) => e.id === navReveal.excerptId);
    if (!target) return;
    revealed.current = navReveal.nonce;
    if (!placed(target)) {
      // Nothing to point at in this text: show the excerpt itself, and say why.
      if (review) return;
      setSelectedId(target.id);
      if (narrow) setDrawerOpen(true);
      else setDockedOpen(true);
      notify('This passage is no longer in the current text of the source; the excerpt keeps its quote.');
      return;
    }
    focusExcerpt(target, true);
  }, [navReveal, excerpts, placed, narrow, review, focusExcerpt]);

  useEffect(() => {
    if (!narrow || !drawerOpen || selectedId || review) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !composer) setDrawerOpen(false);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [narrow, drawerOpen, selectedId, composer, review]);

  const onTextClick = (event: ReactMouseEvent) => {
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) return;
    if (!fixing && entityMentions.onTextClick(event)) return;
    const hit = (event.target as HTMLElement).closest<HTMLElement>('[data-ids]');
    const ids = hit?.dataset.ids?.split(' ').filter((id) => id !== PENDING && id !== PASSAGE) ?? [];
    if (ids.length === 0 || review) return;
    // The most specific excerpt under the pointer: the shortest.
    const id = ids.reduce((a, b) => ((lengths.get(b) ?? Infinity) < (lengths.get(a) ?? Infinity) ? b : a));
    selectExcerpt(id, false);
  };

  const onTextMouseDown = (event: ReactMouseEvent) => {
    pointerDown.current = true;
    const run = (event.target as HTMLElement).closest<HTMLElement>('[data-start]');
    setPressAt(run ? Number(run.dataset.start) : null);
  };

  const selectExcerpt = (id: string | null, scroll: boolean) => {
    setSelectedId(id);
    const excerpt = id ? excerpts.find((e) => e.id === id) : undefined;
    if (excerpt) {
      focusExcerpt(excerpt, scroll);
      if (!marginOpen) toggleMargin();
    }
  };

  const showExcerptInReview = useCallback((x: ExcerptView) => focusExcerpt(x, true), [focusExcerpt]);

  const meta = [source.author, source.publisher, formatDate(source.publishedAt)].filter(Boolean).join(' · ');
  const lastPage = source.pages?.length ? source.pages[source.pages.length - 1].page : null;

  return (
    <section
      ref={sectionRef}
      className={`pane reader${marginOpen || review ? ' margin-open' : ''}${narrow ? ' is-narrow' : ''}${fixing ? ' is-fixing' : ''}`}
      aria-label="Reader"
    >
      <header className="reader-header">
        <h2 className="reader-title">{source.title}</h2>
        <SourceCitedIn sourceId={source.id} />
        <div className="reader-actions">
          <VersionsMenu source={source} />
          <button type="button" className="button" onClick={() => setDetailsOpen(true)}>
            Edit details
          </button>
          <button type="button" className="button" aria-pressed={marginOpen && !review} onClick={toggleMargin} aria-controls="excerpt-margin" disabled={!!review}>
            Excerpts <span className="count">{excerpts.length}</span>
          </button>
        </div>
        <p className="reader-meta">
          {meta && <span>{meta}</span>}
          <SourceGrade source={source} />
          {lastPage !== null && (
            <span className="reader-pages">
              {lastPage} page{lastPage === 1 ? '' : 's'}
            </span>
          )}
          {source.url && (
            <a href={source.url} target="_blank" rel="noreferrer noopener" className="reader-url">
              {source.url.replace(/^https?:\/\//, '')}
            </a>
          )}
          {toReview > 0 && !review && (
            <button type="button" className="review-chip" onClick={() => startReview(source.id)} title="Excerpts to confirm or fix after the text changed">
              {toReview} to review
            </button>
          )}
        </p>
      </header>
      <div className="reader-body">
        <div className="reader-scroll" ref={scrollRef} onMouseDown={onTextMouseDown}>
          {fixing && (
            <div className="fix-banner" role="status">
              Select the passage for the excerpt “{fixing.quote.length > 80 ? `${fixing.quote.slice(0, 80)}…` : fixing.quote}”, then choose <strong>Use this passage</strong>.
            </div>
          )}
          <article className="reader-text" ref={textRef} onClick={onTextClick} aria-label={`Text of ${source.title}`} lang={source.language ?? undefined}>
            <SourceText
              key={`${source.version}-${source.contentHash}`}
              text={source.text}
              blocks={blocks}
              pageMarks={pageMarks}
              marks={marks}
              hues={hues}
              lengths={lengths}
              fuzzyIds={fuzzyIds}
              focusedId={focusedId}
              selectedId={selectedId}
              focusNonce={focusNonce}
              pins={pins}
              reveal={reveal}
              scrollRef={scrollRef}
              mentions={entityMentions.mentions}
            />
          </article>
          {selectionAnchor && !composer && (
            <div className="selection-action" style={{ top: selectionAnchor.top, left: selectionAnchor.left }}>
              {fixing ? (
                <button type="button" className="button button-primary" onMouseDown={(e) => e.preventDefault()} onClick={() => void usePassage(selectionAnchor)}>
                  Use this passage <kbd>{SAVE_SHORTCUT_LABEL}</kbd>
                </button>
              ) : (
                <button type="button" className="button button-primary" onMouseDown={(e) => e.preventDefault()} onClick={() => openComposer(selectionAnchor)}>
                  Save excerpt <kbd>{SAVE_SHORTCUT_LABEL}</kbd>
                </button>
              )}
            </div>
          )}
          {composer && (
            <SavePopover
              anchor={composer}
              quote={source.text.slice(composer.start, composer.end)}
              saving={saving}
              onSave={saveExcerpt}
              onClose={() => setComposer(null)}
            />
          )}
          {entityMentions.popover}
        </div>
        {review ? (
          <ReviewPanel review={review} sourceId={source.id} fixingId={fixing?.id ?? null} onFix={setFixing} onShow={showExcerptInReview} />
        ) : (
          marginOpen && (
            <ExcerptMargin
              excerpts={excerpts}
              selectedId={selectedId}
              onSelect={(id) => selectExcerpt(id, true)}
              onBack={() => setSelectedId(null)}
              onClose={toggleMargin}
            />
          )
        )}
      </div>
      {detailsOpen && <SourceDetailsDialog source={source} onClose={() => setDetailsOpen(false)} />}
    </section>
  );
}

function SavePopover({
  anchor,
  quote,
  saving,
  onSave,
  onClose,
}: {
  anchor: Anchor;
  quote: string;
  saving: boolean;
  onSave(details: ExcerptDetails): void;
  onClose(): void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        onClose();
      }
    };
    document.addEventListener('keydown', onKey);
    ref.current?.scrollIntoView({ block: 'nearest' });
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="popover save-popover" role="dialog" aria-label="Save excerpt" ref={ref} style={{ top: anchor.top, left: anchor.left }}>
      <p className="popover-quote">“{quote.length > 220 ? `${quote.slice(0, 220)}…` : quote}”</p>
      <ExcerptForm submitLabel={saving ? 'Saving…' : 'Save excerpt'} busy={saving} onSubmit={onSave} onCancel={onClose} autoFocus />
    </div>
  );
}
