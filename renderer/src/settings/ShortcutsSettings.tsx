// The shortcuts part of Settings: every command of the registry with its keys. Change
// records the next key pressed (Escape cancels); a key another command or a part of the
// window already holds is refused with a sentence naming it; Remove leaves the command
// without a key; Reset gives back the registry's. The choice is saved with the other
// preferences, and the window's keys, the palette, the sheet and the desktop app's menu
// follow it (common/keymap.ts).
import { useMemo, useState, type KeyboardEvent } from 'react';
import { COMMANDS, shortcutLabel, type Command } from '../../../common/commands';
import { acceleratorOf, bindingProblem, keysOf, sameKey, type ShortcutOverrides } from '../../../common/keymap';
import { fuzzyScore } from '../../../common/fuzzy';
import { savePreferences, usePreferences } from '../state/preferences';
import { isMac } from '../app/commands';

const ALL = COMMANDS as readonly Command[];
const defaultsOf = (command: Command) => keysOf(command, {});
const withoutOwn = (overrides: ShortcutOverrides, id: string): ShortcutOverrides => Object.fromEntries(Object.entries(overrides).filter(([k]) => k !== id));

/** The overrides with command `id` given `keys`, dropping the entry when they are its defaults. */
function bound(overrides: ShortcutOverrides, command: Command, keys: string[]): ShortcutOverrides {
  const defaults = defaultsOf(command);
  const same = keys.length === defaults.length && keys.every((k, i) => sameKey(k, defaults[i]));
  return same ? withoutOwn(overrides, command.id) : { ...overrides, [command.id]: keys };
}

export function ShortcutsSettings() {
  const { shortcuts } = usePreferences();
  const [filter, setFilter] = useState('');
  const [recording, setRecording] = useState<string | null>(null);
  const [problem, setProblem] = useState<{ id: string; message: string } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const shown = useMemo(() => {
    if (!filter.trim()) return ALL;
    return ALL.filter((c) => fuzzyScore(filter, `${c.category} ${c.title} ${keysOf(c, shortcuts).map((k) => shortcutLabel(k, isMac)).join(' ')}`) !== null);
  }, [filter, shortcuts]);

  const save = async (command: Command, next: ShortcutOverrides, said: string) => {
    try {
      await savePreferences({ shortcuts: next });
      setProblem(null);
      setSaved(said);
    } catch (error) {
      setProblem({ id: command.id, message: error instanceof Error ? error.message : String(error) });
    }
  };

  const record = (command: Command, event: KeyboardEvent<HTMLButtonElement>) => {
    // Tab still moves on (a keyboard user is never trapped); Escape gives up.
    if (event.key === 'Tab' && !event.ctrlKey && !event.metaKey && !event.altKey) return setRecording(null);
    event.preventDefault();
    event.stopPropagation();
    if (event.key === 'Escape') return setRecording(null);
    const keys = acceleratorOf(event, isMac);
    if (!keys) return; // a modifier alone: wait for the key
    setRecording(null);
    const why = bindingProblem(command.id, keys, withoutOwn(shortcuts, command.id), isMac);
    if (why) return setProblem({ id: command.id, message: why });
    void save(command, bound(shortcuts, command, [keys]), `${title(command)}: ${shortcutLabel(keys, isMac)}.`);
  };

  const reset = (command: Command) => {
    const others = withoutOwn(shortcuts, command.id);
    for (const keys of defaultsOf(command)) {
      const why = bindingProblem(command.id, keys, others, isMac);
      if (why) return setProblem({ id: command.id, message: why });
    }
    void save(command, others, `${title(command)}: back to ${defaultsOf(command).map((k) => shortcutLabel(k, isMac)).join(' or ') || 'no key'}.`);
  };

  return (
    <div className="shortcut-settings">
      <p className="settings-hint">Change a command’s key here; the menus, the palette and the shortcuts sheet follow. A key another command already has is refused.</p>
      <input type="search" className="shortcut-filter" aria-label="Find a command or a key" placeholder="Find a command or a key" value={filter} onChange={(e) => setFilter(e.target.value)} />
      <p className="visually-hidden" role="status" aria-live="polite">
        {saved ?? ''}
      </p>
      <table className="shortcut-table">
        <caption className="visually-hidden">Commands and their keys</caption>
        <thead>
          <tr>
            <th scope="col">Command</th>
            <th scope="col">Keys</th>
            <th scope="col">
              <span className="visually-hidden">Change</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((command) => {
            const keys = keysOf(command, shortcuts);
            const own = Object.prototype.hasOwnProperty.call(shortcuts, command.id);
            const isRecording = recording === command.id;
            const error = problem?.id === command.id ? problem.message : null;
            return (
              <tr key={command.id} className={own ? 'is-changed' : undefined}>
                <th scope="row" className="shortcut-command">
                  <span className="shortcut-category">{command.category}</span> {title(command)}
                  {command.scope === 'editor' && <span className="shortcut-where"> (in a brief’s text)</span>}
                  {error && (
                    <span className="settings-error shortcut-error" role="alert" id={`shortcut-error-${command.id}`}>
                      {error}
                    </span>
                  )}
                </th>
                <td className="shortcut-keys">
                  {keys.length ? keys.map((k) => <kbd key={k}>{shortcutLabel(k, isMac)}</kbd>) : <span className="shortcut-none">No key</span>}
                  {own && <span className="shortcut-changed"> (changed)</span>}
                </td>
                <td className="shortcut-actions">
                  <button
                    type="button"
                    className={`button${isRecording ? ' is-recording' : ''}`}
                    aria-label={isRecording ? `Press the new keys for ${title(command)}; Escape cancels` : `Change the keys of ${title(command)}`}
                    aria-describedby={error ? `shortcut-error-${command.id}` : undefined}
                    onClick={() => {
                      setProblem(null);
                      setRecording(isRecording ? null : command.id);
                    }}
                    onKeyDown={isRecording ? (e) => record(command, e) : undefined}
                    onBlur={() => isRecording && setRecording(null)}
                  >
                    {isRecording ? 'Press keys…' : 'Change'}
                  </button>
                  {keys.length > 0 && (
                    <button type="button" className="button button-quiet" aria-label={`Remove the keys of ${title(command)}`} onClick={() => void save(command, bound(shortcuts, command, []), `${title(command)}: no key.`)}>
                      Remove
                    </button>
                  )}
                  {own && (
                    <button type="button" className="button button-quiet" aria-label={`Reset the keys of ${title(command)}`} onClick={() => reset(command)}>
                      Reset
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {shown.length === 0 && <p className="settings-hint">No command or key matches “{filter.trim()}”.</p>}
    </div>
  );
}

const title = (command: Command) => command.title.replace(/…$/, '');
