// Window-wide UI state that several places open: the publisher grades dialog (from the
// sidebar and the reader's grade popover) and the review of excerpts to check (from the
// sidebar, the reader's header and a replace summary). Tiny external stores, like toasts.
import { useSyncExternalStore } from 'react';

function store<T>(initial: T) {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next: T) {
      value = next;
      listeners.forEach((l) => l());
    },
    use(): T {
      return useSyncExternalStore(
        (l) => {
          listeners.add(l);
          return () => listeners.delete(l);
        },
        () => value,
      );
    },
  };
}

/** The publisher grades dialog: closed (null) or open, optionally pointing at one publisher. */
const publishers = store<{ highlight: string | null } | null>(null);
export const openPublishers = (highlight: string | null = null) => publishers.set({ highlight });
export const closePublishers = () => publishers.set(null);
export const usePublishersPanel = publishers.use;

export interface ReviewState {
  /** Only this source's excerpts, or every source's (null). */
  scope: string | null;
  /** The excerpt being reviewed; null picks the first. */
  currentId: string | null;
}

/** The review walk: null when not reviewing. */
const review = store<ReviewState | null>(null);
export const startReview = (scope: string | null, currentId: string | null = null) => review.set({ scope, currentId });
export const setReviewCurrent = (currentId: string | null) => {
  const now = review.get();
  if (now && now.currentId !== currentId) review.set({ ...now, currentId });
};
export const stopReview = () => review.set(null);
export const useReview = review.use;
export const getReview = review.get;
