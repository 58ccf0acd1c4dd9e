// The popover over a selected passage in the reader: its quote and the form that saves it
// as an excerpt. Escape closes it.
import { useEffect, useRef } from 'react';
import { ExcerptForm, type ExcerptDetails } from './ExcerptForm';
import type { Anchor } from './useReaderSelection';

export function SavePopover({
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
      <p className="popover-quote" dir="auto">“{quote.length > 220 ? `${quote.slice(0, 220)}…` : quote}”</p>
      <ExcerptForm submitLabel={saving ? 'Saving…' : 'Save excerpt'} busy={saving} onSubmit={onSave} onCancel={onClose} autoFocus />
    </div>
  );
}
