// The passages behind a number (a matrix cell, a link chart edge, a co-occurrence count):
// excerpts and paragraphs, each one click (or Enter) away from the reader at its passage.
// A drawer over the right of the view; Escape or × closes it.
import { useEffect, useRef, type ReactNode } from 'react';
import { useNavigation } from '../app/navigation';
import type { ParagraphEvidence } from '../entities/model';
import type { ExcerptView } from '../types';
import { TagChips } from '../ui/Chips';
import { GradeBadge } from '../ui/Grade';
import { formatEventDate } from './dates';

export function ExcerptItem({ excerpt, showSource = true, showDate = true }: { excerpt: ExcerptView; showSource?: boolean; showDate?: boolean }) {
  const nav = useNavigation();
  return (
    <button type="button" className="evidence-item" onClick={() => nav.openSource(excerpt.sourceId, excerpt.id)} data-excerpt-id={excerpt.id} title="Show this passage in the reader">
      <span className="evidence-quote" dir="auto">“{excerpt.quote}”</span>
      <span className="evidence-meta">
        <GradeBadge reliability={excerpt.reliability} credibility={excerpt.credibility} />
        {showDate && excerpt.eventDate && <span className="evidence-date">{formatEventDate(excerpt.eventDate)}</span>}
        {showSource && <span className="evidence-source">{excerpt.sourceTitle}</span>}
        <TagChips tags={excerpt.tags} max={3} />
      </span>
    </button>
  );
}

export function ParagraphItem({ paragraph, highlight = [] }: { paragraph: ParagraphEvidence; highlight?: readonly string[] }) {
  const nav = useNavigation();
  const text = paragraph.text.length > 420 ? `${paragraph.text.slice(0, 420)}…` : paragraph.text;
  return (
    <button type="button" className="evidence-item evidence-paragraph" onClick={() => nav.openPassage(paragraph.sourceId, paragraph.start, paragraph.end)} title="Show this paragraph in the reader">
      <span className="evidence-text">{emphasize(text, highlight)}</span>
      <span className="evidence-meta">
        <span className="evidence-kind">¶ {paragraph.paragraph + 1}</span>
        <span className="evidence-source">{paragraph.sourceTitle}</span>
      </span>
    </button>
  );
}

/** `text` with every occurrence of the given names in bold (case-insensitive). */
export function emphasize(text: string, names: readonly string[]): ReactNode {
  const wanted = names.filter((n) => n.trim().length > 1);
  if (wanted.length === 0) return text;
  const pattern = new RegExp(`(${wanted.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'giu');
  return text.split(pattern).map((part, i) => (i % 2 === 1 ? <strong key={i}>{part}</strong> : part));
}

interface Props {
  title: ReactNode;
  subtitle?: ReactNode;
  excerpts: ExcerptView[] | undefined;
  paragraphs?: ParagraphEvidence[];
  /** Names to emphasize in the paragraphs. */
  names?: readonly string[];
  loading?: boolean;
  onClose(): void;
  children?: ReactNode;
}

export function EvidencePanel({ title, subtitle, excerpts, paragraphs, names, loading, onClose, children }: Props) {
  const ref = useRef<HTMLElement>(null);
  // Focus moves into the panel; on close it goes back where it was (the cell, the edge's list item).
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    return () => {
      const active = document.activeElement;
      if (before?.isConnected && (!active || active === document.body || ref.current?.contains(active))) before.focus({ preventScroll: true });
    };
  }, []);
  // The heading takes focus when the panel opens or shows other passages (not on reloads).
  const focusedTitle = useRef<string | null>(null);
  useEffect(() => {
    const heading = ref.current?.querySelector<HTMLElement>('h3');
    const text = heading?.textContent ?? '';
    if (!heading || focusedTitle.current === text) return;
    focusedTitle.current = text;
    heading.focus({ preventScroll: true });
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      if ((event.target as HTMLElement).closest?.('.popover, dialog')) return;
      event.preventDefault();
      onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);
  const none = !loading && (excerpts?.length ?? 0) === 0 && (paragraphs?.length ?? 0) === 0;
  return (
    <aside className="evidence-panel" ref={ref} aria-label="Evidence" aria-busy={loading}>
      <div className="evidence-header">
        <h3 tabIndex={-1}>{title}</h3>
        <button type="button" className="icon-button" aria-label="Close evidence" title="Close (Esc)" onClick={onClose}>
          ×
        </button>
      </div>
      {subtitle && <p className="evidence-subtitle">{subtitle}</p>}
      <div className="evidence-body">
        {children}
        {loading && <p className="muted">Loading passages…</p>}
        {none && <p className="muted">No passages left under the current filters.</p>}
        {excerpts && excerpts.length > 0 && (
          <section aria-label="Excerpts">
            <h4>
              Excerpts <span className="count">{excerpts.length}</span>
            </h4>
            <ul className="evidence-list">
              {excerpts.map((e) => (
                <li key={e.id}>
                  <ExcerptItem excerpt={e} />
                </li>
              ))}
            </ul>
          </section>
        )}
        {paragraphs && paragraphs.length > 0 && (
          <section aria-label="Paragraphs">
            <h4>
              Paragraphs mentioning both <span className="count">{paragraphs.length}</span>
            </h4>
            <ul className="evidence-list">
              {paragraphs.map((p) => (
                <li key={`${p.sourceId}:${p.paragraph}`}>
                  <ParagraphItem paragraph={p} highlight={names} />
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </aside>
  );
}
