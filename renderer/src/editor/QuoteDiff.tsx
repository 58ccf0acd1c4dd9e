// What a cited passage said then against what it says now, word by word; and the
// "changed since cited" mark that shows it on hover or focus.
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { wordDiff } from '../ui/wordDiff';

export function QuoteDiff({ before, after }: { before: string; after: string }) {
  const parts = useMemo(() => wordDiff(before, after), [before, after]);
  return (
    <span className="quote-diff" aria-label="Quote when cited against the passage now">
      {parts.map((part, i) =>
        part.kind === 'same' ? (
          <span key={i}>{part.text}</span>
        ) : part.kind === 'removed' ? (
          <del key={i} title="When cited, not now">
            {part.text}
          </del>
        ) : (
          <ins key={i} title="Now, not when cited">
            {part.text}
          </ins>
        ),
      )}
    </span>
  );
}

const SHOW_DELAY = 150;

/** A small "changed since cited" flag; hovering or focusing it shows the word diff. */
export function ChangedMark({ before, after, label = 'changed since cited' }: { before: string; after: string; label?: string }) {
  const ref = useRef<HTMLSpanElement>(null);
  const [open, setOpen] = useState(false);
  const timer = useRef<number | undefined>(undefined);
  const id = useId();
  const schedule = (next: boolean) => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setOpen(next), next ? SHOW_DELAY : 120);
  };
  useEffect(() => () => window.clearTimeout(timer.current), []);
  return (
    <>
      <span
        ref={ref}
        className="changed-mark"
        tabIndex={0}
        aria-describedby={open ? id : undefined}
        onMouseEnter={() => schedule(true)}
        onMouseLeave={() => schedule(false)}
        onFocus={() => schedule(true)}
        onBlur={() => schedule(false)}
      >
        {label}
      </span>
      {open && ref.current && <DiffPopover id={id} anchor={ref.current} before={before} after={after} onEnter={() => window.clearTimeout(timer.current)} onLeave={() => schedule(false)} />}
    </>
  );
}

function DiffPopover({ id, anchor, before, after, onEnter, onLeave }: { id: string; anchor: HTMLElement; before: string; after: string; onEnter(): void; onLeave(): void }) {
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);
  useLayoutEffect(() => {
    const rect = anchor.getBoundingClientRect();
    const box = ref.current?.getBoundingClientRect();
    const width = box?.width ?? 360;
    const height = box?.height ?? 120;
    const top = rect.bottom + 6 + height > window.innerHeight - 8 ? Math.max(8, rect.top - height - 6) : rect.bottom + 6;
    setPosition({ top, left: Math.min(Math.max(8, rect.left), window.innerWidth - width - 8) });
  }, [anchor]);
  return createPortal(
    <div
      ref={ref}
      id={id}
      role="tooltip"
      className="popover diff-popover"
      style={position ? { top: position.top, left: position.left } : { visibility: 'hidden', top: 0, left: 0 }}
      onMouseEnter={onEnter}
      onMouseLeave={onLeave}
    >
      <p className="diff-popover-title">Changed since cited</p>
      <blockquote className="diff-popover-text">
        <QuoteDiff before={before} after={after} />
      </blockquote>
      <p className="diff-popover-legend muted">
        <del>removed</del> <ins>added</ins> since the citation was made
      </p>
    </div>,
    document.body,
  );
}
