// Asks the open brief to cite excerpts chosen elsewhere (several search results at once):
// the brief's editor, wherever its caret was left, cites each in turn. Whether a brief is
// open to hear it is known too, so a "Cite in brief" button is offered only then.
import { createSignal, createStore, useStore } from '../state/store';
import type { DraggedExcerpt } from './excerptDrag';

const requests = createSignal<DraggedExcerpt[]>();
const listening = createStore(0);

export const requestCitations = (excerpts: DraggedExcerpt[]): void => requests.emit(excerpts);

/** The brief's editor hears the requests while it is mounted. */
export function onCitationRequest(cite: (excerpts: DraggedExcerpt[]) => void): () => void {
  listening.set(listening.get() + 1);
  const stop = requests.subscribe(cite);
  return () => {
    stop();
    listening.set(listening.get() - 1);
  };
}

export const useBriefListening = (): boolean => useStore(listening) > 0;
