// A dialog that picks one thing from a list as you type, the command palette's and Quick
// Open's shared shape: a combobox field (focused on open) over a listbox; ↑ ↓ move the
// highlight, Enter or a click picks, Escape closes. The caller filters and orders `items`
// from `query` and draws each row.
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Dialog } from './Dialog';

export interface PickerDialogProps<T> {
  title: string;
  /** The field's accessible name and placeholder. */
  label: string;
  placeholder: string;
  /** The list's accessible name. */
  listLabel: string;
  query: string;
  onQuery(query: string): void;
  items: readonly T[];
  itemKey(item: T): string;
  renderItem(item: T): ReactNode;
  /** Shown instead of the list when `items` is empty (nothing while still loading). */
  empty: ReactNode;
  onPick(item: T): void;
  onClose(): void;
}

export function PickerDialog<T>({ title, label, placeholder, listLabel, query, onQuery, items, itemKey, renderItem, empty, onPick, onClose }: PickerDialogProps<T>) {
  const [active, setActive] = useState(0);
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const current = Math.min(active, Math.max(0, items.length - 1));
  // After the dialog opened (its effect runs first, and showModal focuses its first button).
  useEffect(() => input.current?.focus(), []);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + items.length) % Math.max(1, items.length));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (items[current]) onPick(items[current]);
    }
  };

  return (
    <Dialog title={title} onClose={onClose} className="command-palette">
      <div className="dialog-body">
        <input
          ref={input}
          type="text"
          className="palette-input"
          placeholder={placeholder}
          aria-label={label}
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={items[current] ? `${listId}-${current}` : undefined}
          value={query}
          onChange={(e) => {
            onQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <div className="palette-list" id={listId} role="listbox" aria-label={listLabel}>
          {items.length === 0
            ? empty
            : items.map((item, i) => (
                <div
                  key={itemKey(item)}
                  id={`${listId}-${i}`}
                  role="option"
                  aria-selected={i === current}
                  className={`palette-item${i === current ? ' is-active' : ''}`}
                  onMouseDown={(e) => e.preventDefault()}
                  onMouseEnter={() => setActive(i)}
                  onClick={() => onPick(item)}
                >
                  {renderItem(item)}
                </div>
              ))}
        </div>
      </div>
    </Dialog>
  );
}
