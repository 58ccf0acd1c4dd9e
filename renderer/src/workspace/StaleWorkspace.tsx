// A tab loaded before the server switched to another workspace (from another tab): the
// server refuses what it asks (HTTP 409, electron/ipc/http.ts), and this strip says so once,
// with the way out, in place of the page's other warning strip.
import { useEffect, useState, type ReactNode } from 'react';
import { onWorkspaceSwitchedElsewhere } from '../api';
import { reloadOnOtherWorkspace } from './reload';

export function StaleWorkspace({ children }: { children?: ReactNode }) {
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => onWorkspaceSwitchedElsewhere(setMessage), []);
  if (!message) return children;
  return (
    <div className="sync-warning" role="alert">
      <p>
        <strong>{message}</strong>
      </p>
      <button type="button" className="button button-primary" onClick={reloadOnOtherWorkspace}>
        Reload
      </button>
    </div>
  );
}
