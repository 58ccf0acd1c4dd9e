// The reader's margin: the source's excerpts in text order, or one excerpt's panel where
// its tags, entities and note are edited and the excerpt can be deleted.
import { useEffect, useRef, useState } from 'react';
import { deleteExcerpt, updateExcerpt } from '../state/mutations';
import { notify, notifyError } from '../state/toasts';
import { gradeLabel, type ExcerptView } from '../types';
import { EntityChips, GradeBadge, TagChips } from '../ui/Chips';
import { ConfirmButton } from '../ui/ConfirmButton';
import { formatEdited } from '../ui/format';
import { ExcerptForm, type ExcerptDetails } from './ExcerptForm';

const STATE_LABELS: Record<ExcerptView['state'], string | null> = {
  exact: null,
  moved: 'Moved — found at a new position',
  fuzzy: 'Fuzzy match — please confirm',
  orphaned: 'Orphaned — the passage is no longer in the text',
};

interface Props {
  excerpts: ExcerptView[];
  selectedId: string | null;
  onSelect(id: string): void;
  onBack(): void;
  onClose(): void;
}

export function ExcerptMargin({ excerpts, selectedId, onSelect, onBack, onClose }: Props) {
  const selected = selectedId ? excerpts.find((e) => e.id === selectedId) : undefined;
  const sorted = [...excerpts].sort((a, b) => a.start - b.start || a.end - b.end);
  return (
    <aside className="margin" id="excerpt-margin" aria-label={selected ? 'Excerpt' : 'Excerpts of this source'}>
      {selected ? (
        <ExcerptPanel key={selected.id} excerpt={selected} onBack={onBack} />
      ) : (
        <>
          <div className="margin-header">
            <h3>Excerpts</h3>
            <button type="button" className="icon-button" aria-label="Hide excerpts" title="Hide excerpts" onClick={onClose}>
              ×
            </button>
          </div>
          {sorted.length === 0 ? (
            <p className="margin-empty">Select a passage in the text and choose “Save excerpt” to keep it here.</p>
          ) : (
            <ul className="excerpt-list">
              {sorted.map((e) => (
                <li key={e.id}>
                  <button type="button" className="excerpt-card" onClick={() => onSelect(e.id)} data-excerpt-id={e.id}>
                    <span className="excerpt-card-quote">{e.quote}</span>
                    <span className="excerpt-card-meta">
                      <GradeBadge grade={gradeLabel(e.reliability, e.credibility)} />
                      <TagChips tags={e.tags} max={4} />
                      {e.entities.length > 0 && <span className="muted">{e.entities.map((x) => x.name).join(', ')}</span>}
                      {STATE_LABELS[e.state] && <span className={`anchor-state anchor-${e.state}`}>{e.state}</span>}
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
      await updateExcerpt({ id: excerpt.id, ...details });
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
      await deleteExcerpt(excerpt.id);
      notify('Excerpt deleted. Citations of it now show it as deleted.');
      onBack();
    } catch (error) {
      notifyError(error, 'The excerpt was not deleted');
      setBusy(false);
    }
  };

  const stateLabel = STATE_LABELS[excerpt.state];
  return (
    <div className="excerpt-panel" role="region" aria-labelledby="excerpt-panel-title">
      <div className="margin-header">
        <button type="button" className="link-button" onClick={onBack}>
          ← All excerpts
        </button>
      </div>
      <h3 id="excerpt-panel-title" ref={headingRef} tabIndex={-1}>
        Excerpt
      </h3>
      <blockquote className="excerpt-panel-quote">{excerpt.quote}</blockquote>
      <p className="excerpt-panel-meta">
        <GradeBadge grade={gradeLabel(excerpt.reliability, excerpt.credibility)} />
        <EntityChips entities={excerpt.entities} />
        {stateLabel && <span className={`anchor-state anchor-${excerpt.state}`}>{stateLabel}</span>}
      </p>
      <ExcerptForm
        key={`${excerpt.id}-${excerpt.updatedAt}`}
        initial={excerpt}
        submitLabel={busy ? 'Saving…' : 'Save changes'}
        busy={busy}
        onSubmit={save}
        footerStart={<ConfirmButton label="Delete" confirmLabel="Delete excerpt" busy={busy} onConfirm={remove} />}
      />
      <p className="muted small">Created {formatEdited(excerpt.createdAt)}</p>
    </div>
  );
}
