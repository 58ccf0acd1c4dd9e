// Maps a DOM selection in the reader back to offsets in the source's normalized text.
// Every rendered text run is an element with `data-start` (its offset in source.text)
// holding exactly one text node, so a boundary inside a run is `start + offset`; a
// boundary between elements (a triple-click, a drag past the end) resolves to the next
// run after it, or the end of the last run shown.

const RUN_SELECTOR = '[data-start]';
/** Characters between two paragraphs' runs (their blank lines) looked at, at most. */
const BETWEEN_BLOCKS = 200;

function runStart(el: Element): number {
  return Number((el as HTMLElement).dataset.start);
}

/** A DOM point (a selection's end, say) as an offset in the text. */
export function boundaryOffset(root: HTMLElement, node: Node, offset: number, textLength: number): number {
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
  const run = element?.closest(RUN_SELECTOR);
  if (run && root.contains(run)) {
    if (node.nodeType === Node.TEXT_NODE) return runStart(run) + offset;
    return runStart(run) + (offset === 0 ? 0 : (run.textContent ?? '').length);
  }
  const probe = document.createRange();
  probe.setStart(node, offset);
  let last: Element | null = null;
  for (const candidate of root.querySelectorAll(RUN_SELECTOR)) {
    const text = candidate.firstChild ?? candidate;
    if (probe.comparePoint(text, 0) >= 0) return runStart(candidate);
    last = candidate;
  }
  // After every run shown (a long source renders only part of its text): the end of the
  // last run shown, not the end of the whole text.
  return last ? runStart(last) + (last.textContent ?? '').length : textLength;
}

/**
 * The [start, end) of a DOM range in `text`, trimmed of surrounding whitespace, or null
 * when the range does not cover any of the text shown in `root`.
 */
export function rangeToOffsets(root: HTMLElement, range: Range, text: string): { start: number; end: number } | null {
  if (range.collapsed) return null;
  const rootRange = document.createRange();
  rootRange.selectNodeContents(root);
  // Ignore selections entirely outside the text.
  if (range.compareBoundaryPoints(Range.END_TO_START, rootRange) >= 0) return null;
  if (range.compareBoundaryPoints(Range.START_TO_END, rootRange) <= 0) return null;
  let start = boundaryOffset(root, range.startContainer, range.startOffset, text.length);
  let end = boundaryOffset(root, range.endContainer, range.endOffset, text.length);
  if (end < start) [start, end] = [end, start];
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end > start ? { start, end } : null;
}

/**
 * The DOM point of text offset `offset` among the runs shown in `root`: inside the run that
 * holds it, at a run's end, or at the start of the next run when it falls in the spaces
 * between paragraphs (which are not drawn); null when its block is not rendered.
 */
export function offsetToPoint(root: HTMLElement, offset: number, text: string): { node: Text; offset: number } | null {
  for (const run of root.querySelectorAll<HTMLElement>(RUN_SELECTOR)) {
    const node = run.firstChild;
    if (!(node instanceof Text)) continue;
    const start = runStart(run);
    if (offset > start + node.length) continue;
    if (offset >= start) return { node, offset: offset - start };
    // Between two runs: only the spaces between paragraphs, not a block left out.
    return start - offset <= BETWEEN_BLOCKS && !/\S/.test(text.slice(offset, start)) ? { node, offset: 0 } : null;
  }
  return null;
}
