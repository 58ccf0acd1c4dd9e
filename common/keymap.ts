// Which keys run which command: the registry's defaults (common/commands.ts) with the
// person's own choices from Settings laid over them. The window's key handling, the
// palette's labels, the shortcuts sheet and the Electron menu's accelerators all ask here,
// so a rebound key changes everywhere at once. The one place a key shared by two
// commands is settled (Ctrl/Cmd+K: a link in the brief's text, Search elsewhere), and
// where a new binding is refused when another command already has it.
//
// Pure data and functions: no Node, no DOM (common/ is imported by every layer).
import { COMMANDS, commandById, matchesShortcut, shortcutLabel, type Command, type CommandCategory, type KeyPress } from './commands';

/** The person's bindings: a command's keys in place of its defaults (an empty list: no key at all). */
export type ShortcutOverrides = { readonly [id: string]: string[] };

/** At most this many keys for one command (the palette has three by default). */
export const MAX_KEYS_PER_COMMAND = 4;

/**
 * A key owned by a part of the window rather than a command: the editor's formatting, the
 * reader's selection, Undo of a delete, a list's arrows. Listed in the shortcuts sheet,
 * never rebindable, and never given to a command (a binding that would shadow one is
 * refused). Keys without Ctrl/Cmd or Alt could never be bound anyway.
 */
export interface FixedKey {
  keys: readonly string[];
  title: string;
  /** Where it works, as the sheet heads it. */
  where: FixedKeyPlace;
}

export type FixedKeyPlace = 'Reader' | 'Brief editor' | 'Lists and dialogs' | 'Anywhere but a text field' | 'Window';

export const FIXED_KEYS: readonly FixedKey[] = [
  { keys: ['CmdOrCtrl+Shift+E'], title: 'Save the selection as an excerpt', where: 'Reader' },
  { keys: ['CmdOrCtrl+Z'], title: 'Undo the last delete', where: 'Anywhere but a text field' },
  { keys: ['CmdOrCtrl+B'], title: 'Bold', where: 'Brief editor' },
  { keys: ['CmdOrCtrl+I'], title: 'Italic', where: 'Brief editor' },
  { keys: ['CmdOrCtrl+U'], title: 'Underline', where: 'Brief editor' },
  { keys: ['CmdOrCtrl+Shift+X'], title: 'Strikethrough', where: 'Brief editor' },
  { keys: ['CmdOrCtrl+E'], title: 'Inline code', where: 'Brief editor' },
  { keys: ['CmdOrCtrl+Alt+1', 'CmdOrCtrl+Alt+2', 'CmdOrCtrl+Alt+3'], title: 'Heading 1, 2, 3', where: 'Brief editor' },
  { keys: ['CmdOrCtrl+Alt+0'], title: 'Paragraph', where: 'Brief editor' },
  { keys: ['CmdOrCtrl+Shift+8'], title: 'Bulleted list', where: 'Brief editor' },
  { keys: ['CmdOrCtrl+Shift+7'], title: 'Numbered list', where: 'Brief editor' },
  { keys: ['CmdOrCtrl+Alt+B'], title: 'Citation as a block quote, or inline again', where: 'Brief editor' },
  { keys: ['CmdOrCtrl+F'], title: 'Find in the brief', where: 'Brief editor' },
  { keys: ['CmdOrCtrl+H'], title: 'Find and replace in the brief', where: 'Brief editor' },
  { keys: ['CmdOrCtrl+Z', 'CmdOrCtrl+Shift+Z'], title: 'Undo, redo', where: 'Brief editor' },
  { keys: ['Up', 'Down'], title: 'Move in a list', where: 'Lists and dialogs' },
  { keys: ['Home', 'End'], title: 'First, last', where: 'Lists and dialogs' },
  { keys: ['Enter'], title: 'Open the item', where: 'Lists and dialogs' },
  { keys: ['Escape'], title: 'Close the dialog or the popover', where: 'Lists and dialogs' },
  { keys: ['Shift+Up', 'Shift+Down'], title: 'Select several rows (library table, entities)', where: 'Lists and dialogs' },
  { keys: ['Space'], title: 'Select or unselect the row', where: 'Lists and dialogs' },
  { keys: ['CmdOrCtrl+A'], title: 'Select every row', where: 'Lists and dialogs' },
  // The desktop app's View menu (Electron's zoom roles; Ctrl/Cmd+= as well as Ctrl/Cmd++, which needs Shift on most keyboards); a browser's own zoom in browser mode.
  { keys: ['CmdOrCtrl+=', 'CmdOrCtrl+-', 'CmdOrCtrl+0'], title: 'Zoom in, zoom out, actual size', where: 'Window' },
];

/** A command's keys now: the person's, else its shortcut and aliases. The first is the menu's accelerator. */
export function keysOf(command: Command, overrides: ShortcutOverrides = {}): readonly string[] {
  const own = Object.prototype.hasOwnProperty.call(overrides, command.id) ? overrides[command.id] : undefined;
  if (own) return own;
  return [command.shortcut, ...(command.aliases ?? [])].filter((k): k is string => !!k);
}

/** A key that types a character by itself ("?"): in a text field it is text, never a command. */
export const typesText = (keys: string): boolean => splitKeys(keys).length === 1 && [...keys].length === 1;

/** Where a key press happens, as far as commands care. */
export interface KeyPlace {
  isMac: boolean;
  /** The caret is in the brief's text: its editor commands apply. */
  inEditor: boolean;
  /** The focus is in a text field or the editor: keys that type or move by word are the text's. */
  inText: boolean;
}

/**
 * The window command a key press runs, if any. In the brief's text an editor command wins
 * over a window command on the same key (Ctrl+K links); elsewhere editor commands are not
 * offered (Ctrl+K searches). In a text field, a key that types a character ("?") and a
 * command that leaves its key to text (Alt+Left on macOS moves by word) stay the text's.
 */
export function commandForKey(press: KeyPress, where: KeyPlace, overrides: ShortcutOverrides = {}): Command | undefined {
  const usable: Command[] = [];
  for (const command of COMMANDS as readonly Command[]) {
    if (command.target !== 'window') continue;
    if (command.scope === 'editor' && !where.inEditor) continue;
    const key = keysOf(command, overrides).find((k) => matchesShortcut(k, press, where.isMac));
    if (!key) continue;
    if (where.inText && (command.notInText || typesText(key))) continue;
    usable.push(command);
  }
  return usable.find((c) => c.scope === 'editor') ?? usable[0];
}

/** The same key, however it was written ("ctrl+shift+p" and "CmdOrCtrl+Shift+P" on Windows and Linux). */
export function sameKey(a: string, b: string): boolean {
  return canonical(a) === canonical(b);
}

const MODIFIER_ORDER = ['cmdorctrl', 'ctrl', 'alt', 'shift'];
const MODIFIER_NAMES: Record<string, string> = { commandorcontrol: 'cmdorctrl', cmd: 'cmdorctrl', command: 'cmdorctrl', control: 'ctrl', option: 'alt' };

/** "CmdOrCtrl+Shift+P" as one comparable string; Cmd and CmdOrCtrl count as one (the person means the platform's key). */
function canonical(keys: string): string {
  const parts = splitKeys(keys);
  const key = parts.pop()!.toLowerCase();
  const mods = [...new Set(parts.map((p) => MODIFIER_NAMES[p.toLowerCase()] ?? p.toLowerCase()))].sort((x, y) => MODIFIER_ORDER.indexOf(x) - MODIFIER_ORDER.indexOf(y));
  return [...mods, key === 'plus' ? '+' : key].join('+');
}

/** An accelerator's parts; "CmdOrCtrl++" ends in the plus key. */
export function splitKeys(keys: string): string[] {
  if (keys === '+') return ['+'];
  if (keys.endsWith('++')) return [...keys.slice(0, -2).split('+'), '+'];
  return keys.split('+');
}

/** Whatever already answers a key: a command (by its title) or a part of the window. */
export type KeyHolder = { kind: 'command'; command: Command } | { kind: 'fixed'; fixed: FixedKey };

/**
 * Who already holds `keys` if command `id` were given it, or null when it is free. An
 * editor command and a window command may share a key (the editor's wins in the text); any
 * other sharing is refused. The editor's fixed keys bind only in the editor.
 */
export function keyHolder(id: string, keys: string, overrides: ShortcutOverrides = {}): KeyHolder | null {
  const self = commandById(id);
  const editorOnly = self?.scope === 'editor';
  for (const command of COMMANDS as readonly Command[]) {
    if (command.id === id) continue;
    // The designed sharing: an editor command over a window one.
    if (editorOnly !== (command.scope === 'editor')) continue;
    if (keysOf(command, overrides).some((k) => sameKey(k, keys))) return { kind: 'command', command };
  }
  // A window command on an editor key would work everywhere but in the brief: refused too, as a surprise.
  const fixed = FIXED_KEYS.find((f) => f.keys.some((k) => sameKey(k, keys)));
  if (fixed) return { kind: 'fixed', fixed };
  return null;
}

/** Why `keys` cannot go to command `id`, in words for the Settings view, or null when it can. */
export function bindingProblem(id: string, keys: string, overrides: ShortcutOverrides = {}, isMac = false): string | null {
  const problem = acceleratorProblem(keys);
  if (problem) return problem;
  const holder = keyHolder(id, keys, overrides);
  if (!holder) return null;
  const label = shortcutLabel(keys, isMac);
  if (holder.kind === 'command') return `${label} is already the shortcut of “${stripEllipsis(holder.command.title)}”. Give that command another key first.`;
  const owner = { Reader: 'the reader’s', 'Brief editor': 'the brief editor’s', 'Lists and dialogs': 'the lists’', 'Anywhere but a text field': 'the window’s', Window: 'the window’s' }[holder.fixed.where];
  return `${label} is ${owner} key for “${holder.fixed.title}”, which cannot be changed.`;
}

const stripEllipsis = (title: string) => title.replace(/…$/, '');

const NAMED_KEYS = new Set([
  'f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7', 'f8', 'f9', 'f10', 'f11', 'f12',
  'left', 'right', 'up', 'down', 'home', 'end', 'pageup', 'pagedown', 'delete', 'backspace', 'enter', 'return', 'tab', 'space', 'insert', 'plus',
]);

/**
 * Why a key string is not one Sourcebook binds, or null. A binding needs Ctrl/Cmd or Alt
 * (a bare letter would stop typing), or is a function key; the key itself is a letter, a
 * digit, a punctuation character, or a named key Electron's menus know.
 */
export function acceleratorProblem(keys: string): string | null {
  if (keys.length > 40 || !keys) return 'That is not a key.';
  const parts = splitKeys(keys);
  const key = parts.pop() ?? '';
  const mods = parts.map((p) => MODIFIER_NAMES[p.toLowerCase()] ?? p.toLowerCase());
  if (mods.some((m) => !MODIFIER_ORDER.includes(m)) || new Set(mods).size !== mods.length) return `“${keys}” has a modifier Sourcebook does not know (use Ctrl/Cmd, Alt and Shift).`;
  const lower = key.toLowerCase();
  const single = [...key].length === 1 && /[\p{L}\p{N}\p{P}\p{S}]/u.test(key);
  if (!single && !NAMED_KEYS.has(lower)) return `“${keys}” does not end in a key Sourcebook knows.`;
  const functionKey = /^f([1-9]|1[0-2])$/.test(lower);
  if (!functionKey && !mods.includes('cmdorctrl') && !mods.includes('ctrl') && !mods.includes('alt')) return 'A shortcut needs Ctrl (Cmd on macOS) or Alt, or a function key: a key alone would type.';
  return null;
}

/**
 * The accelerator a key press records, for Settings: "CmdOrCtrl+Shift+K" from Ctrl+Shift+K
 * (Cmd on macOS), or null while only modifiers are down. Letters and digits are read by
 * their physical key (so a Cyrillic layout records K); a punctuation key records the
 * character it typed ("CmdOrCtrl+?"), Shift being part of typing it.
 */
export function acceleratorOf(press: KeyPress, isMac: boolean): string | null {
  const key = press.key;
  if (['Control', 'Meta', 'Shift', 'Alt', 'AltGraph', 'OS', 'CapsLock', 'Dead', 'Unidentified', 'Process'].includes(key)) return null;
  const mods: string[] = [];
  if (isMac ? press.metaKey : press.ctrlKey) mods.push('CmdOrCtrl');
  if (isMac && press.ctrlKey) mods.push('Ctrl');
  if (press.altKey) mods.push('Alt');
  const code = press.code ?? '';
  let name: string;
  if (/^Key[A-Z]$/.test(code)) name = code.slice(3);
  else if (/^Digit[0-9]$/.test(code)) name = code.slice(5);
  else if (/^F([1-9]|1[0-2])$/.test(key)) name = key;
  else if (ARROW_NAMES[key]) name = ARROW_NAMES[key];
  else if (NAMED[key]) name = NAMED[key];
  else if ([...key].length === 1 && key !== ' ') {
    // A typed character: Shift went into typing it.
    return [...mods, key === '+' ? 'Plus' : key].join('+');
  } else return null;
  if (press.shiftKey) mods.push('Shift');
  return [...mods, name].join('+');
}

const ARROW_NAMES: Record<string, string> = { ArrowLeft: 'Left', ArrowRight: 'Right', ArrowUp: 'Up', ArrowDown: 'Down' };
const NAMED: Record<string, string> = { Home: 'Home', End: 'End', PageUp: 'PageUp', PageDown: 'PageDown', Delete: 'Delete', Backspace: 'Backspace', Enter: 'Enter', Tab: 'Tab', ' ': 'Space', Insert: 'Insert' };

/** The categories of the sheet, in the registry's order, with each command that has a key. */
export function keyedCommands(overrides: ShortcutOverrides = {}): { category: CommandCategory; commands: { command: Command; keys: readonly string[] }[] }[] {
  const groups = new Map<CommandCategory, { command: Command; keys: readonly string[] }[]>();
  for (const command of COMMANDS as readonly Command[]) {
    const keys = keysOf(command, overrides);
    if (!keys.length) continue;
    groups.set(command.category, [...(groups.get(command.category) ?? []), { command, keys }]);
  }
  return [...groups].map(([category, commands]) => ({ category, commands }));
}
