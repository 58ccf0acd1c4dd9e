// The renderer's one store primitive: state kept outside React (window-wide UI state,
// caches, the topics of the workspace's data) that any module can change and any view
// can follow. A store holds one value, which views read through React's
// useSyncExternalStore (useStore); a signal tells its listeners of an event; a keyed
// signal tells listeners by key (an excerpt's id, a topic), so only that key's views hear.
import { useSyncExternalStore } from 'react';

type Listener = () => void;

export interface Store<T> {
  get(): T;
  /** Replaces the value and tells every subscriber. */
  set(next: T): void;
  subscribe(listener: Listener): () => void;
}

export function createStore<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<Listener>();
  return {
    get: () => value,
    set(next) {
      value = next;
      listeners.forEach((l) => l());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The store's value; the view re-renders whenever it is set. */
export function useStore<T>(store: Store<T>): T {
  return useSyncExternalStore(store.subscribe, store.get);
}

/** An event without a value to keep: `emit(event)` tells every subscriber. */
export interface Signal<E> {
  subscribe(listener: (event: E) => void): () => void;
  emit(event: E): void;
}

export function createSignal<E>(): Signal<E> {
  const listeners = new Set<(event: E) => void>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit: (event) => listeners.forEach((l) => l(event)),
  };
}

/** Listeners by key: `emit(key)` tells only those subscribed to that key. */
export interface KeyedSignal<K> {
  subscribe(key: K, listener: Listener): () => void;
  emit(key: K): void;
}

export function createKeyedSignal<K>(): KeyedSignal<K> {
  const listeners = new Map<K, Set<Listener>>();
  return {
    subscribe(key, listener) {
      let set = listeners.get(key);
      if (!set) listeners.set(key, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0 && listeners.get(key) === set) listeners.delete(key);
      };
    },
    emit(key) {
      listeners.get(key)?.forEach((l) => l());
    },
  };
}
