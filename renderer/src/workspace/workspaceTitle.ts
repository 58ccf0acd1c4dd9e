// The page names the workspace it shows, as the desktop window's title does
// ("Harbour inquiry — Sourcebook"): in a browser the tab is all there is to tell two
// served workspaces apart. (The desktop window keeps the title the main process gives it.)
// Knowing the workspace, the window also brings back its tabs.
import { useEffect } from 'react';
import { api } from '../api';
import { useApiQuery } from '../state/topics';
import { restoreTabs } from '../app/openTabs';

export function useWorkspaceTitle(): void {
  const info = useApiQuery(() => api['workspace:info']({}), [], []);
  const name = info.data?.name;
  const path = info.data?.path;
  useEffect(() => {
    if (name) document.title = `${name} — Sourcebook`;
  }, [name]);
  // The workspace known, its tabs come back as they were left (app/openTabs.ts).
  useEffect(() => {
    if (path) restoreTabs(path);
  }, [path]);
}
