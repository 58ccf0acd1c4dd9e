// A pane's edge that a person drags, or focuses and moves with the keyboard (the WAI-ARIA
// window splitter): ← → move it, Shift with them moves further, Home and End go to the
// narrowest and widest, Enter collapses the pane and restores it at its last width.
import type { KeyboardEvent as ReactKeyboardEvent, PointerEvent as ReactPointerEvent } from 'react';

const STEP = 16;
const BIG_STEP = 64;

export interface PaneWidth {
  width: number;
  collapsed: boolean;
}

export function clampWidth(width: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(width)));
}

/** A remembered width (localStorage), read back clamped: a width saved on a wider screen still fits. */
export function loadWidth(key: string, fallback: number, min: number, max: number): number {
  const saved = Number(localStorage.getItem(key));
  return saved > 0 ? clampWidth(saved, min, max) : fallback;
}

export function ResizeEdge({
  label,
  className,
  controls,
  width,
  collapsed,
  min,
  max,
  side,
  onResize,
  onToggle,
}: {
  /** What the edge resizes, for screen readers ("Resize the sidebar"). */
  label: string;
  className?: string;
  /** The id of the pane it resizes, when that pane is on screen. */
  controls?: string;
  width: number;
  collapsed: boolean;
  min: number;
  max: number;
  /** Where the pane is: a pane at the left grows as the edge moves right, one at the right as it moves left. */
  side: 'left' | 'right';
  /** A new width (already clamped); a collapsed pane comes back with it. */
  onResize(width: number): void;
  onToggle(): void;
}) {
  const grows = side === 'left' ? 1 : -1;

  const onPointerDown = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.focus();
    const startX = event.clientX;
    const startWidth = collapsed ? 0 : width;
    const move = (e: PointerEvent) => onResize(clampWidth(startWidth + grows * (e.clientX - startX), min, max));
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      document.body.classList.remove('is-resizing');
    };
    document.body.classList.add('is-resizing');
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };

  const onKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? BIG_STEP : STEP;
    const from = collapsed ? min - step * grows : width;
    if (event.key === 'ArrowRight') onResize(clampWidth(from + grows * step, min, max));
    else if (event.key === 'ArrowLeft') onResize(clampWidth(from - grows * step, min, max));
    else if (event.key === 'Home') onResize(side === 'left' ? min : max);
    else if (event.key === 'End') onResize(side === 'left' ? max : min);
    else if (event.key === 'Enter') onToggle();
    else return;
    event.preventDefault();
  };

  return (
    <div
      className={`pane-edge${className ? ` ${className}` : ''}${collapsed ? ' is-collapsed' : ''}`}
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-controls={controls}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={collapsed ? 0 : width}
      aria-valuetext={collapsed ? 'collapsed' : `${width} pixels`}
      title={`Drag to resize; Enter to ${collapsed ? 'show' : 'hide'}`}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
