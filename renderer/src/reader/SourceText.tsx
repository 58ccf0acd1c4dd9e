// The source's text, rendered only near the viewport for long sources. The text is cut
// into blocks (paragraphs; see layout.ts); only the blocks around the visible area, plus
// a few pinned ones (the selection's ends, the excerpt being saved or revealed), are in
// the DOM, between spacers whose heights are the other blocks' heights — measured once
// rendered, estimated from their length until then. Every run of text keeps its
// `data-start`, so DOM selections map back to text offsets exactly as before.
import { Fragment, memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type RefObject } from 'react';
import { mentionRunProps, splitAtMentions, type SourceMention } from '../entities/mentions';
import { highlightStyle } from './colors';
import { blockIndexAt, pageLabel, segmentsOf, type Block, type Mark, type PageMarks } from './layout';

/** The id of the mark of the passage being saved (not an excerpt yet). */
export const PENDING = '__pending';
/** The id of the mark of a passage revealed by offset (a mention, a paragraph), for a moment. */
export const PASSAGE = '__passage';
const isExcerptId = (id: string) => id !== PENDING && id !== PASSAGE;

/** Sources with at most this many blocks and characters render whole. */
const WHOLE_BLOCKS = 150;
const WHOLE_CHARS = 150_000;

export interface RevealRequest {
  excerptId: string;
  offset: number;
  nonce: number;
}

/** What is drawn over the text (built by useHighlights.ts); a new object whenever any of it changes. */
export interface Highlights {
  marks: Mark[];
  /** Excerpt id → the hue of its highlight (null: neutral). */
  hues: ReadonlyMap<string, number | null>;
  /** Excerpt id → its length, to put the most specific excerpt on top. */
  lengths: ReadonlyMap<string, number>;
  /** Excerpts found only approximately (fuzzy), marked until the analyst confirms them. */
  fuzzyIds: ReadonlySet<string>;
  focusedId: string | null;
  selectedId: string | null;
  focusNonce: number;
  /** Entity mentions (sorted, not overlapping): drawn as dotted underlines, apart from highlights. */
  mentions: readonly SourceMention[];
}

interface Props {
  text: string;
  blocks: Block[];
  pageMarks: PageMarks;
  highlights: Highlights;
  /** Text offsets whose blocks must stay rendered. */
  pins: readonly number[];
  reveal: RevealRequest | null;
  scrollRef: RefObject<HTMLDivElement | null>;
}

type Range = [number, number];

interface Metrics {
  lineHeight: number;
  gap: number;
  charWidth: number;
  width: number;
}

function sameRanges(a: readonly Range[], b: readonly Range[]): boolean {
  return a.length === b.length && a.every((r, i) => r[0] === b[i][0] && r[1] === b[i][1]);
}

function mergeRanges(ranges: Range[]): Range[] {
  const sorted = ranges.filter((r) => r[0] <= r[1]).sort((a, b) => a[0] - b[0]);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** The average width of a character of the reading font, from a canvas (no layout). */
function measureCharWidth(el: HTMLElement): number {
  const style = getComputedStyle(el);
  const ctx = document.createElement('canvas').getContext('2d');
  const size = parseFloat(style.fontSize) || 17;
  if (!ctx) return size * 0.5;
  ctx.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  const sample = 'The harbour board met on Monday to review screening at the East Terminal, and 1.8 per cent of containers were opened.';
  return ctx.measureText(sample).width / sample.length || size * 0.5;
}

export const SourceText = memo(function SourceText({ text, blocks, pageMarks, highlights, pins, reveal, scrollRef }: Props) {
  const n = blocks.length;
  const windowed = n > WHOLE_BLOCKS || text.length > WHOLE_CHARS;
  const flowRef = useRef<HTMLDivElement>(null);
  const heights = useRef(new Float64Array(n));
  const measured = useRef(new Uint8Array(n));
  const offsets = useRef(new Float64Array(n + 1));
  const metrics = useRef<Metrics | null>(null);
  /** Measured ÷ estimated heights, learnt from rendered blocks. */
  const calibration = useRef(1);
  const [ranges, setRangesState] = useState<Range[]>(() => (windowed ? [[0, Math.min(n - 1, 40)]] : [[0, n - 1]]));
  /** The ranges asked for last (ahead of the state while a render is pending). */
  const rangesRef = useRef(ranges);
  const [, setLayoutVersion] = useState(0);
  const pendingReveal = useRef<{ id: string; smooth: boolean; at: number } | null>(null);
  /** Before estimates change: a block in view and where it was, to put the view back after. */
  const restore = useRef<{ index: number; top: number } | null>(null);
  const pinsRef = useRef(pins);
  pinsRef.current = pins;

  const setRanges = useCallback((next: Range[]) => {
    if (sameRanges(next, rangesRef.current)) return;
    rangesRef.current = next;
    setRangesState(next);
  }, []);

  const estimate = useCallback(
    (i: number): number => {
      const m = metrics.current;
      const b = blocks[i];
      const gap = i + 1 < n && blocks[i + 1].continued ? 0 : (m?.gap ?? 17);
      if (!m) return 60 + gap;
      const perLine = Math.max(10, Math.floor(m.width / m.charWidth));
      const lines = Math.max(1, Math.ceil(((b.end - b.start) / perLine) * calibration.current)) + b.lineBreaks;
      return lines * m.lineHeight + gap;
    },
    [blocks, n],
  );

  const recomputeOffsets = useCallback(() => {
    const o = offsets.current;
    const h = heights.current;
    o[0] = 0;
    for (let i = 0; i < n; i++) o[i + 1] = o[i] + h[i];
  }, [n]);

  /** The block at `y` pixels from the top of the text. */
  const indexAtY = useCallback(
    (y: number): number => {
      const o = offsets.current;
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (o[mid] <= y) lo = mid;
        else hi = mid - 1;
      }
      return Math.max(0, lo);
    },
    [n],
  );

  const origin = useCallback(() => {
    const flow = flowRef.current;
    const scroller = scrollRef.current;
    if (!flow || !scroller) return 0;
    return flow.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
  }, [scrollRef]);

  /** The first rendered block in view, and its top relative to the view. */
  const captureAnchor = useCallback((): { index: number; top: number } | null => {
    const flow = flowRef.current;
    const scroller = scrollRef.current;
    if (!flow || !scroller) return null;
    const viewTop = scroller.getBoundingClientRect().top;
    for (const el of flow.querySelectorAll<HTMLElement>(':scope > .reader-block')) {
      const rect = el.getBoundingClientRect();
      if (rect.bottom > viewTop) return { index: Number(el.dataset.block), top: rect.top - viewTop };
    }
    return null;
  }, [scrollRef]);

  /**
   * New estimates for every block not measured yet. The spacers change on the next
   * render; the view is put back on the same text right after it (see `restore`).
   */
  const reestimate = useCallback(() => {
    restore.current ??= captureAnchor();
    const h = heights.current;
    const done = measured.current;
    for (let i = 0; i < n; i++) if (!done[i]) h[i] = estimate(i);
    recomputeOffsets();
    setLayoutVersion((v) => v + 1);
  }, [captureAnchor, n, estimate, recomputeOffsets]);

  /** Which blocks to render for the current scroll position and pins. */
  const wanted = useCallback(
    (force = false): Range[] => {
      if (!windowed || n === 0) return [[0, n - 1]];
      const scroller = scrollRef.current;
      if (!scroller) return rangesRef.current;
      const top = scroller.scrollTop - origin();
      const view = scroller.clientHeight || 800;
      const over = Math.max(600, view);
      const core: Range = [indexAtY(top - 100), indexAtY(top + view + 100)];
      const main = rangesRef.current.find((r) => r[0] <= core[0] && r[1] >= core[1]);
      const desired: Range = [indexAtY(top - over), indexAtY(top + view + over)];
      // Keep what is rendered while it still covers the view and is not much larger.
      const base = !force && main && main[1] - main[0] <= (desired[1] - desired[0]) * 2 + 10 ? main : desired;
      const pinned = pinsRef.current.map((offset): Range => {
        const i = blockIndexAt(blocks, offset);
        return [i, i];
      });
      return mergeRanges([[base[0], base[1]], ...pinned.filter((r) => r[0] >= 0)]);
    },
    [windowed, n, scrollRef, origin, indexAtY, blocks],
  );

  const update = useCallback(
    (force = false) => {
      // While a reveal waits for its block, the view is about to jump: leave the window be.
      const pending = pendingReveal.current;
      if (pending && performance.now() - pending.at < 2000) return;
      setRanges(wanted(force));
    },
    [wanted, setRanges],
  );

  // Metrics of the reading column; re-estimated (measurements dropped) when its width changes.
  useLayoutEffect(() => {
    const flow = flowRef.current;
    if (!flow || !windowed) return;
    const read = () => {
      const style = getComputedStyle(flow);
      const fontSize = parseFloat(style.fontSize) || 17;
      const lineHeight = parseFloat(style.lineHeight) || fontSize * 1.6;
      return { lineHeight, gap: fontSize, charWidth: measureCharWidth(flow), width: flow.clientWidth };
    };
    metrics.current = read();
    reestimate();
    let lastWidth = flow.clientWidth;
    const observer = new ResizeObserver(() => {
      const width = flow.clientWidth;
      if (Math.abs(width - lastWidth) < 1) return;
      lastWidth = width;
      metrics.current = read();
      measured.current.fill(0);
      reestimate();
    });
    observer.observe(flow);
    return () => observer.disconnect();
  }, [windowed, reestimate]);

  // Follow scrolling.
  useEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller || !windowed) return;
    let frame = 0;
    const onScroll = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        update();
      });
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    const onResize = new ResizeObserver(() => update());
    onResize.observe(scroller);
    return () => {
      scroller.removeEventListener('scroll', onScroll);
      onResize.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [scrollRef, windowed, update]);

  // New pins (a selection, a passage being saved) stay rendered.
  const pinKey = pins.join(',');
  useEffect(() => {
    update();
  }, [pinKey, update]);

  // After each render: put the view back where it was if estimates changed; measure the
  // rendered blocks, keeping the view still when blocks above it turn out taller or
  // shorter than estimated; learn from them; honour a pending reveal.
  useLayoutEffect(() => {
    const flow = flowRef.current;
    const scroller = scrollRef.current;
    if (windowed && flow && scroller) {
      const back = restore.current;
      restore.current = null;
      const anchorEl = back && flow.querySelector<HTMLElement>(`:scope > [data-block="${back.index}"]`);
      if (back && anchorEl) scroller.scrollTop += anchorEl.getBoundingClientRect().top - scroller.getBoundingClientRect().top - back.top;
      const top = scroller.scrollTop - origin();
      const anchor = indexAtY(top);
      let shift = 0;
      let changed = false;
      let sumMeasured = 0;
      let sumEstimated = 0;
      for (const el of flow.querySelectorAll<HTMLElement>(':scope > .reader-block')) {
        const i = Number(el.dataset.block);
        const h = el.offsetHeight;
        if (!measured.current[i]) {
          sumMeasured += h;
          sumEstimated += heights.current[i];
          measured.current[i] = 1;
        }
        if (Math.abs(h - heights.current[i]) > 0.5) {
          if (i < anchor) shift += h - heights.current[i];
          heights.current[i] = h;
          changed = true;
        }
      }
      if (changed) {
        recomputeOffsets();
        if (shift) scroller.scrollTop += shift;
      }
      // Estimates off by more than 10% over a good sample: scale the rest.
      if (sumEstimated > 2000 && Math.abs(sumMeasured / sumEstimated - 1) > 0.1) {
        calibration.current = Math.min(3, Math.max(0.33, calibration.current * (sumMeasured / sumEstimated)));
        reestimate();
      } else if (changed) {
        update();
      }
    }
    const pending = pendingReveal.current;
    if (pending && flow) {
      const el = flow.querySelector<HTMLElement>(`[data-ids~="${CSS.escape(pending.id)}"]`);
      if (el) {
        pendingReveal.current = null;
        const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
        // A smooth scroll would be cut short by the view being put back after new estimates.
        const smooth = pending.smooth && !reduce && !restore.current;
        el.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
        if (restore.current) restore.current = captureAnchor();
      }
    }
  });

  // Reveal a passage: render its block (and the blocks around it, when it is far from the
  // view), then scroll it into the middle of the view once it is in the DOM.
  useLayoutEffect(() => {
    if (!reveal) return;
    const i = blockIndexAt(blocks, reveal.offset);
    if (i === -1) return;
    const o = offsets.current;
    const scroller = scrollRef.current;
    const view = scroller?.clientHeight || 800;
    const rendered = rangesRef.current.some((r) => r[0] <= i && i <= r[1]);
    // Near the view: glide there. Far: jump (a long smooth scroll would be cut short as
    // blocks on the way get measured).
    const near = !windowed || (rendered && !!scroller && Math.abs(o[i] - (scroller.scrollTop - origin())) < 2 * view);
    pendingReveal.current = { id: reveal.excerptId, smooth: near, at: performance.now() };
    setLayoutVersion((v) => v + 1);
    if (near) return;
    const around: Range = [indexAtY(o[i] - view), indexAtY(o[i + 1] + view)];
    const pinned = pinsRef.current.map((offset): Range => {
      const k = blockIndexAt(blocks, offset);
      return [k, k];
    });
    setRanges(mergeRanges([around, [i, i], ...pinned.filter((r) => r[0] >= 0)]));
    // Each request is honoured once.
  }, [reveal?.nonce]);

  const o = offsets.current;
  const total = o[n] ?? 0;
  let cursor = 0;
  return (
    <div className={`reader-flow${windowed ? ' is-windowed' : ''}`} ref={flowRef}>
      {ranges.map(([a, b]) => {
        const spacer = windowed ? o[a] - cursor : 0;
        cursor = o[b + 1];
        const items = [];
        for (let i = a; i <= b; i++) {
          items.push(
            <BlockView
              key={i}
              index={i}
              text={text}
              block={blocks[i]}
              last={i + 1 >= n || !blocks[i + 1].continued}
              pageStart={pageMarks.atBlock.get(i) ?? null}
              pagesInside={pageMarks.inBlock.get(i)}
              ocrPages={pageMarks.ocr}
              highlights={highlights}
            />,
          );
        }
        return (
          <Fragment key={a}>
            {windowed && <div className="reader-spacer" aria-hidden="true" style={{ height: spacer }} />}
            {items}
          </Fragment>
        );
      })}
      {windowed && <div className="reader-spacer" aria-hidden="true" style={{ height: Math.max(0, total - cursor) }} />}
    </div>
  );
});

/** Where a page begins: between blocks (a rule) or inside one (a mark in the line), "p. 3", or "p. 3 · OCR 93%" for a page read by OCR. */
function PageMark({ page, ocr, block }: { page: number; ocr: ReadonlyMap<number, number>; block?: boolean }) {
  const { label, name } = pageLabel(page, ocr);
  const className = `${block ? 'page-break' : 'page-marker'}${ocr.has(page) ? ' is-ocr' : ''}`;
  return block ? <div className={className} data-label={label} role="note" aria-label={name} /> : <span className={className} data-label={label} role="note" aria-label={name} />;
}

const BlockView = memo(function BlockView({
  index,
  text,
  block,
  last,
  pageStart,
  pagesInside,
  ocrPages,
  highlights,
}: {
  index: number;
  text: string;
  block: Block;
  last: boolean;
  pageStart: number | null;
  pagesInside: { offset: number; page: number }[] | undefined;
  ocrPages: ReadonlyMap<number, number>;
  highlights: Highlights;
}) {
  const { marks, hues, lengths, fuzzyIds, focusedId, selectedId, focusNonce, mentions } = highlights;
  const cuts = useMemo(() => pagesInside?.map((p) => p.offset) ?? [], [pagesInside]);
  const segments = useMemo(() => splitAtMentions(segmentsOf(block, marks, cuts), mentions), [block, marks, cuts, mentions]);
  const pageAtOffset = useMemo(() => new Map(pagesInside?.map((p) => [p.offset, p.page])), [pagesInside]);
  return (
    <div className={`reader-block${last ? '' : ' is-continued'}`} data-block={index}>
      {pageStart !== null && <PageMark page={pageStart} ocr={ocrPages} block />}
      <p className="reader-paragraph" dir="auto">
        {segments.map((s) => {
          const content = text.slice(s.start, s.end);
          const page = pageAtOffset.get(s.start);
          const marker = page !== undefined && <PageMark key={`p${s.start}`} page={page} ocr={ocrPages} />;
          if (s.ids.length === 0) {
            return (
              <Fragment key={s.start}>
                {marker}
                <span data-start={s.start} {...mentionRunProps(s.mention)}>
                  {content}
                </span>
              </Fragment>
            );
          }
          const pending = s.ids.includes(PENDING);
          // Longest first: the most specific excerpt is the top layer and the lowest line.
          const saved = s.ids.filter(isExcerptId).sort((a, b) => (lengths.get(b) ?? 0) - (lengths.get(a) ?? 0));
          const classes = ['hl'];
          if (saved.length > 0) classes.push(saved.length > 1 ? 'hl-many' : 'hl-one');
          if (pending) classes.push('hl-pending');
          if (s.ids.includes(PASSAGE)) classes.push('hl-passage');
          const fuzzy = saved.some((id) => fuzzyIds.has(id));
          if (fuzzy) classes.push('hl-fuzzy');
          const focused = focusedId !== null && saved.includes(focusedId);
          if (focused) classes.push('hl-focused');
          if (selectedId && saved.includes(selectedId)) classes.push('hl-selected');
          return (
            <Fragment key={s.start}>
              {marker}
              <mark
                key={`${s.start}-${focused ? focusNonce : 0}`}
                data-start={s.start}
                data-ids={s.ids.join(' ')}
                data-mention={s.mention?.start}
                data-entity-id={s.mention?.entityId}
                className={s.mention ? `${classes.join(' ')} ${mentionRunProps(s.mention).className}` : classes.join(' ')}
                style={saved.length ? (highlightStyle(saved.map((id) => hues.get(id) ?? null)) as CSSProperties) : undefined}
                title={fuzzy ? 'A fuzzy match: confirm or fix it in the review' : saved.length > 1 ? `${saved.length} excerpts overlap here` : undefined}
              >
                {content}
              </mark>
            </Fragment>
          );
        })}
      </p>
    </div>
  );
});
