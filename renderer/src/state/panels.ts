// Window-wide UI state that several places open: the publisher grades dialog (from the
// sidebar and the reader's grade popover) and the review of excerpts to check (from the
// sidebar, the reader's header and a replace summary). Stores (store.ts), like toasts.
import { createStore, useStore } from './store';

/** The publisher grades dialog: closed (null) or open, optionally pointing at one publisher. */
const publishers = createStore<{ highlight: string | null } | null>(null);
export const openPublishers = (highlight: string | null = null) => publishers.set({ highlight });
export const closePublishers = () => publishers.set(null);
export const usePublishersPanel = () => useStore(publishers);

export interface ReviewState {
  /** Only this source's excerpts, or every source's (null). */
  scope: string | null;
  /** The excerpt being reviewed; null picks the first. */
  currentId: string | null;
}

/** The review walk: null when not reviewing. */
const review = createStore<ReviewState | null>(null);
export const startReview = (scope: string | null, currentId: string | null = null) => review.set({ scope, currentId });
export const setReviewCurrent = (currentId: string | null) => {
  const now = review.get();
  if (now && now.currentId !== currentId) review.set({ ...now, currentId });
};
export const stopReview = () => review.set(null);
export const useReview = () => useStore(review);
export const getReview = review.get;

/**
 * Focus mode for writing: the sidebar and the reader step aside and the brief takes the
 * window (View ▸ Focus Mode, Escape leaves). Not remembered: a new window starts with all panes.
 */
const focusMode = createStore(false);
export const setFocusMode = (on: boolean) => focusMode.set(on);
export const getFocusMode = focusMode.get;
export const useFocusMode = () => useStore(focusMode);
