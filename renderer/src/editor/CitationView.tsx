// How a citation looks in a brief, rendered live from the excerpt store: source title,
// grade and tags now — not when it was cited. A deleted excerpt stays visible as a broken
// citation with the quote it had. Hover or focus shows the passage in context; click or
// Enter opens the source in the reader at the passage.
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useNavigation } from '../app/navigation';
import { CONTEXT_CHARS, excerptContext, useExcerpt, type ExcerptContext, type ExcerptEntry } from '../state/excerptStore';
import { notify } from '../state/toasts';
import { ANCHOR_STATE_LABELS, gradeLabel, type ExcerptView } from '../types';
import { EntityChips, TagChips } from '../ui/Chips';
import { GradeBadge, gradeDescription } from '../ui/Grade';
import { formatDate, trimContextEnd, trimContextStart } from '../ui/format';
import { quoteChange } from '../briefs/checkCitations';
import { useCitationNumber } from './citationIndex';
import { QuoteDiff } from './QuoteDiff';

interface Props {
  excerptId: string;
  quoteAtCitation: string;
  sourceTitleAtCitation?: string;
}

const SHOW_DELAY = 250;
/** A citation sits inside a sentence: it stays short (the popover has the rest). */
const TITLE_CHARS = 22;
const MAX_TAGS = 2;
const HIDE_DELAY = 200;

function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:–—-]+$/, '')}…`;
}

export function CitationView({ excerptId, quoteAtCitation, sourceTitleAtCitation }: Props) {
  const entry = useExcerpt(excerptId);
  const nav = useNavigation();
  const chipRef = useRef<HTMLSpanElement>(null);
  const [open, setOpen] = useState(false);
  const timer = useRef<number | undefined>(undefined);
  const popoverId = useId();

  const schedule = (next: boolean) => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setOpen(next), next ? SHOW_DELAY : HIDE_DELAY);
  };
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const activate = () => {
    setOpen(false);
    if (entry.status === 'ok') nav.openSource(entry.excerpt.sourceId, excerptId);
    else if (entry.status === 'deleted') notify('This excerpt was deleted. The citation keeps the quote it had when cited.');
  };
  const activateRef = useRef(activate);
  activateRef.current = activate;

  // Native listeners: they run before the editor's own key handling on its root, so
  // Enter on a focused citation opens it instead of splitting the paragraph.
  useEffect(() => {
    const chip = chipRef.current;
    if (!chip) return;
    const onKey = (event: KeyboardEvent) => {
      // A modified Enter is a window command (Ctrl/Cmd+Shift+Enter: Focus Mode), not a click.
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        event.stopPropagation();
        activateRef.current();
      } else if (event.key === 'Escape') {
        event.stopPropagation();
        setOpen(false);
      }
    };
    chip.addEventListener('keydown', onKey);
    return () => chip.removeEventListener('keydown', onKey);
  }, []);

  const state = citationState(entry, quoteAtCitation);
  const excerpt = entry.status === 'ok' ? entry.excerpt : null;
  // Numbered in order of first citation, like the exported notes.
  const number = useCitationNumber(excerptId);
  const title = excerpt?.sourceTitle ?? sourceTitleAtCitation ?? 'Unknown source';

  return (
    <>
      <span
        ref={chipRef}
        className={`citation citation-${state}`}
        role="button"
        tabIndex={0}
        data-excerpt-id={excerptId}
        data-state={state}
        data-anchor={excerpt?.state}
        // Named by what it shows (what is seen is what is said); described in words: the quote, the source, the grade.
        aria-description={citationLabel(state, excerpt, quoteAtCitation, title)}
        aria-describedby={open ? popoverId : undefined}
        onClick={(e) => {
          e.preventDefault();
          activate();
        }}
        onMouseEnter={() => schedule(true)}
        onMouseLeave={() => schedule(false)}
        onFocus={() => schedule(true)}
        onBlur={() => schedule(false)}
      >
        {number !== null && <sup className="citation-number">{number}</sup>}
        {state === 'deleted' ? (
          <>
            <span className="citation-flag">excerpt deleted</span>
            <span className="citation-quote" dir="auto">“{shorten(quoteAtCitation, 60)}”</span>
          </>
        ) : state === 'loading' || state === 'error' ? (
          <span className="citation-source">{shorten(title, TITLE_CHARS)}</span>
        ) : (
          <>
            <span className="citation-source">{shorten(title, TITLE_CHARS)}</span>
            {excerpt && <CitationGrade excerpt={excerpt} />}
            {excerpt?.tags.slice(0, MAX_TAGS).map((tag) => (
              <span className="citation-tag" key={tag} title={tag}>
                {tag}
              </span>
            ))}
            {excerpt && excerpt.tags.length > MAX_TAGS && <span className="citation-tag citation-tag-more">+{excerpt.tags.length - MAX_TAGS}</span>}
            {excerpt && ANCHOR_STATE_LABELS[excerpt.state].badge && (
              <span className={`citation-anchor citation-anchor-${excerpt.state}`} title={ANCHOR_STATE_LABELS[excerpt.state].description}>
                {ANCHOR_STATE_LABELS[excerpt.state].badge}
              </span>
            )}
            {excerpt?.state === 'orphaned' && <span className="citation-quote" dir="auto">“{shorten(quoteAtCitation, 60)}”</span>}
            {state === 'changed' && excerpt && excerpt.state !== 'fuzzy' && excerpt.state !== 'orphaned' && (
              <span className="citation-flag citation-flag-changed" title="Changed since cited — hover to see what changed">
                changed
              </span>
            )}
          </>
        )}
      </span>
      {open && chipRef.current && (
        <CitationPopover
          id={popoverId}
          anchor={chipRef.current}
          excerptId={excerptId}
          entry={entry}
          quoteAtCitation={quoteAtCitation}
          sourceTitle={title}
          onEnter={() => window.clearTimeout(timer.current)}
          onLeave={() => schedule(false)}
        />
      )}
    </>
  );
}

/** The grade on the chip: `B2`, `B?`, `?2`, or “ungraded”. */
function CitationGrade({ excerpt }: { excerpt: ExcerptView }) {
  const grade = gradeLabel(excerpt.reliability, excerpt.credibility);
  return (
    <span className={`citation-grade${grade ? '' : ' citation-grade-none'}`} title={grade ? `Grade ${grade} — ${gradeDescription(excerpt.reliability, excerpt.credibility)}` : 'Not graded'}>
      {grade ?? 'ungraded'}
    </span>
  );
}

type CitationState = 'ok' | 'changed' | 'deleted' | 'loading' | 'error';

function citationState(entry: ExcerptEntry, quoteAtCitation: string): CitationState {
  if (entry.status !== 'ok') return entry.status;
  const e = entry.excerpt;
  return e.quote !== quoteAtCitation || e.state === 'orphaned' || e.state === 'fuzzy' ? 'changed' : 'ok';
}

function citationLabel(state: CitationState, excerpt: ExcerptView | null, quoteAtCitation: string, title: string): string {
  if (state === 'deleted') return `Citation of a deleted excerpt: “${shorten(quoteAtCitation, 120)}”`;
  const tags = excerpt?.tags.length ? `, tags ${excerpt.tags.join(', ')}` : '';
  const grade = excerpt ? `, grade ${gradeLabel(excerpt.reliability, excerpt.credibility) ?? 'ungraded'}` : '';
  const anchor = excerpt && excerpt.state !== 'exact' ? `, ${excerpt.state}` : '';
  return `Citation: “${shorten(excerpt?.quote ?? quoteAtCitation, 120)}” — ${title}${grade}${tags}${anchor}. Press Enter to open in the reader.`;
}

function CitationPopover({
  id,
  anchor,
  excerptId,
  entry,
  quoteAtCitation,
  sourceTitle,
  onEnter,
  onLeave,
}: {
  id: string;
  anchor: HTMLElement;
  excerptId: string;
  entry: ExcerptEntry;
  quoteAtCitation: string;
  sourceTitle: string;
  onEnter(): void;
  onLeave(): void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [context, setContext] = useState<ExcerptContext | null>(null);
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);
  const excerpt = entry.status === 'ok' ? entry.excerpt : null;

  useEffect(() => {
    if (!excerpt) return;
    let live = true;
    excerptContext(excerptId).then(
      (c) => live && setContext(c),
      () => live && setContext(null),
    );
    return () => {
      live = false;
    };
  }, [excerptId, excerpt]);

  useLayoutEffect(() => {
    const place = () => {
      const rect = anchor.getBoundingClientRect();
      const box = ref.current?.getBoundingClientRect();
      const width = box?.width ?? 380;
      const height = box?.height ?? 200;
      const below = rect.bottom + 8;
      const top = below + height > window.innerHeight - 8 && rect.top - height - 8 > 8 ? rect.top - height - 8 : below;
      const left = Math.min(Math.max(8, rect.left), window.innerWidth - width - 8);
      setPosition((p) => (p && p.top === top && p.left === left ? p : { top, left }));
    };
    place();
    window.addEventListener('scroll', place, true);
    window.addEventListener('resize', place);
    return () => {
      window.removeEventListener('scroll', place, true);
      window.removeEventListener('resize', place);
    };
  }, [anchor, context, entry]);

  return createPortal(
    <div
      ref={ref}
      id={id}
      role="tooltip"
      className="popover citation-popover"
      style={position ? { top: position.top, left: position.left } : { visibility: 'hidden', top: 0, left: 0 }}
      onMouseEnter={onEnter}
      onMouseLeave={onLeave}
    >
      <div className="citation-popover-source">
        <strong>{sourceTitle}</strong>
        {excerpt && (
          <span className="citation-popover-meta muted">
            {[excerpt.sourcePublisher, formatDate(excerpt.sourcePublishedAt), excerpt.page !== null ? `p. ${excerpt.page}` : null].filter(Boolean).join(' · ')}
            <GradeBadge reliability={excerpt.reliability} credibility={excerpt.credibility} />
          </span>
        )}
      </div>
      {entry.status === 'deleted' ? (
        <>
          <p className="citation-popover-warning">This excerpt was deleted. Quote when cited:</p>
          <blockquote className="citation-popover-passage" dir="auto">{quoteAtCitation}</blockquote>
        </>
      ) : (
        <blockquote className="citation-popover-passage" dir="auto">
          {context ? (
            <>
              <span className="context">
                {context.before.length >= CONTEXT_CHARS ? `…${trimContextStart(context.before)}` : context.before}
              </span>
              <mark>{context.quote}</mark>
              <span className="context">{context.after.length >= CONTEXT_CHARS ? `${trimContextEnd(context.after)}…` : context.after}</span>
            </>
          ) : (
            <mark>{excerpt?.quote ?? quoteAtCitation}</mark>
          )}
        </blockquote>
      )}
      {excerpt && (excerpt.state === 'fuzzy' || excerpt.state === 'orphaned' || excerpt.state === 'moved') && (
        <p className={`citation-popover-anchor citation-popover-anchor-${excerpt.state}`}>{ANCHOR_STATE_LABELS[excerpt.state].description}.</p>
      )}
      {excerpt && <CitationChange quoteAtCitation={quoteAtCitation} excerpt={excerpt} />}
      {excerpt && (excerpt.tags.length > 0 || excerpt.entities.length > 0) && (
        <p className="citation-popover-chips">
          <TagChips tags={excerpt.tags} />
          <EntityChips entities={excerpt.entities} />
        </p>
      )}
      {excerpt?.note && <p className="citation-popover-note">{excerpt.note}</p>}
      {excerpt && <p className="citation-popover-hint muted">Click or press Enter to open the source at this passage.</p>}
    </div>,
    document.body,
  );
}

/** What the passage said when cited against now, word by word (nothing when unchanged). */
function CitationChange({ quoteAtCitation, excerpt }: { quoteAtCitation: string; excerpt: ExcerptView }) {
  const change = quoteChange(quoteAtCitation, excerpt);
  if (!change) return null;
  return (
    <div className="citation-popover-change">
      <p className="citation-popover-warning">Changed since cited:</p>
      <p className="citation-popover-diff">
        <QuoteDiff before={change.before} after={change.after} />
      </p>
    </div>
  );
}
