// The app's commands, in one registry: the application menu (electron/main/menu.ts), the
// keyboard shortcuts the window handles (renderer/src/app/commands.ts) and the shortcuts
// sheet all read this list, so a name or a shortcut is written once. The command palette
// (renderer/src/app/CommandPalette.tsx) lists them too.
//
// Pure data: no Node, no DOM, no Electron (common/ is imported by every layer).

/** Where a command runs: in the main process (workspaces, windows) or in the window. */
export type CommandTarget = 'main' | 'window';

export type CommandCategory = 'Workspace' | 'Import' | 'Brief' | 'Export' | 'Edit' | 'View' | 'Window' | 'Help';

export interface Command {
  id: string;
  title: string;
  category: CommandCategory;
  target: CommandTarget;
  /**
   * The default shortcut, in Electron's accelerator syntax ("CmdOrCtrl+Shift+P"):
   * Cmd on macOS, Ctrl elsewhere. The window's own key handling reads the same string.
   */
  shortcut?: string;
  /**
   * Other keys for it that the window handles too (the menu shows only `shortcut`): the
   * palette on Ctrl/Cmd+P as in Obsidian and F1 as in VS Code. A key without a modifier
   * that types a character ("?") is never taken from a text field or the editor.
   */
  aliases?: readonly string[];
  /** A shorter label where a submenu already says the rest ("Export Brief ▸ PDF…"). */
  menuTitle?: string;
  /** Its shortcut is left to a text field or the editor that has the focus (Alt+Left moves by word there on macOS). */
  notInText?: boolean;
  /**
   * 'editor': the command works on the brief's text, and its keys are taken only while the
   * caret is there, ahead of a window command on the same key (common/keymap.ts settles it).
   */
  scope?: 'editor';
}

export const COMMANDS = [
  { id: 'workspace.new', title: 'New Workspace…', category: 'Workspace', target: 'main' },
  { id: 'workspace.open', title: 'Open Workspace…', category: 'Workspace', target: 'main', shortcut: 'CmdOrCtrl+Shift+O' },
  { id: 'workspace.saveCopy', title: 'Save a Copy As…', category: 'Workspace', target: 'main' },
  { id: 'workspace.backup', title: 'Back Up Now', category: 'Workspace', target: 'main' },
  { id: 'workspace.moveOut', title: 'Move Workspace Out of a Synced Folder…', category: 'Workspace', target: 'main' },
  { id: 'workspace.reveal', title: 'Show Workspace in Folder', category: 'Workspace', target: 'main' },
  { id: 'import.files', title: 'Import Sources…', category: 'Import', target: 'window', shortcut: 'CmdOrCtrl+Shift+I' },
  { id: 'import.folder', title: 'Import Folder…', category: 'Import', target: 'window' },
  // Ctrl+N reaches the page in the desktop app; a browser keeps it for a new window.
  { id: 'brief.new', title: 'New Brief…', category: 'Brief', target: 'window', shortcut: 'CmdOrCtrl+N' },
  { id: 'workspace.merge', title: 'Merge Workspace…', category: 'Import', target: 'window' },
  // No shortcut: Ctrl+Shift+E is the reader's "save the selection as an excerpt".
  { id: 'export.pdf', title: 'Export Brief as PDF…', category: 'Export', target: 'window', menuTitle: 'PDF…' },
  { id: 'export.docx', title: 'Export Brief as Word (.docx)…', category: 'Export', target: 'window', menuTitle: 'Word (.docx)…' },
  { id: 'export.md', title: 'Export Brief as Markdown…', category: 'Export', target: 'window', menuTitle: 'Markdown…' },
  { id: 'export.html', title: 'Export Brief as HTML…', category: 'Export', target: 'window', menuTitle: 'HTML…' },
  { id: 'export.package', title: 'Export Evidence Package…', category: 'Export', target: 'window', menuTitle: 'Evidence Package (.sourcebook)…' },
  // Ctrl+K in the brief's text; everywhere else it is Search (commandForKey in keymap.ts).
  { id: 'edit.link', title: 'Insert Link…', category: 'Edit', target: 'window', shortcut: 'CmdOrCtrl+K', scope: 'editor' },
  { id: 'edit.find', title: 'Find in Workspace…', category: 'Edit', target: 'window', shortcut: 'CmdOrCtrl+Shift+F' },
  { id: 'reader.find', title: 'Find in Source…', category: 'Edit', target: 'window', shortcut: 'CmdOrCtrl+F' },
  // F3 as in most readers and browsers; Enter / Shift+Enter in the find bar do the same.
  { id: 'reader.findNext', title: 'Find Next in Source', category: 'Edit', target: 'window', shortcut: 'F3' },
  { id: 'reader.findPrevious', title: 'Find Previous in Source', category: 'Edit', target: 'window', shortcut: 'Shift+F3' },
  // Alt+↑/↓ move by paragraph in a macOS text field: left to text fields and the editor.
  { id: 'reader.nextExcerpt', title: 'Next Excerpt in Source', category: 'View', target: 'window', shortcut: 'Alt+Down', notInText: true },
  { id: 'reader.previousExcerpt', title: 'Previous Excerpt in Source', category: 'View', target: 'window', shortcut: 'Alt+Up', notInText: true },
  { id: 'view.commandPalette', title: 'Command Palette…', category: 'View', target: 'window', shortcut: 'CmdOrCtrl+Shift+P', aliases: ['CmdOrCtrl+P', 'F1'] },
  { id: 'view.search', title: 'Search', category: 'View', target: 'window', shortcut: 'CmdOrCtrl+K' },
  { id: 'view.toggleSidebar', title: 'Toggle Sidebar', category: 'View', target: 'window', shortcut: 'CmdOrCtrl+\\' },
  // The brief alone in the window; Escape or the same keys leave it.
  { id: 'view.focusMode', title: 'Focus Mode', category: 'View', target: 'window', shortcut: 'CmdOrCtrl+Shift+Enter' },
  { id: 'view.library', title: 'Library Table', category: 'View', target: 'window', shortcut: 'CmdOrCtrl+Shift+L' },
  // The reader's or the editor's tabs, whichever pane has the focus.
  { id: 'view.nextTab', title: 'Next Tab', category: 'View', target: 'window', shortcut: 'CmdOrCtrl+PageDown' },
  { id: 'view.previousTab', title: 'Previous Tab', category: 'View', target: 'window', shortcut: 'CmdOrCtrl+PageUp' },
  { id: 'view.closeTab', title: 'Close Tab', category: 'View', target: 'window' },
  // The brief's right-hand panel, one at a time (the toolbar's buttons open the same).
  { id: 'brief.outline', title: 'Brief Outline', category: 'Brief', target: 'window' },
  { id: 'brief.excerpts', title: 'Excerpts to Cite', category: 'Brief', target: 'window' },
  { id: 'brief.check', title: 'Check Brief', category: 'Brief', target: 'window' },
  { id: 'brief.history', title: 'Brief History', category: 'Brief', target: 'window' },
  { id: 'brief.backlinks', title: 'Backlinks', category: 'Brief', target: 'window' },
  { id: 'view.entities', title: 'Entities', category: 'View', target: 'window' },
  { id: 'view.suggestions', title: 'Suggested Entities', category: 'View', target: 'window' },
  { id: 'view.matrix', title: 'Matrix', category: 'View', target: 'window' },
  { id: 'view.graph', title: 'Link Chart', category: 'View', target: 'window' },
  { id: 'view.timeline', title: 'Timeline', category: 'View', target: 'window' },
  { id: 'view.publishers', title: 'Publisher Grades…', category: 'View', target: 'window' },
  { id: 'review.start', title: 'Review Excerpts to Check', category: 'Edit', target: 'window' },
  { id: 'view.trash', title: 'Trash', category: 'View', target: 'window' },
  { id: 'view.backups', title: 'Backups…', category: 'View', target: 'window' },
  { id: 'view.workspaces', title: 'Switch Workspace…', category: 'Workspace', target: 'window' },
  { id: 'view.quickOpen', title: 'Quick Open…', category: 'View', target: 'window', shortcut: 'CmdOrCtrl+O' },
  { id: 'nav.back', title: 'Go Back', category: 'View', target: 'window', shortcut: 'Alt+Left', notInText: true },
  { id: 'nav.forward', title: 'Go Forward', category: 'View', target: 'window', shortcut: 'Alt+Right', notInText: true },
  // Carried out by the page (a change of Settings), so the browser has them too; the desktop app's theme follows.
  { id: 'view.theme.system', title: 'Theme: Follow System', category: 'View', target: 'window', menuTitle: 'Follow System' },
  { id: 'view.theme.light', title: 'Theme: Light', category: 'View', target: 'window', menuTitle: 'Light' },
  { id: 'view.theme.dark', title: 'Theme: Dark', category: 'View', target: 'window', menuTitle: 'Dark' },
  { id: 'app.settings', title: 'Settings…', category: 'Edit', target: 'window', shortcut: 'CmdOrCtrl+,' },
  { id: 'window.close', title: 'Close Window', category: 'Window', target: 'main', shortcut: 'CmdOrCtrl+W' },
  { id: 'help.shortcuts', title: 'Keyboard Shortcuts', category: 'Help', target: 'window', shortcut: 'CmdOrCtrl+/', aliases: ['?'] },
  { id: 'help.dataFolder', title: 'Show Data Folder', category: 'Help', target: 'main' },
  { id: 'help.about', title: 'About Sourcebook', category: 'Help', target: 'main' },
] as const satisfies readonly Command[];

export type CommandId = (typeof COMMANDS)[number]['id'];

const BY_ID = new Map<string, Command>(COMMANDS.map((c) => [c.id, c]));

export function commandById(id: string): Command | undefined {
  return BY_ID.get(id);
}

export function isCommandId(id: unknown): id is CommandId {
  return typeof id === 'string' && BY_ID.has(id);
}

/** A keyboard event's parts, as the window sees them. */
export interface KeyPress {
  key: string;
  /** The physical key ("KeyP"): letters match by it too, so a Cyrillic or Greek layout still works. */
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/**
 * Whether a key press is an accelerator ("CmdOrCtrl+Shift+P"): CmdOrCtrl is Cmd on macOS
 * and Ctrl elsewhere, and every modifier not named must be up.
 */
export function matchesShortcut(shortcut: string, press: KeyPress, isMac: boolean): boolean {
  const parts = shortcut === '+' ? ['+'] : shortcut.split('+');
  const key = parts.pop()!.toLowerCase();
  const mods = new Set(parts.map((p) => p.toLowerCase()));
  const wantCmd = mods.has('cmd') || mods.has('command') || (isMac && (mods.has('cmdorctrl') || mods.has('commandorcontrol')));
  const wantCtrl = mods.has('ctrl') || mods.has('control') || (!isMac && (mods.has('cmdorctrl') || mods.has('commandorcontrol')));
  if (press.metaKey !== wantCmd || press.ctrlKey !== wantCtrl) return false;
  // A punctuation key names its character ("?"), which Shift may be needed to type.
  const shiftMatters = !(key.length === 1 && !/[a-z0-9]/.test(key)) && key !== 'plus';
  if ((shiftMatters && press.shiftKey !== mods.has('shift')) || press.altKey !== (mods.has('alt') || mods.has('option'))) return false;
  const typed = press.key.toLowerCase();
  if (typed === (DOM_KEYS[key] ?? key)) return true;
  // Letters and digits by their physical key too: a Cyrillic layout, or Shift+1 typing "!".
  return (/^[a-z]$/.test(key) && press.code === `Key${key.toUpperCase()}`) || (/^[0-9]$/.test(key) && press.code === `Digit${key}`);
}

/** Electron's accelerator names of keys the DOM names otherwise (lower case). */
const DOM_KEYS: Record<string, string> = { left: 'arrowleft', right: 'arrowright', up: 'arrowup', down: 'arrowdown', plus: '+', space: ' ', return: 'enter' };
const ARROW_LABELS: Record<string, string> = { left: '←', right: '→', up: '↑', down: '↓', plus: '+' };

/** A shortcut as people read it: "Ctrl+Shift+P" elsewhere, "⇧⌘P" on macOS. */
export function shortcutLabel(shortcut: string, isMac: boolean): string {
  const parts = shortcut.split('+');
  const key = parts.pop()!;
  const mods = parts.map((p) => p.toLowerCase());
  if (isMac) {
    const symbols = [mods.includes('ctrl') ? '⌃' : '', mods.includes('alt') || mods.includes('option') ? '⌥' : '', mods.includes('shift') ? '⇧' : '', mods.some((m) => m === 'cmdorctrl' || m === 'cmd' || m === 'command') ? '⌘' : ''];
    return symbols.join('') + (ARROW_LABELS[key.toLowerCase()] ?? key.toUpperCase());
  }
  const names = [mods.some((m) => m === 'cmdorctrl' || m === 'ctrl' || m === 'control') ? 'Ctrl' : '', mods.includes('alt') ? 'Alt' : '', mods.includes('shift') ? 'Shift' : ''];
  return [...names.filter(Boolean), ARROW_LABELS[key.toLowerCase()] ?? (key.length === 1 ? key.toUpperCase() : key)].join('+');
}
