// Requests to show a place in the reader's text, and the excerpt in focus. A passage asked
// for by offset (nav.openPassage: a mention, a paragraph) is revealed and marked for a
// moment; an excerpt asked for (nav.reveal: a citation click, a search result, the review)
// is focused (its highlight pulses) and scrolled into view once it is loaded. Each request
// is honoured once, not again on reloads.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigation } from '../app/navigation';
import type { ExcerptView, Source } from '../types';
import { PASSAGE, type RevealRequest } from './SourceText';

/** A new value for every focus request: restarts the highlight's pulse, and scrolls when asked. */
let focusCounter = 0;

/** How long a passage asked for by offset stays marked. */
const PASSAGE_MS = 4000;

export interface RevealState {
  /** The passage asked for by offset, while it is marked. */
  passage: { start: number; end: number } | null;
  /** The excerpt in focus, and the nonce of the last focus (restarts its pulse). */
  focusedId: string | null;
  focusNonce: number;
  /** The last request to scroll a place into view, for SourceText. */
  reveal: RevealRequest | null;
  /** Marks an excerpt's passage (pulse) and, when asked, scrolls it into view. */
  focusExcerpt(excerpt: ExcerptView, scroll: boolean): void;
}

/**
 * `placed`: whether an excerpt has a place in the text shown. `onUnplaced`: an excerpt
 * asked for has none (orphaned, or on another version).
 */
export function useRevealRequest(
  source: Source,
  excerpts: readonly ExcerptView[],
  placed: (excerpt: ExcerptView) => boolean,
  onUnplaced: (excerpt: ExcerptView) => void,
): RevealState {
  const nav = useNavigation();
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [focusNonce, setFocusNonce] = useState(0);
  const [reveal, setReveal] = useState<RevealRequest | null>(null);

  // A passage asked for by offset: revealed and marked for a moment.
  const [passage, setPassage] = useState<{ start: number; end: number } | null>(null);
  const passageHandled = useRef<number | null>(null);
  const passageTimer = useRef<number | undefined>(undefined);
  const navPassage = nav.passage && nav.passage.sourceId === source.id ? nav.passage : null;
  useEffect(() => {
    if (!navPassage || passageHandled.current === navPassage.nonce) return;
    passageHandled.current = navPassage.nonce;
    const start = Math.max(0, Math.min(navPassage.start, source.text.length));
    const end = Math.max(start, Math.min(navPassage.end, source.text.length));
    if (end <= start) return;
    setPassage({ start, end });
    setReveal({ excerptId: PASSAGE, offset: start, nonce: ++focusCounter });
    window.clearTimeout(passageTimer.current);
    passageTimer.current = window.setTimeout(() => setPassage(null), PASSAGE_MS);
  }, [navPassage, source.text.length]);
  useEffect(() => () => window.clearTimeout(passageTimer.current), []);

  const focusExcerpt = useCallback(
    (excerpt: ExcerptView, scroll: boolean) => {
      const nonce = ++focusCounter;
      setFocusedId(excerpt.id);
      setFocusNonce(nonce);
      if (scroll && placed(excerpt)) setReveal({ excerptId: excerpt.id, offset: excerpt.start, nonce });
    },
    [placed],
  );

  // An excerpt asked for: honoured once, as soon as it is loaded.
  const navReveal = nav.reveal;
  const revealed = useRef<number | null>(null);
  useEffect(() => {
    if (!navReveal || revealed.current === navReveal.nonce) return;
    const target = excerpts.find((e) => e.id === navReveal.excerptId);
    if (!target) return;
    revealed.current = navReveal.nonce;
    if (!placed(target)) {
      // Nothing to point at in this text.
      onUnplaced(target);
      return;
    }
    focusExcerpt(target, true);
  }, [navReveal, excerpts, placed, onUnplaced, focusExcerpt]);

  return { passage, focusedId, focusNonce, reveal, focusExcerpt };
}
