// The reader's entity layer, wired into Reader.tsx in a few lines: the source's mentions
// (drawn by SourceText as dotted underlines) and the popover a click on one opens: open
// the entity's page, excerpt the sentence, or "not a mention" (gone, and stays gone).
import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent as ReactMouseEvent, type ReactNode, type RefObject } from 'react';
import { api } from '../api';
import { useNavigation } from '../app/navigation';
import { notify, notifyError } from '../state/toasts';
import { useApiQuery } from '../state/topics';
import { ENTITY_TYPE_LABELS, type Source } from '../types';
import { EntityTypeIcon } from './EntityTypeIcon';
import { normalizeMentions, type SourceMention } from './mentions';
import { openSideView } from './sideView';

/** The source's mentions, reloaded when entities (names, aliases, dismissals) or the text change. */
export function useSourceMentions(sourceId: string | null): SourceMention[] {
  const query = useApiQuery(sourceId ? () => api['mentions:source']({ sourceId }) : null, [sourceId], ['entities', 'sources', 'versions']);
  return query.data ?? [];
}

interface Open {
  mention: SourceMention;
  top: number;
  left: number;
}

export interface ReaderMentions {
  mentions: SourceMention[];
  /** Handles a click on a mention; true when it did (the reader then ignores the click). */
  onTextClick(event: ReactMouseEvent): boolean;
  /** Opens the card of the mention at a text offset (Enter at the caret); true when there is one. */
  openAt(offset: number): boolean;
  popover: ReactNode;
}

export function useReaderMentions(source: Source, scrollRef: RefObject<HTMLDivElement | null>): ReaderMentions {
  const nav = useNavigation();
  const loaded = useSourceMentions(source.id);
  /** Dismissed here: gone at once, before the reload confirms it. */
  const [dismissed, setDismissed] = useState<ReadonlySet<number>>(() => new Set());
  const mentions = useMemo(() => normalizeMentions(loaded.filter((m) => !dismissed.has(m.start))), [loaded, dismissed]);
  const [open, setOpen] = useState<Open | null>(null);
  const onTextClick = useCallback(
    (event: ReactMouseEvent): boolean => {
      const selection = window.getSelection();
      if (selection && !selection.isCollapsed) return false;
      const run = (event.target as HTMLElement).closest<HTMLElement>('[data-mention]');
      const scroller = scrollRef.current;
      if (!run || !scroller) return false;
      const start = Number(run.dataset.mention);
      const mention = mentions.find((m) => m.start === start);
      if (!mention) return false;
      setOpen(placeBeside(mention, run, scroller));
      return true;
    },
    [mentions, scrollRef],
  );

  const openAt = useCallback(
    (offset: number): boolean => {
      const mention = mentions.find((m) => m.start <= offset && offset < m.end);
      const scroller = scrollRef.current;
      const run = mention && scroller?.querySelector<HTMLElement>(`[data-mention="${mention.start}"]`);
      if (!mention || !run || !scroller) return false;
      setOpen(placeBeside(mention, run, scroller));
      return true;
    },
    [mentions, scrollRef],
  );

  // Closed from the keyboard (Escape), the keyboard goes back to the text it came from.
  const close = useCallback(() => {
    if (document.activeElement?.closest('.mention-popover')) scrollRef.current?.focus({ preventScroll: true });
    setOpen(null);
  }, [scrollRef]);

  const toExcerpt = async (m: SourceMention) => {
    try {
      const view = await api['mentions:toExcerpt']({ sourceId: source.id, start: m.start });
      close();
      nav.openSource(source.id, view.id);
      notify(`Excerpt saved, tagged with ${m.entityName}.`);
    } catch (error) {
      notifyError(error, 'The sentence was not excerpted');
    }
  };

  const dismiss = async (m: SourceMention) => {
    setDismissed((set) => new Set(set).add(m.start));
    close();
    try {
      await api['mentions:dismiss']({ sourceId: source.id, start: m.start });
    } catch (error) {
      setDismissed((set) => {
        const next = new Set(set);
        next.delete(m.start);
        return next;
      });
      notifyError(error, 'The mention was not dismissed');
    }
  };

  const popover = open && (
    <MentionPopover
      key={open.mention.start}
      open={open}
      onClose={close}
      onOpenEntity={() => {
        close();
        openSideView({ kind: 'entity', id: open.mention.entityId });
      }}
      onExcerpt={() => void toExcerpt(open.mention)}
      onDismiss={() => void dismiss(open.mention)}
    />
  );

  return { mentions, onTextClick, openAt, popover };
}

/** The card's place: under the mention's run of text, inside the scrolling area. */
function placeBeside(mention: SourceMention, run: HTMLElement, scroller: HTMLElement): Open {
  const rect = run.getBoundingClientRect();
  const box = scroller.getBoundingClientRect();
  const left = Math.min(rect.left - box.left + scroller.scrollLeft, box.width - 332);
  return { mention, top: rect.bottom - box.top + scroller.scrollTop + 6, left: Math.max(8, left) };
}

function MentionPopover({ open, onClose, onOpenEntity, onExcerpt, onDismiss }: { open: Open; onClose(): void; onOpenEntity(): void; onExcerpt(): void; onDismiss(): void }) {
  const ref = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState(false);
  const { mention } = open;
  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('button')?.focus({ preventScroll: true });
    ref.current?.scrollIntoView({ block: 'nearest' });
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        onClose();
      }
    };
    const onDown = (event: MouseEvent) => {
      const target = event.target as Element;
      if (ref.current?.contains(target) || target.closest?.('[data-mention]')) return;
      onClose();
    };
    document.addEventListener('keydown', onKey, true);
    document.addEventListener('mousedown', onDown);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      document.removeEventListener('mousedown', onDown);
    };
  }, [onClose]);
  return (
    <div className="popover mention-popover" role="dialog" aria-label={`Mention of ${mention.entityName}`} ref={ref} style={{ top: open.top, left: open.left }}>
      <button type="button" className="mention-popover-entity" onClick={onOpenEntity} title="Open the entity’s page">
        <EntityTypeIcon type={mention.entityType} size={16} />
        <span className="mention-popover-name">{mention.entityName}</span>
        <span className="mention-popover-type">{ENTITY_TYPE_LABELS[mention.entityType]}</span>
        <span className="mention-popover-go" aria-hidden="true">
          →
        </span>
      </button>
      <div className="mention-popover-actions">
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            onExcerpt();
          }}
        >
          Excerpt this sentence
        </button>
        <button type="button" className="button button-quiet" disabled={busy} onClick={onDismiss} title="This is not the entity: hide this mention for good">
          Not a mention
        </button>
      </div>
    </div>
  );
}
