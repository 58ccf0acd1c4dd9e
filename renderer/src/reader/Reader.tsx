// The reader: a source's normalized text with every excerpt highlighted in its tag's
// colour, page markers for paged sources, selection → "Save excerpt", the source's grade
// and versions in the header, and the margin listing the source's excerpts (or one, for
// editing) — or, while reviewing, the review walk. Long texts render only near the
// viewport (SourceText). The selection, requests to reveal a place, the margin's layout
// and the highlights each live in a hook of their own (use*.ts beside this file).
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type MouseEvent as ReactMouseEvent } from 'react';
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
import type { ExcerptDetails } from './ExcerptForm';
import { ExcerptMargin } from './ExcerptMargin';
import { blocksOf, pageMarksOf } from './layout';
import { SavePopover } from './SavePopover';
import { SourceDetailsDialog } from './SourceDetailsDialog';
import { PASSAGE, PENDING, SourceText } from './SourceText';
import { useHighlights } from './useHighlights';
import { useMarginLayout } from './useMarginLayout';
import { SAVE_SHORTCUT_LABEL, useReaderSelection, useSaveShortcut, type Anchor } from './useReaderSelection';
import { useRevealRequest } from './useRevealRequest';
import { useReaderCaret } from './useReaderCaret';
import { nextExcerpt } from './excerptOrder';
import { VersionsMenu } from './VersionsMenu';
import { FindBar } from './FindBar';
import { useSearchRequest } from './searchRequest';
import { useCommand } from '../app/commands';
import { SourceCitedIn } from '../briefs/CitedIn';
import { useReaderMentions } from '../entities/ReaderMentions';
import { PaneTabs } from '../app/PaneTabs';
import { usePaintedRanges } from './paintedRanges';
import { forgetTab, tabOpened } from '../app/openTabs';

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

  // A source that could not be opened (deleted, or of another workspace) leaves the tabs.
  const gone = !!source.error && !source.data;
  useEffect(() => {
    if (gone && sourceId) forgetTab('source', sourceId);
  }, [gone, sourceId]);

  if (!sourceId) {
    return (
      <section className="pane reader" aria-label="Reader">
        <SourceTabs />
        <EmptyState title="Nothing open in the reader">{`Pick a source in the library, or import ${SUPPORTED_LABEL} files.`}</EmptyState>
      </section>
    );
  }
  if (source.error && !source.data) {
    return (
      <section className="pane reader" aria-label="Reader">
        <SourceTabs />
        <EmptyState title="This source could not be opened">{source.error.message}</EmptyState>
      </section>
    );
  }
  if (!source.data || source.data.id !== sourceId) {
    return (
      <section className="pane reader" aria-label="Reader" aria-busy="true">
        <SourceTabs />
        <div className="loading">Opening source…</div>
      </section>
    );
  }
  return <SourceReader key={sourceId} source={source.data} excerpts={excerpts.data ?? []} />;
}

/** Words OCR read with low confidence, underlined with dots wherever they are drawn. */
const NO_SPANS: readonly (readonly [number, number])[] = [];

/** "OCR · 93%": the text (or some pages of it) was read by OCR, with the engine's mean confidence. */
function OcrBadge({ source }: { source: Source }) {
  const pages = source.ocr ?? [];
  if (!pages.length) return null;
  const mean = Math.round(pages.reduce((a, p) => a + p.confidence, 0) / pages.length);
  const uncertain = pages.reduce((a, p) => a + p.lowConfidence.length, 0);
  const which = pages.length === 1 ? `Page ${pages[0].page} was` : `${pages.length} pages were`;
  const detail = `${which} read by OCR (${pages[0].engine}; ${pages[0].languages}), mean confidence ${mean}%.${uncertain ? ` ${uncertain} word${uncertain === 1 ? '' : 's'} read with low confidence ${uncertain === 1 ? 'is' : 'are'} underlined with dots: check ${uncertain === 1 ? 'it' : 'them'} against the original.` : ''}`;
  return (
    <>
      <span className="ocr-badge" title={detail}>
        OCR · {mean}%
      </span>
      <span className="visually-hidden">{detail}</span>
    </>
  );
}

/** The sources open as tabs above the reader (app/PaneTabs.tsx). */
function SourceTabs() {
  const nav = useNavigation();
  return <PaneTabs kind="source" activeId={nav.sourceId} onOpen={(id) => nav.openSource(id)} onCloseLast={nav.closeSource} />;
}

function SourceReader({ source, excerpts }: { source: Source; excerpts: ExcerptView[] }) {
  const review = useReview();
  useEffect(() => tabOpened('source', source.id, source.title), [source.id, source.title]);
  const sectionRef = useRef<HTMLElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const textRef = useRef<HTMLElement>(null);
  const uncertainWords = useMemo(() => (source.ocr ?? []).flatMap((p) => p.lowConfidence).sort((a, b) => a[0] - b[0]), [source.ocr]);
  usePaintedRanges('sourcebook-ocr-low', uncertainWords.length ? uncertainWords : NO_SPANS, textRef);
  /** The passage being saved as an excerpt (the popover's place). */
  const [composer, setComposer] = useState<Anchor | null>(null);
  const [saving, setSaving] = useState(false);
  /** The excerpt open in the margin. */
  const [selectedId, setSelectedId] = useState<string | null>(null);
  /** The excerpt being pointed at a new passage (review → Fix), if any. */
  const [fixing, setFixing] = useState<ExcerptView | null>(null);
  const [detailsOpen, setDetailsOpen] = useState(false);
  const hintId = useId();
  const [finding, setFinding] = useState(false);
  /** A search result opened here: the find bar shows its words' hits. */
  const [findSeed, setFindSeed] = useState<{ query: string; asYouType: boolean; nonce: number } | null>(null);
  const searchRequest = useSearchRequest();
  const seenRequest = useRef<number | null>(null);
  useEffect(() => {
    if (!searchRequest || searchRequest.sourceId !== source.id || seenRequest.current === searchRequest.nonce) return;
    seenRequest.current = searchRequest.nonce;
    setFindSeed({ query: searchRequest.query, asYouType: searchRequest.asYouType, nonce: searchRequest.nonce });
    setFinding(true);
  }, [searchRequest, source.id]);
  useCommand('reader.find', () => {
    setFindSeed(null);
    setFinding(true);
  });
  // F3 with no find bar open opens it (the bar, once open, takes F3 itself).
  useCommand('reader.findNext', () => setFinding(true));
  useCommand('reader.findPrevious', () => setFinding(true));
  const selection = useReaderSelection({ text: source.text, textRef, scrollRef });
  const caret = useReaderCaret({ text: source.text, textRef, scrollRef });
  /** Said to a screen reader when the keyboard moves between excerpts. */
  const [announcement, setAnnouncement] = useState('');
  const margin = useMarginLayout(sectionRef, !selectedId && !review && !composer);
  // Entity mentions: dotted underlines, and a popover on click (entities/ReaderMentions).
  const entityMentions = useReaderMentions(source, scrollRef);

  /** Offsets address the text of the excerpt's version: only those on the version shown (not orphaned) have a place here. */
  const placed = useCallback((e: ExcerptView) => e.state !== 'orphaned' && e.version === source.version, [source.version]);

  // Nothing to point at in this text: show the excerpt itself, and say why.
  const { show: showMargin } = margin;
  const showUnplaced = useCallback(
    (target: ExcerptView) => {
      if (review) return;
      setSelectedId(target.id);
      showMargin();
      notify('This passage is no longer in the current text of the source; the excerpt keeps its quote.');
    },
    [review, showMargin],
  );
  const { passage, focusedId, focusNonce, reveal, focusExcerpt } = useRevealRequest(source, excerpts, placed, showUnplaced);

  const highlights = useHighlights({ excerpts, placed, pending: composer, passage, focusedId, focusNonce, selectedId, mentions: entityMentions.mentions });
  const blocks = useMemo(() => blocksOf(source.text), [source.text]);
  const pageMarks = useMemo(() => pageMarksOf(blocks, source.pages, source.ocr), [blocks, source.pages, source.ocr]);
  const toReview = excerpts.filter((e) => e.state === 'fuzzy' || e.state === 'orphaned').length;

  const focusedStart = useMemo(() => {
    const e = focusedId ? excerpts.find((x) => x.id === focusedId) : undefined;
    return e && placed(e) ? e.start : null;
  }, [focusedId, excerpts, placed]);
  const { anchor: selectionAnchor, pressAt, readSelection, clear: clearSelection } = selection;
  const caretAt = caret.caret?.offset;
  const pins = useMemo(
    () => [composer?.start, composer?.end, selectionAnchor?.start, selectionAnchor?.end, pressAt, focusedStart, caretAt].filter((x): x is number => typeof x === 'number'),
    [composer, selectionAnchor, pressAt, focusedStart, caretAt],
  );

  const { closeDrawer } = margin;
  const openComposer = useCallback(
    (anchor: Anchor | null) => {
      const target = anchor ?? readSelection();
      if (!target) {
        notify('Select a passage in the reader first, then save it as an excerpt.');
        return;
      }
      setComposer(target);
      clearSelection();
      // The drawer would cover the popover.
      closeDrawer();
    },
    [readSelection, clearSelection, closeDrawer],
  );

  /** Review → Fix: the selected passage becomes the excerpt's passage in the current text. */
  const usePassage = useCallback(
    async (anchor: Anchor) => {
      if (!fixing) return;
      try {
        const view = await api['excerpts:reanchor']({ id: fixing.id, start: anchor.start, end: anchor.end });
        window.getSelection()?.removeAllRanges();
        clearSelection();
        setFixing(null);
        focusExcerpt(view, false);
        notify('The excerpt now points at the passage you selected.');
      } catch (error) {
        notifyError(error, 'The excerpt was not fixed');
      }
    },
    [fixing, focusExcerpt, clearSelection],
  );

  const onShortcut = useCallback((anchor: Anchor) => (fixing ? void usePassage(anchor) : openComposer(anchor)), [fixing, usePassage, openComposer]);
  useSaveShortcut(readSelection, composer !== null, onShortcut);

  const saveExcerpt = async (details: ExcerptDetails) => {
    if (!composer) return;
    setSaving(true);
    try {
      const view = await api['excerpts:create']({ sourceId: source.id, start: composer.start, end: composer.end, ...details });
      window.getSelection()?.removeAllRanges();
      setComposer(null);
      setSelectedId(null);
      focusExcerpt(view, true);
      backToText(view.end);
      notify('Excerpt saved.');
    } catch (error) {
      notifyError(error, 'The excerpt was not saved');
    } finally {
      setSaving(false);
    }
  };

  const onTextClick = (event: ReactMouseEvent) => {
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) return;
    if (!fixing && entityMentions.onTextClick(event)) return;
    const hit = (event.target as HTMLElement).closest<HTMLElement>('[data-ids]');
    const ids = hit?.dataset.ids?.split(' ').filter((id) => id !== PENDING && id !== PASSAGE) ?? [];
    if (ids.length === 0 || review) return;
    // The most specific excerpt under the pointer: the shortest.
    const { lengths } = highlights;
    const id = ids.reduce((a, b) => ((lengths.get(b) ?? Infinity) < (lengths.get(a) ?? Infinity) ? b : a));
    selectExcerpt(id, false);
  };

  const selectExcerpt = (id: string | null, scroll: boolean) => {
    setSelectedId(id);
    const excerpt = id ? excerpts.find((e) => e.id === id) : undefined;
    if (excerpt) {
      focusExcerpt(excerpt, scroll);
      if (!margin.open) margin.toggle();
    }
  };

  const { placeCaretAt } = caret;
  /** The keyboard back in the text, its caret at `offset`. */
  const backToText = useCallback(
    (offset: number) => {
      scrollRef.current?.focus({ preventScroll: true });
      placeCaretAt(offset);
    },
    [placeCaretAt],
  );

  /** Alt+↓ / Alt+↑: the next or previous excerpt after the caret (or the excerpt in focus), round at the ends. */
  const goToExcerpt = (direction: 1 | -1) => {
    const list = excerpts.filter(placed);
    const from = caret.offsetNow() ?? (focusedStart !== null ? focusedStart : null);
    const found = nextExcerpt(list, from, direction);
    if (!found) {
      notify(excerpts.length ? 'None of this source’s excerpts has a place in the text shown.' : 'This source has no excerpts yet.');
      return;
    }
    focusExcerpt(found.excerpt, true);
    backToText(found.excerpt.start);
    const quote = found.excerpt.quote.length > 80 ? `${found.excerpt.quote.slice(0, 80)}…` : found.excerpt.quote;
    setAnnouncement(`Excerpt ${found.index + 1} of ${list.length}${found.wrapped ? (direction === 1 ? ', back at the first' : ', back at the last') : ''}: ${quote}`);
  };
  useCommand('reader.nextExcerpt', () => goToExcerpt(1));
  useCommand('reader.previousExcerpt', () => goToExcerpt(-1));

  /** Enter in the text: the excerpt under the caret opens in the margin, else the mention's card. */
  const openUnderCaret = () => {
    const caretAt = caret.offsetNow();
    if (caretAt === undefined) return;
    const under = excerpts.filter((e) => placed(e) && e.start <= caretAt && caretAt <= e.end);
    if (under.length && !review) {
      const shortest = under.reduce((a, b) => (b.end - b.start < a.end - a.start ? b : a));
      selectExcerpt(shortest.id, false);
      return;
    }
    if (!fixing && entityMentions.openAt(caretAt)) return;
    notify('No excerpt or mention at the caret. Alt+↓ goes to the next excerpt.');
  };

  const onTextKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    if (caret.onKeyDown(event)) return;
    if (event.key === 'Enter' && event.target === event.currentTarget && !event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      openUnderCaret();
    }
  };

  const showExcerptInReview = useCallback((x: ExcerptView) => focusExcerpt(x, true), [focusExcerpt]);

  const meta = [source.author, source.publisher, formatDate(source.publishedAt)].filter(Boolean).join(' · ');
  const lastPage = source.pages?.length ? source.pages[source.pages.length - 1].page : null;

  return (
    <section
      ref={sectionRef}
      className={`pane reader${margin.open || review ? ' margin-open' : ''}${margin.narrow ? ' is-narrow' : ''}${fixing ? ' is-fixing' : ''}`}
      aria-label="Reader"
    >
      <SourceTabs />
      <header className="reader-header">
        <h2 className="reader-title" title={source.title}>
          {source.title}
        </h2>
        <SourceCitedIn sourceId={source.id} />
        <div className="reader-actions">
          <VersionsMenu source={source} />
          <button type="button" className="button" onClick={() => setDetailsOpen(true)}>
            Edit details
          </button>
          <button type="button" className="button" aria-pressed={margin.open && !review} onClick={margin.toggle} aria-controls={margin.open && !review ? 'excerpt-margin' : undefined} disabled={!!review}>
            Excerpts <span className="count">{excerpts.length}</span>
          </button>
        </div>
        <p className="reader-meta">
          {meta && <span>{meta}</span>}
          <SourceGrade source={source} />
          <OcrBadge source={source} />
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
      {finding && (
        <FindBar
          key={`${source.id}-${findSeed?.nonce ?? 0}`}
          sourceId={source.id}
          text={source.text}
          textRef={textRef}
          seed={findSeed}
          onClose={(at) => {
            setFinding(false);
            setFindSeed(null);
            if (at === null) scrollRef.current?.focus();
            else backToText(at);
          }}
        />
      )}
      <div className="reader-body">
        {/* Focusable: a caret moves in the text with the keyboard (useReaderCaret), and the text scrolls. */}
        <div
          className="reader-scroll"
          ref={scrollRef}
          onMouseDown={selection.onMouseDown}
          onKeyDown={onTextKeyDown}
          onFocus={caret.onFocus}
          tabIndex={0}
          role="region"
          aria-label="Source text"
          aria-describedby={hintId}
        >
          <p id={hintId} className="visually-hidden">
            Arrows move a caret in the text; Shift with an arrow selects. {SAVE_SHORTCUT_LABEL} saves the selection as an excerpt, Enter opens the excerpt at the caret, Alt+Down and Alt+Up go to the next and previous excerpt.
          </p>
          {caret.caret && <div key={caret.caret.offset} className="reader-caret" aria-hidden="true" style={{ top: caret.caret.top, left: caret.caret.left, height: caret.caret.height }} />}
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
              highlights={highlights}
              pins={pins}
              reveal={reveal}
              scrollRef={scrollRef}
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
          margin.open && (
            <ExcerptMargin
              excerpts={excerpts}
              selectedId={selectedId}
              onSelect={(id) => selectExcerpt(id, true)}
              onBack={() => setSelectedId(null)}
              onClose={margin.toggle}
            />
          )
        )}
      </div>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {detailsOpen && <SourceDetailsDialog source={source} onClose={() => setDetailsOpen(false)} />}
    </section>
  );
}
