// The review walk, in the reader's margin: each fuzzy excerpt (its old quote against the
// passage found, as a word diff, and the match score) to confirm or fix, and each
// orphaned one (its old quote; the passage is not in the current text) to fix or delete.
// Fixing is selecting the right passage in the reader. j/k or ↑/↓ move, Enter confirms.
import { useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api';
import { useNavigation } from '../app/navigation';
import { prime } from '../state/excerptStore';
import { setReviewCurrent, stopReview, type ReviewState } from '../state/panels';
import { notify, notifyError } from '../state/toasts';
import { moveToTrash } from '../state/trash';
import { useApiQuery } from '../state/topics';
import type { ExcerptView } from '../types';
import { ConfirmButton } from '../ui/ConfirmButton';
import { GradeBadge } from '../ui/Grade';
import { wordDiff } from '../ui/wordDiff';
import { AnchorBadge, PageBadge } from '../reader/ExcerptMargin';

/** The last list shown, so moving to another source's item does not flash "Loading". */
let lastList: { scope: string | null; items: ExcerptView[] } | null = null;
/** The item the reader was last taken to: it follows each new item once, not every render. */
let openedFor: string | null = null;

export function isTypingTarget(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.closest) return false;
  return !!el.closest('input, textarea, select, [contenteditable="true"], [contenteditable=""], dialog, .brief-pane, .popover');
}

interface Props {
  review: ReviewState;
  /** The source the reader shows. */
  sourceId: string;
  fixingId: string | null;
  onFix(excerpt: ExcerptView | null): void;
  /** Show (scroll to and mark) a fuzzy excerpt's passage in the reader. */
  onShow(excerpt: ExcerptView): void;
}

export function ReviewPanel({ review, sourceId, fixingId, onFix, onShow }: Props) {
  const nav = useNavigation();
  const scope = review.scope;
  const query = useApiQuery(
    () =>
      api['excerpts:review'](scope ? { sourceId: scope } : {}).then((items) => {
        prime(items);
        lastList = { scope, items };
        return items;
      }),
    [scope],
    ['excerpts', 'sources'],
  );
  const items = query.data ?? (lastList && lastList.scope === scope ? lastList.items : undefined);
  const lastIndex = useRef(0);
  const [busy, setBusy] = useState(false);
  const panelRef = useRef<HTMLDivElement>(null);

  const index = useMemo(() => {
    if (!items || items.length === 0) return -1;
    const found = review.currentId ? items.findIndex((x) => x.id === review.currentId) : -1;
    // A reviewed item leaves the list: the next one takes its place.
    return found !== -1 ? found : Math.min(lastIndex.current, items.length - 1);
  }, [items, review.currentId]);
  const current = index >= 0 && items ? items[index] : null;
  if (index >= 0) lastIndex.current = index;

  useEffect(() => {
    if (current && current.id !== review.currentId) setReviewCurrent(current.id);
  }, [current, review.currentId]);

  // A review of one source ends when another source is opened.
  useEffect(() => {
    if (scope && scope !== sourceId) stopReview();
  }, [scope, sourceId]);

  // The reader follows each new item: to its source, and to its passage when it has one.
  // (Opening another source meanwhile is the analyst's choice: it is not undone.)
  const shownId = useRef<string | null>(null);
  useEffect(() => {
    if (!current) return;
    if (openedFor !== current.id) {
      openedFor = current.id;
      if (current.sourceId !== sourceId) {
        nav.openSource(current.sourceId, current.state === 'fuzzy' ? current.id : undefined);
        return;
      }
    }
    if (current.sourceId === sourceId && shownId.current !== current.id) {
      shownId.current = current.id;
      if (current.state === 'fuzzy') onShow(current);
    }
  }, [current, sourceId, nav, onShow]);

  useEffect(() => {
    panelRef.current?.focus({ preventScroll: true });
  }, []);

  const move = (delta: number) => {
    if (!items || items.length === 0) return;
    onFix(null);
    const next = Math.min(items.length - 1, Math.max(0, index + delta));
    setReviewCurrent(items[next].id);
  };

  const confirm = async () => {
    if (!current || current.state !== 'fuzzy' || busy) return;
    setBusy(true);
    try {
      await api['excerpts:confirm']({ id: current.id });
      notify('Confirmed: the excerpt now points at the passage found.');
    } catch (error) {
      notifyError(error, 'The excerpt was not confirmed');
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!current) return;
    setBusy(true);
    try {
      await moveToTrash('excerpt', current.id, current.quote);
    } catch (error) {
      notifyError(error, 'The excerpt was not deleted');
    } finally {
      setBusy(false);
    }
  };

  const keys = useRef({ move, confirm, onFix, fixingId });
  keys.current = { move, confirm, onFix, fixingId };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (isTypingTarget(event.target)) return;
      const inPanel = panelRef.current?.contains(event.target as Node) ?? false;
      const onControl = !!(event.target as HTMLElement).closest?.('button, a, [role="radio"]');
      const k = keys.current;
      if (event.key === 'j' || (event.key === 'ArrowDown' && (inPanel || event.target === document.body))) k.move(1);
      else if (event.key === 'k' || (event.key === 'ArrowUp' && (inPanel || event.target === document.body))) k.move(-1);
      else if (event.key === 'Enter' && !onControl) void k.confirm();
      else if (event.key === 'Escape') {
        if (k.fixingId) k.onFix(null);
        else stopReview();
      } else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const count = items?.length ?? 0;
  return (
    <aside className="margin review-panel" aria-label="Review excerpts" ref={panelRef} tabIndex={-1}>
      <div className="margin-header">
        <h3>
          Review{count > 0 && index >= 0 ? <span className="review-position"> {index + 1} of {count}</span> : null}
        </h3>
        <span className="margin-header-actions">
          <button type="button" className="icon-button" aria-label="Previous excerpt to review (k)" title="Previous (k)" disabled={index <= 0} onClick={() => move(-1)}>
            ‹
          </button>
          <button type="button" className="icon-button" aria-label="Next excerpt to review (j)" title="Next (j)" disabled={index < 0 || index >= count - 1} onClick={() => move(1)}>
            ›
          </button>
          <button type="button" className="icon-button" aria-label="Close review" title="Close review (Esc)" onClick={stopReview}>
            ×
          </button>
        </span>
      </div>
      {!items ? (
        <p className="margin-empty">Loading…</p>
      ) : !current ? (
        <div className="review-done">
          <p className="review-done-title">Nothing to review</p>
          <p className="muted">Every excerpt {scope ? 'of this source ' : ''}points at its passage in the current text.</p>
          <button type="button" className="button" onClick={stopReview}>
            Done
          </button>
        </div>
      ) : (
        <ReviewItem
          key={current.id}
          excerpt={current}
          showSource={!scope}
          inReader={current.sourceId === sourceId}
          busy={busy}
          fixing={fixingId === current.id}
          onConfirm={confirm}
          onFix={onFix}
          onDelete={remove}
          onOpen={() => nav.openSource(current.sourceId, current.state === 'fuzzy' ? current.id : undefined)}
        />
      )}
      <p className="review-keys" aria-hidden="true">
        <kbd>j</kbd> <kbd>k</kbd> move · <kbd>Enter</kbd> confirm · <kbd>Esc</kbd> close
      </p>
    </aside>
  );
}

function ReviewItem({
  excerpt,
  showSource,
  inReader,
  busy,
  fixing,
  onConfirm,
  onFix,
  onDelete,
  onOpen,
}: {
  excerpt: ExcerptView;
  showSource: boolean;
  /** The reader shows the excerpt's source (fixing needs it). */
  inReader: boolean;
  busy: boolean;
  fixing: boolean;
  onConfirm(): void;
  onFix(excerpt: ExcerptView | null): void;
  onDelete(): void;
  onOpen(): void;
}) {
  const fuzzy = excerpt.state === 'fuzzy';
  const before = excerpt.previousQuote ?? excerpt.quote;
  const diff = useMemo(() => (fuzzy ? wordDiff(before, excerpt.quote) : []), [fuzzy, before, excerpt.quote]);
  const sameWords = diff.every((part) => part.kind === 'same');
  return (
    <div className={`review-item review-item-${excerpt.state}`} data-excerpt-id={excerpt.id}>
      {showSource && <p className="review-source">{excerpt.sourceTitle}</p>}
      <p className="review-meta">
        <AnchorBadge state={excerpt.state} />
        {fuzzy && excerpt.score !== null && (
          <span className="review-score" title="How closely the passage found matches the old quote and its context">
            {Math.round(excerpt.score * 100)}% match
          </span>
        )}
        <PageBadge page={excerpt.page} />
        <GradeBadge reliability={excerpt.reliability} credibility={excerpt.credibility} />
      </p>
      {fuzzy ? (
        <>
          <p className="review-explain">
            {sameWords
              ? // A fuzzy place with the very words: its surroundings changed, or the words are in the text more than once.
                'The same words are here, but what surrounds them changed, or they occur more than once. Is this the passage you kept?'
              : 'The text changed here. Is this still the passage you kept?'}
          </p>
          <blockquote className="review-diff" aria-label="Old quote against the passage found">
            {diff.map((part, i) =>
              part.kind === 'same' ? (
                <span key={i}>{part.text}</span>
              ) : part.kind === 'removed' ? (
                <del key={i} title="In the old quote, not in the passage found">
                  {part.text}
                </del>
              ) : (
                <ins key={i} title="In the passage found, not in the old quote">
                  {part.text}
                </ins>
              ),
            )}
          </blockquote>
          {!sameWords && (
            <p className="review-legend muted small">
              <del>removed</del> <ins>added</ins> since the excerpt was saved
            </p>
          )}
        </>
      ) : (
        <>
          <p className="review-explain">Passage not found in the current text. The excerpt keeps its old quote:</p>
          <blockquote className="review-quote" dir="auto">{excerpt.quote}</blockquote>
        </>
      )}
      {fixing ? (
        <div className="review-fixing" role="status">
          <p>
            Select the right passage in the text, then choose <strong>Use this passage</strong>.
          </p>
          <button type="button" className="button" onClick={() => onFix(null)}>
            Cancel fix
          </button>
        </div>
      ) : (
        <div className="review-actions">
          {fuzzy && (
            <button type="button" className="button button-primary" disabled={busy} onClick={onConfirm}>
              Confirm <kbd>Enter</kbd>
            </button>
          )}
          {inReader ? (
            <button type="button" className="button" disabled={busy} onClick={() => onFix(excerpt)} title="Select the right passage in the text">
              Fix…
            </button>
          ) : (
            <button type="button" className="button" onClick={onOpen}>
              Open its source
            </button>
          )}
          {!fuzzy && <ConfirmButton label="Delete" confirmLabel="Delete excerpt" busy={busy} onConfirm={onDelete} />}
        </div>
      )}
      {excerpt.note && <p className="review-note">{excerpt.note}</p>}
    </div>
  );
}
