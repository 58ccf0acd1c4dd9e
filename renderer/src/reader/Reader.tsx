// The reader: a source's normalized text with every excerpt highlighted, selection →
// "Save excerpt", and the margin listing the source's excerpts (or one, for editing).
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type MouseEvent as ReactMouseEvent, type RefObject } from 'react';
import { api } from '../api';
import { useNavigation } from '../app/navigation';
import { prime } from '../state/excerptStore';
import { createExcerpt } from '../state/mutations';
import { notify, notifyError } from '../state/toasts';
import { useApiQuery } from '../state/topics';
import type { ExcerptView, Source } from '../types';
import { EmptyState } from '../ui/EmptyState';
import { formatDate } from '../ui/format';
import { ExcerptForm, type ExcerptDetails } from './ExcerptForm';
import { ExcerptMargin } from './ExcerptMargin';
import { layoutText, type Mark, type Paragraph } from './layout';
import { rangeToOffsets } from './selectionOffsets';
import { SourceDetailsDialog } from './SourceDetailsDialog';

const PENDING = '__pending';
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
        <EmptyState title="Nothing open in the reader">Pick a source in the library, or import .txt, .md or .html files.</EmptyState>
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

function SourceReader({ source, excerpts }: { source: Source; excerpts: ExcerptView[] }) {
  const nav = useNavigation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const textRef = useRef<HTMLElement>(null);
  const [selectionAnchor, setSelectionAnchor] = useState<Anchor | null>(null);
  const [composer, setComposer] = useState<Anchor | null>(null);
  const [saving, setSaving] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [focusNonce, setFocusNonce] = useState(0);
  const sectionRef = useRef<HTMLElement>(null);
  // Beside the text when the pane is wide; over it, on demand, when the pane is narrow.
  const narrow = useNarrow(sectionRef, NARROW_READER);
  const [dockedOpen, setDockedOpen] = useState(() => localStorage.getItem('sourcebook.margin') !== 'closed');
  const [drawerOpen, setDrawerOpen] = useState(false);
  const marginOpen = narrow ? drawerOpen : dockedOpen;
  const [detailsOpen, setDetailsOpen] = useState(false);
  const pointerDown = useRef(false);

  const marks = useMemo<Mark[]>(() => {
    // Offsets address the text of the excerpt's version: only those on the version shown
    // (orphaned ones stay on an older version) can be highlighted here.
    const list: Mark[] = excerpts
      .filter((e) => e.state !== 'orphaned' && e.version === source.version)
      .map((e) => ({ id: e.id, start: e.start, end: e.end }));
    if (composer) list.push({ id: PENDING, start: composer.start, end: composer.end });
    return list;
  }, [excerpts, composer, source.version]);
  const paragraphs = useMemo(() => layoutText(source.text, marks), [source.text, marks]);
  const lengths = useMemo(() => new Map(excerpts.map((e) => [e.id, e.end - e.start])), [excerpts]);

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
    },
    [readSelection],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.shiftKey && event.key.toLowerCase() === 'e') {
        const anchor = readSelection();
        if (!anchor && !composer) return;
        event.preventDefault();
        if (anchor) openComposer(anchor);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [readSelection, openComposer, composer]);

  const saveExcerpt = async (details: ExcerptDetails) => {
    if (!composer) return;
    setSaving(true);
    try {
      const view = await createExcerpt({ sourceId: source.id, start: composer.start, end: composer.end, ...details });
      window.getSelection()?.removeAllRanges();
      setComposer(null);
      setSelectedId(null);
      setFocusedId(view.id);
      setFocusNonce((n) => n + 1);
      notify('Excerpt saved.');
    } catch (error) {
      notifyError(error, 'The excerpt was not saved');
    } finally {
      setSaving(false);
    }
  };

  // Reveal a passage on request (a citation click, a search result).
  // Each request is honoured once, as soon as the excerpt is loaded — not again on reloads.
  const reveal = nav.reveal;
  const revealed = useRef<number | null>(null);
  useEffect(() => {
    if (!reveal || revealed.current === reveal.nonce) return;
    const target = excerpts.find((e) => e.id === reveal.excerptId);
    if (!target) return;
    revealed.current = reveal.nonce;
    if (target.state === 'orphaned' || target.version !== source.version) {
      // Nothing to point at in this text: show the excerpt itself, and say why.
      setSelectedId(target.id);
      if (narrow) setDrawerOpen(true);
      else setDockedOpen(true);
      notify('This passage is no longer in the current text of the source; the excerpt keeps its quote.');
      return;
    }
    setFocusedId(reveal.excerptId);
    setFocusNonce((n) => n + 1);
  }, [reveal, excerpts, source.version, narrow]);

  useLayoutEffect(() => {
    if (!focusedId || !textRef.current) return;
    const first = textRef.current.querySelector<HTMLElement>(`[data-ids~="${CSS.escape(focusedId)}"]`);
    first?.scrollIntoView({ block: 'center', behavior: window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
    // Only a new reveal scrolls; re-renders of the same focus do not.
  }, [focusNonce]);

  useEffect(() => {
    if (!narrow || !drawerOpen || selectedId) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !composer) setDrawerOpen(false);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [narrow, drawerOpen, selectedId, composer]);

  const onTextClick = (event: ReactMouseEvent) => {
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) return;
    const hit = (event.target as HTMLElement).closest<HTMLElement>('[data-ids]');
    const ids = hit?.dataset.ids?.split(' ').filter((id) => id !== PENDING) ?? [];
    if (ids.length === 0) return;
    // The most specific excerpt under the pointer: the shortest.
    const id = ids.reduce((a, b) => ((lengths.get(b) ?? Infinity) < (lengths.get(a) ?? Infinity) ? b : a));
    selectExcerpt(id, false);
  };

  const selectExcerpt = (id: string | null, scroll: boolean) => {
    setSelectedId(id);
    if (id) {
      setFocusedId(id);
      if (scroll) setFocusNonce((n) => n + 1);
      if (!marginOpen) toggleMargin();
    }
  };

  const meta = [source.author, source.publisher, formatDate(source.publishedAt)].filter(Boolean).join(' · ');

  return (
    <section ref={sectionRef} className={`pane reader${marginOpen ? ' margin-open' : ''}${narrow ? ' is-narrow' : ''}`} aria-label="Reader">
      <header className="reader-header">
        <div className="reader-heading">
          <h2 className="reader-title">{source.title}</h2>
          <p className="reader-meta">
            {meta && <span>{meta}</span>}
            {source.reliability && <span className="grade" title="Source reliability">{source.reliability}</span>}
            {source.url && (
              <a href={source.url} target="_blank" rel="noreferrer noopener" className="reader-url">
                {source.url.replace(/^https?:\/\//, '')}
              </a>
            )}
          </p>
        </div>
        <div className="reader-actions">
          <button type="button" className="button" onClick={() => setDetailsOpen(true)}>
            Edit details
          </button>
          <button type="button" className="button" aria-pressed={marginOpen} onClick={toggleMargin} aria-controls="excerpt-margin">
            Excerpts <span className="count">{excerpts.length}</span>
          </button>
        </div>
      </header>
      <div className="reader-body">
        <div className="reader-scroll" ref={scrollRef} onMouseDown={() => (pointerDown.current = true)}>
          <article
            className="reader-text"
            ref={textRef}
            onClick={onTextClick}
            aria-label={`Text of ${source.title}`}
            lang={source.language ?? undefined}
          >
            <SourceText paragraphs={paragraphs} text={source.text} focusedId={focusedId} selectedId={selectedId} focusNonce={focusNonce} />
          </article>
          {selectionAnchor && !composer && (
            <div className="selection-action" style={{ top: selectionAnchor.top, left: selectionAnchor.left }}>
              <button
                type="button"
                className="button button-primary"
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => openComposer(selectionAnchor)}
              >
                Save excerpt <kbd>{SAVE_SHORTCUT_LABEL}</kbd>
              </button>
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
        </div>
        {marginOpen && (
          <ExcerptMargin
            excerpts={excerpts}
            selectedId={selectedId}
            onSelect={(id) => selectExcerpt(id, true)}
            onBack={() => setSelectedId(null)}
            onClose={toggleMargin}
          />
        )}
      </div>
      {detailsOpen && <SourceDetailsDialog source={source} onClose={() => setDetailsOpen(false)} />}
    </section>
  );
}

const SourceText = memo(function SourceText({
  paragraphs,
  text,
  focusedId,
  selectedId,
  focusNonce,
}: {
  paragraphs: Paragraph[];
  text: string;
  focusedId: string | null;
  selectedId: string | null;
  focusNonce: number;
}) {
  return (
    <>
      {paragraphs.map((p) => (
        <p key={p.start} className="reader-paragraph">
          {p.segments.map((s) => {
            const content = text.slice(s.start, s.end);
            if (s.ids.length === 0) {
              return (
                <span key={s.start} data-start={s.start}>
                  {content}
                </span>
              );
            }
            const pending = s.ids.includes(PENDING);
            const saved = s.ids.filter((id) => id !== PENDING);
            const classes = ['hl'];
            if (saved.length > 0) classes.push(saved.length > 1 ? 'hl-many' : 'hl-one');
            if (pending) classes.push('hl-pending');
            if (focusedId && saved.includes(focusedId)) classes.push('hl-focused');
            if (selectedId && saved.includes(selectedId)) classes.push('hl-selected');
            return (
              <mark
                key={`${s.start}-${focusedId && saved.includes(focusedId) ? focusNonce : 0}`}
                data-start={s.start}
                data-ids={s.ids.join(' ')}
                className={classes.join(' ')}
                title={saved.length > 1 ? `${saved.length} excerpts overlap here` : undefined}
              >
                {content}
              </mark>
            );
          })}
        </p>
      ))}
    </>
  );
});

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
