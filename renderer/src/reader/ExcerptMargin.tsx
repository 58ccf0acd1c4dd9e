// The reader's margin: the source's excerpts in text order, or one excerpt's panel where
// its tags, entities, note and credibility are edited and the excerpt can be deleted.
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { api } from '../api';
import { startReview } from '../state/panels';
import { notify, notifyError } from '../state/toasts';
import { moveToTrash } from '../state/trash';
import { ANCHOR_STATE_LABELS, type ExcerptView } from '../types';
import { EntityChips, TagChips } from '../ui/Chips';
import { ConfirmButton } from '../ui/ConfirmButton';
import { formatEdited } from '../ui/format';
import { GradeBadge, GradeLegend } from '../ui/Grade';
import { lineColor, tagHue } from './colors';
import { ExcerptForm, type ExcerptDetails } from './ExcerptForm';
import { CitedIn } from '../briefs/CitedIn';

interface Props {
  excerpts: ExcerptView[];
  selectedId: string | null;
  onSelect(id: string): void;
  onBack(): void;
  onClose(): void;
}

/** A moved, fuzzy or orphaned excerpt's badge; nothing for an exact one. */
export function AnchorBadge({ state, score }: { state: ExcerptView['state']; score?: number | null }) {
  const label = ANCHOR_STATE_LABELS[state];
  if (!label.badge) return null;
  const percent = state === 'fuzzy' && score ? ` ${Math.round(score * 100)}%` : '';
  return (
    <span className={`anchor-state anchor-${state}`} title={label.description}>
      {label.badge}
      {percent}
    </span>
  );
}

export function PageBadge({ page }: { page: number | null }) {
  if (page === null) return null;
  return (
    <span className="page-badge" title={`Page ${page}`}>
      p. {page}
    </span>
  );
}

/** The excerpt's colour stripe: the hue of its first tag (neutral when untagged). */
export const excerptStripe = (e: ExcerptView) => ({ '--excerpt-color': lineColor(tagHue(e.tags[0])) }) as CSSProperties;

export function ExcerptMargin({ excerpts, selectedId, onSelect, onBack, onClose }: Props) {
  const selected = selectedId ? excerpts.find((e) => e.id === selectedId) : undefined;
  // Text order; orphans (no place in the current text) last.
  const sorted = [...excerpts].sort((a, b) => Number(a.state === 'orphaned') - Number(b.state === 'orphaned') || a.start - b.start || a.end - b.end);
  const toReview = excerpts.filter((e) => e.state === 'fuzzy' || e.state === 'orphaned').length;
  return (
    <aside className="margin" id="excerpt-margin" aria-label={selected ? 'Excerpt' : 'Excerpts of this source'}>
      {selected ? (
        <ExcerptPanel key={selected.id} excerpt={selected} onBack={onBack} />
      ) : (
        <>
          <div className="margin-header">
            <h3>Excerpts</h3>
            <span className="margin-header-actions">
              <GradeLegend align="end" />
              <button type="button" className="icon-button" aria-label="Hide excerpts" title="Hide excerpts" onClick={onClose}>
                ×
              </button>
            </span>
          </div>
          {toReview > 0 && (
            <button type="button" className="review-callout" onClick={() => startReview(excerpts[0].sourceId)}>
              <span className="review-callout-dot" aria-hidden="true" />
              {toReview} excerpt{toReview === 1 ? '' : 's'} to review after the text changed
            </button>
          )}
          {sorted.length === 0 ? (
            <p className="margin-empty">Select a passage in the text and choose “Save excerpt” to keep it here.</p>
          ) : (
            <ul className="excerpt-list">
              {sorted.map((e) => (
                <li key={e.id}>
                  <button type="button" className={`excerpt-card excerpt-card-${e.state}`} onClick={() => onSelect(e.id)} data-excerpt-id={e.id} style={excerptStripe(e)}>
                    <span className="excerpt-card-quote" dir="auto">{e.quote}</span>
                    <span className="excerpt-card-meta">
                      <GradeBadge reliability={e.reliability} credibility={e.credibility} />
                      <PageBadge page={e.page} />
                      <AnchorBadge state={e.state} score={e.score} />
                      <TagChips tags={e.tags} max={4} />
                      {e.entities.length > 0 && <span className="muted">{e.entities.map((x) => x.name).join(', ')}</span>}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </aside>
  );
}

function ExcerptPanel({ excerpt, onBack }: { excerpt: ExcerptView; onBack(): void }) {
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !(event.target as HTMLElement).closest('.popover, dialog')) onBack();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onBack]);

  const save = async (details: ExcerptDetails) => {
    setBusy(true);
    try {
      await api['excerpts:update']({ id: excerpt.id, ...details });
      notify('Excerpt updated.');
    } catch (error) {
      notifyError(error, 'The excerpt was not updated');
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setBusy(true);
    try {
      await moveToTrash('excerpt', excerpt.id, excerpt.quote);
      onBack();
    } catch (error) {
      notifyError(error, 'The excerpt was not deleted');
      setBusy(false);
    }
  };

  const needsReview = excerpt.state === 'fuzzy' || excerpt.state === 'orphaned';
  return (
    <div className="excerpt-panel" role="region" aria-labelledby="excerpt-panel-title">
      <div className="margin-header">
        <button type="button" className="link-button" onClick={onBack}>
          ← All excerpts
        </button>
        <GradeLegend align="end" />
      </div>
      <h3 id="excerpt-panel-title" ref={headingRef} tabIndex={-1}>
        Excerpt
      </h3>
      <blockquote className="excerpt-panel-quote" dir="auto" style={excerptStripe(excerpt)}>
        {excerpt.quote}
      </blockquote>
      <p className="excerpt-panel-meta">
        <GradeBadge reliability={excerpt.reliability} credibility={excerpt.credibility} />
        <PageBadge page={excerpt.page} />
        <AnchorBadge state={excerpt.state} score={excerpt.score} />
        <EntityChips entities={excerpt.entities} />
      </p>
      {excerpt.state !== 'exact' && (
        <div className={`anchor-note anchor-note-${excerpt.state}`}>
          <p>{ANCHOR_STATE_LABELS[excerpt.state].description}.</p>
          {needsReview && (
            <button type="button" className="button" onClick={() => startReview(excerpt.sourceId, excerpt.id)}>
              Review this excerpt
            </button>
          )}
        </div>
      )}
      <ExcerptForm
        key={`${excerpt.id}-${excerpt.updatedAt}`}
        initial={excerpt}
        excerptId={excerpt.id}
        submitLabel={busy ? 'Saving…' : 'Save changes'}
        busy={busy}
        onSubmit={save}
        footerStart={<ConfirmButton label="Delete" confirmLabel="Delete excerpt" busy={busy} onConfirm={remove} />}
      />
      <p className="muted small">Created {formatEdited(excerpt.createdAt)}</p>
      <CitedIn excerptId={excerpt.id} />
    </div>
  );
}
