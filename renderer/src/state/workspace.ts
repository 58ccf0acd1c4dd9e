// The workspace was replaced as a whole (a backup restored): views that load once and
// then own their data (the open brief's editor) start again on the restored state. The
// others follow the topics the restore announces.
import { createStore, useStore } from './store';

const generation = createStore(0);

export function workspaceReplaced(): void {
  generation.set(generation.get() + 1);
}

export function useWorkspaceGeneration(): number {
  return useStore(generation);
}
