// The Admiralty grade: source reliability A–F (a source's, or its publisher's default)
// and information credibility 1–6 (an excerpt's), shown together as `B2`. The badge, a
// legend that explains the letters and numbers, and one picker for either scale.
import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { useDismiss } from './useDismiss';
import { CREDIBILITY, CREDIBILITY_MEANINGS, gradeLabel, RELIABILITY, RELIABILITY_MEANINGS, type Credibility, type Reliability } from '../types';

/** What a grade says, in words, for tooltips and screen readers. */
export function gradeDescription(reliability: Reliability | null, credibility: number | null, reliabilityFrom?: 'source' | 'publisher' | null): string {
  const r = reliability
    ? `source ${reliability}: ${RELIABILITY_MEANINGS[reliability].toLowerCase()}${reliabilityFrom === 'publisher' ? ' (the publisher’s default)' : ''}`
    : 'source reliability not graded';
  const c = credibility ? `information ${credibility}: ${CREDIBILITY_MEANINGS[credibility as Credibility].toLowerCase()}` : 'information credibility not graded';
  return `${r}; ${c}`;
}

/** The grade as a small badge: `B2`, `B?`, `?2`, or “ungraded” when neither half is. */
export function GradeBadge({
  reliability,
  credibility,
  reliabilityFrom,
  showUngraded = true,
}: {
  reliability: Reliability | null;
  credibility: number | null;
  reliabilityFrom?: 'source' | 'publisher' | null;
  showUngraded?: boolean;
}) {
  const text = gradeLabel(reliability, credibility);
  if (!text) {
    if (!showUngraded) return null;
    return (
      <span className="grade grade-none" title="Not graded: no source reliability (A–F), no information credibility (1–6)">
        ungraded
      </span>
    );
  }
  const description = gradeDescription(reliability, credibility, reliabilityFrom);
  return (
    <span className="grade" title={`Grade ${text} — ${description}`} aria-label={`Grade ${text}: ${description}`}>
      {text}
    </span>
  );
}

/** A “?” button that opens the meaning of the letters and numbers. */
export function GradeLegend({ align = 'start' }: { align?: 'start' | 'end' }) {
  const [open, setOpen] = useState(false);
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);
  const id = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const popoverRef = useRef<HTMLDivElement>(null);
  useDismiss(
    open,
    () => setOpen(false),
    (target) => !!(buttonRef.current?.contains(target) || popoverRef.current?.contains(target)),
    buttonRef,
  );

  // Drawn over everything (panes clip their overflow), placed by the button, kept on screen.
  useLayoutEffect(() => {
    if (!open) {
      setPosition(null);
      return;
    }
    const place = () => {
      const button = buttonRef.current?.getBoundingClientRect();
      const box = popoverRef.current?.getBoundingClientRect();
      if (!button) return;
      const width = box?.width ?? 400;
      const height = box?.height ?? 260;
      const left = Math.min(Math.max(8, align === 'end' ? button.right - width : button.left - 8), window.innerWidth - width - 8);
      const below = button.bottom + 6;
      const top = below + height > window.innerHeight - 8 && button.top - height - 6 > 8 ? button.top - height - 6 : below;
      setPosition((p) => (p && p.top === top && p.left === left ? p : { top, left }));
    };
    place();
    window.addEventListener('resize', place);
    window.addEventListener('scroll', place, true);
    return () => {
      window.removeEventListener('resize', place);
      window.removeEventListener('scroll', place, true);
    };
  }, [open, align, position]);

  const host = buttonRef.current?.closest('dialog') ?? document.body;
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="legend-button"
        aria-expanded={open}
        aria-controls={id}
        aria-label="What the grades mean"
        title="What the grades mean"
        onClick={() => setOpen((o) => !o)}
      >
        ?
      </button>
      {open &&
        createPortal(
          <div
            id={id}
            ref={popoverRef}
            className="popover grade-legend"
            role="note"
            aria-label="Admiralty grades"
            style={position ?? { visibility: 'hidden', top: 0, left: 0 }}
          >
            <p className="grade-legend-intro">
              A grade such as <span className="grade">B2</span> pairs the source’s reliability with the information’s credibility. <span className="grade">?</span> marks a half
              not graded yet.
            </p>
            <div className="grade-legend-columns">
              <dl>
                <dt className="grade-legend-heading">Source reliability</dt>
                {RELIABILITY.map((r) => (
                  <div key={r} className="grade-legend-row">
                    <dt>{r}</dt>
                    <dd>{RELIABILITY_MEANINGS[r]}</dd>
                  </div>
                ))}
              </dl>
              <dl>
                <dt className="grade-legend-heading">Information credibility</dt>
                {CREDIBILITY.map((c) => (
                  <div key={c} className="grade-legend-row">
                    <dt>{c}</dt>
                    <dd>{CREDIBILITY_MEANINGS[c]}</dd>
                  </div>
                ))}
              </dl>
            </div>
          </div>,
          host,
        )}
    </>
  );
}

interface ScaleProps<T extends string | number> {
  label: string;
  values: readonly T[];
  meanings: Record<T, string>;
  value: T | null;
  onChange(value: T | null): void;
  /** The grade shown when `value` is null (a publisher's default), faintly. */
  inherited?: T | null;
  inheritedLabel?: string;
  disabled?: boolean;
  /** Keys that pick a value (digits for credibility, letters for reliability). */
  keyOf(value: T): string;
  autoFocus?: boolean;
}

/**
 * One grade scale as a row of radio buttons, plus “–” for not graded. Arrows move;
 * typing a value's key (1–6, A–F) picks it; 0, Backspace or Delete clear it.
 */
export function ScalePicker<T extends string | number>({ label, values, meanings, value, onChange, inherited, inheritedLabel, disabled, keyOf, autoFocus }: ScaleProps<T>) {
  const options: (T | null)[] = [null, ...values];
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const captionId = useId();
  const current = options.indexOf(value);

  useEffect(() => {
    // Focus once, when the picker appears.
    if (autoFocus) refs.current[Math.max(0, current)]?.focus();
  }, []);

  const choose = (index: number) => {
    const next = options[(index + options.length) % options.length];
    onChange(next);
    refs.current[(index + options.length) % options.length]?.focus();
  };

  const onKey = (event: KeyboardEvent) => {
    if (disabled || event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key.toLowerCase();
    const hit = values.findIndex((v) => keyOf(v).toLowerCase() === key);
    if (hit !== -1) choose(hit + 1);
    else if (key === '0' || key === 'backspace' || key === 'delete' || key === '-') choose(0);
    else if (key === 'arrowright' || key === 'arrowdown') choose(current + 1);
    else if (key === 'arrowleft' || key === 'arrowup') choose(current - 1);
    else if (key === 'home') choose(0);
    else if (key === 'end') choose(options.length - 1);
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  const caption =
    value !== null
      ? meanings[value]
      : inherited !== null && inherited !== undefined
        ? `${inherited} — ${meanings[inherited]}${inheritedLabel ? ` (${inheritedLabel})` : ''}`
        : 'Not graded';

  return (
    <div className="scale">
      <div className="scale-options" role="radiogroup" aria-label={label} aria-describedby={captionId} onKeyDown={onKey}>
        {options.map((option, index) => {
          const checked = option === value;
          const faint = option !== null && value === null && option === inherited;
          return (
            <button
              key={String(option)}
              ref={(el) => {
                refs.current[index] = el;
              }}
              type="button"
              role="radio"
              aria-checked={checked}
              aria-label={option === null ? 'Not graded' : `${option} — ${meanings[option]}`}
              title={option === null ? 'Not graded' : `${option} — ${meanings[option]}`}
              tabIndex={checked || (current === -1 && index === 0) ? 0 : -1}
              disabled={disabled}
              className={`scale-option${checked ? ' is-checked' : ''}${faint ? ' is-inherited' : ''}`}
              onClick={() => choose(index)}
            >
              {option === null ? '–' : option}
            </button>
          );
        })}
      </div>
      <span className="scale-caption" id={captionId}>
        {caption}
      </span>
    </div>
  );
}

export function CredibilityPicker(props: { value: number | null; onChange(value: number | null): void; disabled?: boolean; autoFocus?: boolean; label?: string }) {
  return (
    <ScalePicker<Credibility>
      label={props.label ?? 'Credibility'}
      values={CREDIBILITY}
      meanings={CREDIBILITY_MEANINGS}
      value={(props.value as Credibility | null) ?? null}
      onChange={props.onChange}
      disabled={props.disabled}
      autoFocus={props.autoFocus}
      keyOf={String}
    />
  );
}

export function ReliabilityPicker(props: {
  value: Reliability | null;
  onChange(value: Reliability | null): void;
  inherited?: Reliability | null;
  inheritedLabel?: string;
  disabled?: boolean;
  autoFocus?: boolean;
  label?: string;
}) {
  return (
    <ScalePicker<Reliability>
      label={props.label ?? 'Reliability'}
      values={RELIABILITY}
      meanings={RELIABILITY_MEANINGS}
      value={props.value}
      onChange={props.onChange}
      inherited={props.inherited}
      inheritedLabel={props.inheritedLabel}
      disabled={props.disabled}
      autoFocus={props.autoFocus}
      keyOf={String}
    />
  );
}
