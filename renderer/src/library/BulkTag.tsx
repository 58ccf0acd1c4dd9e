// The library's bulk "Tag…": a tag typed (the workspace's tags offered as it is typed)
// added to every selected source, or removed from them. A small form that opens under its
// button, takes the focus, and gives it back on Escape or once done.
import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { api } from '../api';
import { useApiQuery } from '../state/topics';

export function BulkTag({ disabled, onTag }: { disabled: boolean; onTag(tag: string, remove: boolean): Promise<boolean> }) {
  const [open, setOpen] = useState(false);
  const [tag, setTag] = useState('');
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listId = useId();
  const formId = useId();
  const tags = useApiQuery(() => (open ? api['tags:list']({}) : Promise.resolve([])), [open], ['excerpts', 'sources']);

  const close = () => {
    setOpen(false);
    setTag('');
    buttonRef.current?.focus();
  };
  const run = async (remove: boolean) => {
    if (!tag.trim()) return;
    if (await onTag(tag, remove)) close();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    close();
  };

  return (
    <span className="library-bulk-tag">
      <button ref={buttonRef} type="button" className="button" disabled={disabled} aria-expanded={open} aria-controls={open ? formId : undefined} onClick={() => (open ? close() : setOpen(true))}>
        Tag…
      </button>
      {open && (
        <form
          id={formId}
          className="popover library-bulk-tag-form"
          aria-label="Tag the selected sources"
          onKeyDown={onKeyDown}
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            void run(false);
          }}
        >
          <label className="field">
            <span className="field-label">Tag (levels with /, as customs/ports)</span>
            <input type="text" autoFocus maxLength={200} list={listId} value={tag} onChange={(e) => setTag(e.target.value)} />
          </label>
          <datalist id={listId}>
            {(tags.data ?? []).map((t) => (
              <option key={t.name} value={t.name} />
            ))}
          </datalist>
          <div className="library-bulk-tag-actions">
            <button type="submit" className="button button-primary" disabled={!tag.trim()}>
              Add to selected
            </button>
            <button type="button" className="button" disabled={!tag.trim()} onClick={() => void run(true)}>
              Remove from selected
            </button>
          </div>
        </form>
      )}
    </span>
  );
}
