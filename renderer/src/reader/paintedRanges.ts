// Offsets of the source's text painted with the CSS Custom Highlight API: ranges over the
// text's runs (each run knows its offset: data-start), painted without touching the DOM
// that selections and excerpts are measured on, and painted again as the windowed reader
// draws other blocks. The find bar's matches and OCR's uncertain words are painted so.
import { useEffect, type RefObject } from 'react';

/** [start, end) offsets, in order. */
export type Span = readonly [number, number];

/** Ranges for the spans over the runs of text now in the page. */
export function rangesInPage(root: HTMLElement, spans: readonly Span[]): Range[] {
  const ranges: Range[] = [];
  if (spans.length === 0) return ranges;
  for (const run of root.querySelectorAll<HTMLElement>('[data-start]')) {
    const node = run.firstChild;
    if (!(node instanceof Text)) continue;
    const start = Number(run.dataset.start);
    const end = start + node.length;
    // The first span ending after this run starts (spans are in order).
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid][1] <= start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < spans.length && spans[i][0] < end; i++) {
      const range = document.createRange();
      range.setStart(node, Math.max(0, spans[i][0] - start));
      range.setEnd(node, Math.min(node.length, spans[i][1] - start));
      ranges.push(range);
    }
  }
  return ranges;
}

/** Paints `spans` as the highlight `name` (styled by ::highlight(name)) while mounted. */
export function usePaintedRanges(name: string, spans: readonly Span[], textRef: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const root = textRef.current;
    const registry = (CSS as unknown as { highlights?: Map<string, unknown> }).highlights;
    const HighlightClass = (window as unknown as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;
    if (!root || !registry || !HighlightClass || spans.length === 0) return;
    let frame = 0;
    const paint = () => registry.set(name, new HighlightClass(...rangesInPage(root, spans)));
    paint();
    const observer = new MutationObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(paint);
    });
    observer.observe(root, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
      registry.delete(name);
    };
  }, [name, spans, textRef]);
}
