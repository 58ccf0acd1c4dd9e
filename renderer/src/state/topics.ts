// What changed, so every view showing that kind of data reloads: the library's counts
// after an import, the reader's highlights after an edit. The API client (api.ts)
// announces what each write changes (common/changes.ts) after it succeeds; the excerpt
// cache hears first, then the views of each topic.
import { useEffect, useState } from 'react';
import type { Topic } from '../../../common/changes';
import type { ExcerptView } from '../types';
import { createKeyedSignal, createSignal } from './store';
import { notifyError } from './toasts';

export type { Topic };

/** What a change did to excerpts already shown (the live citations). */
export type ExcerptChange = { kind: 'changed'; view: ExcerptView } | { kind: 'deleted'; id: string } | { kind: 'every' };

const changed = createKeyedSignal<Topic>();
const excerptsChanged = createSignal<ExcerptChange>();

/** Tells the views of each topic. (Writes through the API are announced by api.ts.) */
export function announce(...topics: readonly Topic[]): void {
  for (const topic of topics) changed.emit(topic);
}

/** A change to the workspace: the excerpt cache is told what happened to shown excerpts, then each topic's views. */
export function announceChange(topics: readonly Topic[], excerpts?: ExcerptChange): void {
  if (excerpts) excerptsChanged.emit(excerpts);
  announce(...topics);
}

/** The excerpt cache follows changes to shown excerpts (state/excerptStore.ts). */
export const onExcerptChange = excerptsChanged.subscribe;

/** Calls `listener` whenever `topic` is announced; returns the unsubscribe. */
export const listen = (topic: Topic, listener: () => void): (() => void) => changed.subscribe(topic, listener);

export interface Query<T> {
  data: T | undefined;
  error: Error | null;
  loading: boolean;
  reload(): void;
}

/**
 * Loads through the API and reloads whenever `deps` change or one of `topics` is
 * announced. A reload for a topic keeps the previous data meanwhile (no flicker); new
 * `deps` (another source, another brief) start empty.
 */
/** The services' "not found" sentence (electron/services/errors.ts `found`). */
const GONE = /^No [\w ]+ with id \S+\.?$/;

export function useApiQuery<T>(load: (() => Promise<T>) | null, deps: readonly unknown[], topics: readonly Topic[]): Query<T> {
  const [state, setState] = useState<{ data: T | undefined; error: Error | null; loading: boolean }>({
    data: undefined,
    error: null,
    loading: load !== null,
  });
  const [generation, setGeneration] = useState(0);
  const key = JSON.stringify(deps);
  const [loadedKey, setLoadedKey] = useState(key);
  if (loadedKey !== key) {
    setLoadedKey(key);
    setState({ data: undefined, error: null, loading: load !== null });
  }

  useEffect(() => {
    const unsubscribe = topics.map((t) => listen(t, () => setGeneration((g) => g + 1)));
    return () => unsubscribe.forEach((u) => u());
  }, [topics.join(',')]);

  useEffect(() => {
    if (!load) {
      setState({ data: undefined, error: null, loading: false });
      return;
    }
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ data, error: null, loading: false }),
      (error: unknown) => {
        if (!live) return;
        setState((s) => ({ ...s, error: error instanceof Error ? error : new Error(String(error)), loading: false }));
        // Something gone ("No source with id …": moved to the Trash a moment ago, from another
        // window) is shown by the view that asked (the reader's empty state, a tab that
        // leaves), not put in front of the person as an error.
        if (!GONE.test(error instanceof Error ? error.message : String(error))) notifyError(error);
      },
    );
    return () => {
      live = false;
    };
  }, [key, generation]);

  return { ...state, reload: () => setGeneration((g) => g + 1) };
}
