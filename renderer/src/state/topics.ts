// What changed, announced by whoever changed it, so every view showing that kind of data
// reloads: the library's counts after an import, the reader's highlights after an edit.
import { useEffect, useState } from 'react';
import { createKeyedSignal } from './store';
import { notifyError } from './toasts';

export type Topic = 'sources' | 'excerpts' | 'briefs' | 'entities' | 'publishers' | 'versions';

const changed = createKeyedSignal<Topic>();

export function announce(...topics: Topic[]): void {
  for (const topic of topics) changed.emit(topic);
}

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
        notifyError(error);
      },
    );
    return () => {
      live = false;
    };
  }, [key, generation]);

  return { ...state, reload: () => setGeneration((g) => g + 1) };
}
