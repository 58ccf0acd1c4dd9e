// The command palette (Ctrl+Shift+P, Ctrl+P, F1; View ▸ Command Palette): every command the
// window carries out, from the one registry, fuzzy-matched as you type, the recently used
// first, each with its shortcut (the person's own, if they chose one in Settings). Enter runs the highlighted one; Escape closes.
import { useMemo, useRef, useState } from 'react';
import { COMMANDS, shortcutLabel, type Command, type CommandId } from '../../../common/commands';
import { keysOf } from '../../../common/keymap';
import { usePreferences } from '../state/preferences';
import { fuzzyScore } from '../../../common/fuzzy';
import { PickerDialog } from '../ui/PickerDialog';
import { isMac, runCommand } from './commands';

const RECENT_KEY = 'sourcebook.recentCommands';
const RECENT_LIMIT = 8;

function recentIds(): string[] {
  try {
    const saved = JSON.parse(localStorage.getItem(RECENT_KEY) ?? '[]') as unknown;
    return Array.isArray(saved) ? saved.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function remember(id: CommandId): void {
  localStorage.setItem(RECENT_KEY, JSON.stringify([id, ...recentIds().filter((x) => x !== id)].slice(0, RECENT_LIMIT)));
}

/** The palette's own entry is left out: it is already open. */
const LISTED = (COMMANDS as readonly Command[]).filter((c) => c.target === 'window' && c.id !== 'view.commandPalette');

/** Commands matching `query`, best first; with no query, the recently used first, then the registry's order. */
export function paletteOrder(query: string, recent: readonly string[]): Command[] {
  const rank = (c: Command) => {
    const r = recent.indexOf(c.id);
    return r < 0 ? RECENT_LIMIT : r;
  };
  if (!query.trim()) return [...LISTED].sort((a, b) => rank(a) - rank(b));
  return LISTED.map((c) => ({ c, score: fuzzyScore(query, `${c.category}: ${c.title}`) }))
    .filter((x): x is { c: Command; score: number } => x.score !== null)
    .sort((a, b) => b.score - a.score || rank(a.c) - rank(b.c))
    .map((x) => x.c);
}

export function CommandPalette({ onClose }: { onClose(): void }) {
  const [query, setQuery] = useState('');
  const recent = useRef(recentIds()).current;
  const shown = useMemo(() => paletteOrder(query, recent), [query, recent]);
  const { shortcuts } = usePreferences();

  const run = (command: Command) => {
    remember(command.id as CommandId);
    onClose();
    // After the dialog has closed, so a command that opens a dialog or moves focus gets it.
    window.setTimeout(() => runCommand(command.id as CommandId), 0);
  };

  return (
    <PickerDialog
      title="Command palette"
      label="Command"
      placeholder="Type a command"
      listLabel="Commands"
      query={query}
      onQuery={setQuery}
      items={shown}
      itemKey={(c) => c.id}
      renderItem={(c) => (
        <>
          <span className="palette-category">{c.category}</span>
          <span className="palette-title">{c.title}</span>
          {keysOf(c, shortcuts)[0] && <kbd>{shortcutLabel(keysOf(c, shortcuts)[0], isMac)}</kbd>}
        </>
      )}
      empty={<div className="palette-empty">No command matches “{query.trim()}”.</div>}
      onPick={run}
      onClose={onClose}
    />
  );
}
