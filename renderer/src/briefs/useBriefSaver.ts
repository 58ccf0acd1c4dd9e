// Autosave for one brief: changes (document, title) are merged and sent ~700 ms after the
// last one (at most 500 ms after the first unsaved one), one request at a time, and flushed
// when the brief closes or is exported. "Saved" shows once typing pauses (see settle).
import type { EditorState } from 'lexical';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Input } from '../../../electron/ipc/contract';
import { callDeferred } from '../api';
import { notifyError } from '../state/toasts';

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'error';

const DELAY = 700;
/**
 * However steadily the analyst types, a change waits at most this long: the save request
 * is then in flight, so an edit reaches the workspace within a second (what a crash or a
 * kill of the app may lose).
 */
const MAX_WAIT = 500;
/** "Saving…" shows only for a save slower than this (a quick one would only flicker). */
const SHOW_SAVING_AFTER = 300;
/** Typing has paused when nothing changed for this long: then "Saved", and the brief list hears of it. */
const SETTLE = 400;

interface Pending {
  title?: string;
  state?: EditorState;
}

export function useBriefSaver(briefId: string, loadedDocument: unknown) {
  const [status, setStatusState] = useState<SaveStatus>('saved');
  // Set only on a real change: even a same-value setState can cost a React render and commit,
  // and schedule() runs on every keystroke.
  const statusRef = useRef<SaveStatus>('saved');
  const setStatus = useCallback((next: SaveStatus) => {
    if (statusRef.current === next) return;
    statusRef.current = next;
    setStatusState(next);
  }, []);
  const pending = useRef<Pending>({});
  const timer = useRef<number | undefined>(undefined);
  const firstPendingAt = useRef<number | null>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());
  /** Saved while typing went on: the brief list is told once typing pauses (the save's announcement, held back). */
  const announcePending = useRef<(() => void) | null>(null);
  const settleTimer = useRef<number | undefined>(undefined);
  // Every React commit, anywhere in the window, makes React measure the selection of the
  // focused text — a walk over the whole editor DOM. So while the analyst types, the status
  // stays "Edited" and the brief list (sidebar) is not reloaded: both wait for a pause.
  const settle = useCallback(() => {
    window.clearTimeout(settleTimer.current);
    settleTimer.current = window.setTimeout(() => {
      if (timer.current !== undefined) return;
      setStatus('saved');
      const announce = announcePending.current;
      if (announce) {
        announcePending.current = null;
        announce();
      }
    }, SETTLE);
  }, [setStatus]);
  // The document as loaded: saving it again would change nothing.
  const lastDocument = useRef<string | null>(JSON.stringify(loadedDocument));

  const flush = useCallback((): Promise<void> => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    firstPendingAt.current = null;
    const work = pending.current;
    pending.current = {};
    if (work.title === undefined && work.state === undefined) return chain.current;
    chain.current = chain.current.then(async () => {
      // Lexical's serialized state is the brief document the contract checks for shape.
      const document = work.state?.toJSON() as unknown as Input<'briefs:save'>['document'];
      const serialized = document ? JSON.stringify(document) : null;
      const changedDocument = serialized !== null && serialized !== lastDocument.current;
      if (work.title === undefined && !changedDocument) {
        if (timer.current === undefined) settle();
        return;
      }
      let showedSaving = false;
      const slow = window.setTimeout(() => {
        showedSaving = true;
        setStatus('saving');
      }, SHOW_SAVING_AFTER);
      try {
        const { announce } = await callDeferred('briefs:save', { id: briefId, ...(work.title !== undefined ? { title: work.title } : {}), ...(changedDocument ? { document } : {}) });
        if (serialized) lastDocument.current = serialized;
        window.clearTimeout(slow);
        // A new title shows in the list at once; document saves wait for a pause.
        if (work.title !== undefined) announce();
        else announcePending.current = announce;
        if (timer.current === undefined) settle();
        else if (showedSaving) setStatus('pending');
      } catch (error) {
        window.clearTimeout(slow);
        // Keep the unsaved change so the next edit (or export) tries again.
        pending.current = { ...work, ...pending.current };
        setStatus('error');
        notifyError(error, 'The brief was not saved');
      }
    });
    return chain.current;
  }, [briefId, setStatus, settle]);

  const schedule = useCallback(
    (patch: Pending) => {
      pending.current = { ...pending.current, ...patch };
      window.clearTimeout(settleTimer.current);
      setStatus('pending');
      const now = Date.now();
      firstPendingAt.current ??= now;
      window.clearTimeout(timer.current);
      const delay = Math.min(DELAY, Math.max(0, firstPendingAt.current + MAX_WAIT - now));
      timer.current = window.setTimeout(() => void flush(), delay);
    },
    [flush, setStatus],
  );

  useEffect(() => {
    // Closing or reloading the window sends what is pending right away. (No
    // preventDefault: in Electron that would silently keep the window open.)
    const beforeUnload = () => {
      if (timer.current !== undefined) void flush();
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      void flush();
    };
  }, [flush]);

  return { status, schedule, flush };
}
