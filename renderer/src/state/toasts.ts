// Non-blocking notices: errors from the API, confirmations. A tiny external store so any
// module (not only components) can report.
import { createStore, useStore } from './store';

export interface Toast {
  id: number;
  kind: 'info' | 'error';
  message: string;
  /** A button in the toast (e.g. Undo); the toast closes when it is used. */
  action?: ToastAction;
}

export interface ToastAction {
  label: string;
  run(): void;
}

const toasts = createStore<Toast[]>([]);
let nextId = 1;

export function dismissToast(id: number): void {
  toasts.set(toasts.get().filter((t) => t.id !== id));
}

/** Shows a toast; returns its id (for dismissToast). */
export function notify(message: string, kind: Toast['kind'] = 'info', action?: ToastAction): number {
  const id = nextId++;
  toasts.set([...toasts.get().slice(-4), { id, kind, message, action }]);
  // A toast with an action stays long enough to be used.
  window.setTimeout(() => dismissToast(id), kind === 'error' ? 9000 : action ? 10000 : 4500);
  return id;
}

/** Shows what went wrong; the message of an API error is already written for a person. */
export function notifyError(error: unknown, context?: string): void {
  // Refused because the server switched workspaces from another tab: the page's strip says so once (api.ts).
  if (error instanceof Error && error.name === 'SwitchedElsewhereError') return;
  const message = error instanceof Error ? error.message : String(error);
  notify(context ? `${context}: ${message}` : message, 'error');
}

export function useToasts(): Toast[] {
  return useStore(toasts);
}
