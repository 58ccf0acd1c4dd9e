// The page names the workspace it shows, as the desktop window's title does
// ("Harbour inquiry — Sourcebook"): in a browser the tab is all there is to tell two
// served workspaces apart. (The desktop window keeps the title the main process gives it.)
import { useEffect } from 'react';
import { api } from '../api';
import { useApiQuery } from '../state/topics';

export function useWorkspaceTitle(): void {
  const info = useApiQuery(() => api['workspace:info']({}), [], []);
  const name = info.data?.name;
  useEffect(() => {
    if (name) document.title = `${name} — Sourcebook`;
  }, [name]);
}
