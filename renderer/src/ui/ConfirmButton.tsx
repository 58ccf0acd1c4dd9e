// A destructive action asks once, inline: the button turns into "Confirm / Cancel".
// No window.confirm: it blocks the page and Electron's is not reliable.
import { useEffect, useRef, useState } from 'react';

/** `tabIndex`: -1 keeps it out of the Tab order (a row of a list with roving focus that is not the current one). */
export function ConfirmButton({ label, confirmLabel, onConfirm, busy, tabIndex }: { label: string; confirmLabel: string; onConfirm(): void; busy?: boolean; tabIndex?: number }) {
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <button type="button" className="button button-danger-quiet" tabIndex={tabIndex} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={confirmLabel}>
      <button type="button" ref={confirmRef} className="button button-danger" disabled={busy} onClick={onConfirm}>
        {confirmLabel}
      </button>
      <button type="button" className="button" onClick={() => setAsking(false)} onKeyDown={(e) => e.key === 'Escape' && setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}
