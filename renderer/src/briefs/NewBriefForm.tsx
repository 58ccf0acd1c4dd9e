import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api';
import { useNavigation } from '../app/navigation';
import { createStore, useStore } from '../state/store';
import { notifyError } from '../state/toasts';

/** New Brief asked for (Ctrl/Cmd+N, the palette, the menu) and not yet taken up by the sidebar's form. */
const requested = createStore(false);

/** Opens the sidebar's New brief field (the app shows the sidebar first if it is hidden). */
export function requestNewBrief(): void {
  requested.set(true);
}

/**
 * "New brief" — asks for a title inline, creates the brief and opens it. The sidebar's
 * (compact) one also opens for the New Brief command.
 */
export function NewBriefForm({ compact }: { compact?: boolean }) {
  const nav = useNavigation();
  const [open, setOpen] = useState(false);
  const asked = useStore(requested);
  useEffect(() => {
    if (!compact || !asked) return;
    requested.set(false);
    setOpen(true);
  }, [compact, asked]);
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim() || busy) return;
    setBusy(true);
    try {
      const brief = await api['briefs:create']({ title: title.trim() });
      nav.openBrief(brief.id);
      setTitle('');
      setOpen(false);
    } catch (error) {
      notifyError(error, 'The brief was not created');
    } finally {
      setBusy(false);
    }
  };

  if (!open) {
    return (
      <button type="button" className={compact ? 'icon-button new-brief-button' : 'button button-primary'} onClick={() => setOpen(true)} aria-label="New brief" title="New brief">
        {compact ? '+' : 'New brief'}
      </button>
    );
  }
  return (
    <form className="new-brief-form" onSubmit={create}>
      <input
        type="text"
        aria-label="Title of the new brief"
        placeholder="Brief title"
        value={title}
        autoFocus
        onChange={(e) => setTitle(e.target.value)}
        onBlur={(e) => {
          // Leaving an empty field closes it; moving to the Create button does not.
          if (!title.trim() && !e.currentTarget.form?.contains(e.relatedTarget as Node | null)) setOpen(false);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            setOpen(false);
          }
        }}
      />
      <button type="submit" className="button button-primary" disabled={busy || !title.trim()}>
        Create
      </button>
    </form>
  );
}
