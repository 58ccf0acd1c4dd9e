// The application menu, laid out from the command registry (common/commands.ts): each
// item is a command with its title and its shortcut as the accelerator. Electron's
// standard roles (undo, copy, zoom, full screen, the window menu) fill in the rest.
// Only types come from 'electron' here, so the template is checked in plain Node.
import type { MenuItemConstructorOptions } from 'electron';
import { commandById, type CommandId } from '../../common/commands';
import { keysOf, type ShortcutOverrides } from '../../common/keymap';
import type { RecentWorkspace, ThemeSource } from '../services/appSettings';

export interface MenuState {
  isMac: boolean;
  /** Developer builds keep Reload and the developer tools in View. */
  dev: boolean;
  recent: readonly RecentWorkspace[];
  theme: ThemeSource;
  /** The person's own shortcuts (Settings): the accelerators shown are the keys that work. */
  shortcuts: ShortcutOverrides;
  /** Whether a workspace is open (its commands are greyed out otherwise). */
  hasWorkspace: boolean;
}

export interface MenuActions {
  run(id: CommandId): void;
  openRecent(path: string): void;
  clearRecent(): void;
}

/**
 * A command as a menu item. Commands the window carries out keep their shortcut in the
 * window's own key handling (the same registry), so the menu shows it without taking the
 * key away from the page (`registerAccelerator: false`): Ctrl+K stays the editor's link
 * key inside a brief, say. Commands of the main process register theirs.
 */
function item(id: CommandId, actions: MenuActions, shortcuts: ShortcutOverrides, extra: Partial<MenuItemConstructorOptions> = {}): MenuItemConstructorOptions {
  const command = commandById(id)!;
  const accelerator = keysOf(command, shortcuts)[0];
  return {
    id,
    label: command.menuTitle ?? command.title,
    ...(accelerator ? { accelerator, registerAccelerator: command.target === 'main' } : {}),
    click: () => actions.run(id),
    ...extra,
  };
}

/** "~/Reading/Port inquiry.sourcebook" for a path in the home folder. */
function recentLabel(path: string, home: string | undefined): string {
  return home && path.startsWith(home + '/') ? `~${path.slice(home.length)}` : path;
}

export function menuTemplate(state: MenuState, actions: MenuActions, home?: string): MenuItemConstructorOptions[] {
  const needsWorkspace = { enabled: state.hasWorkspace };
  const recent: MenuItemConstructorOptions[] = state.recent.length
    ? [
        ...state.recent.map((r) => ({
          label: r.missing ? `${recentLabel(r.path, home)} (missing)` : recentLabel(r.path, home),
          // A missing file stays listed so the person sees what moved; choosing it offers to remove it.
          click: () => actions.openRecent(r.path),
        })),
        { type: 'separator' as const },
        { label: 'Clear Recent', click: () => actions.clearRecent() },
      ]
    : [{ label: 'No Recent Workspaces', enabled: false }];
  const theme = (id: CommandId, value: ThemeSource) => item(id, actions, state.shortcuts, { type: 'radio', checked: state.theme === value });

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      item('workspace.new', actions, state.shortcuts),
      item('workspace.open', actions, state.shortcuts),
      { label: 'Open Recent', submenu: recent },
      { type: 'separator' },
      item('import.files', actions, state.shortcuts, needsWorkspace),
      item('import.folder', actions, state.shortcuts, needsWorkspace),
      item('brief.new', actions, state.shortcuts, needsWorkspace),
      item('workspace.merge', actions, state.shortcuts, needsWorkspace),
      { type: 'separator' },
      { label: 'Export Brief', submenu: [item('export.pdf', actions, state.shortcuts), item('export.docx', actions, state.shortcuts), item('export.md', actions, state.shortcuts), item('export.html', actions, state.shortcuts), item('export.package', actions, state.shortcuts)], ...needsWorkspace },
      { type: 'separator' },
      item('workspace.backup', actions, state.shortcuts, needsWorkspace),
      item('workspace.saveCopy', actions, state.shortcuts, needsWorkspace),
      item('workspace.moveOut', actions, state.shortcuts, needsWorkspace),
      item('workspace.reveal', actions, state.shortcuts, needsWorkspace),
      { type: 'separator' },
      item('window.close', actions, state.shortcuts),
      ...(state.isMac ? [] : [{ role: 'quit' as const }]),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'pasteAndMatchStyle' },
      { role: 'delete' },
      { role: 'selectAll' },
      { type: 'separator' },
      item('edit.link', actions, state.shortcuts, needsWorkspace),
      item('edit.find', actions, state.shortcuts),
      item('reader.find', actions, state.shortcuts, needsWorkspace),
      item('reader.findNext', actions, state.shortcuts, needsWorkspace),
      item('reader.findPrevious', actions, state.shortcuts, needsWorkspace),
      item('review.start', actions, state.shortcuts, needsWorkspace),
      // macOS keeps Settings… in the app menu.
      ...(state.isMac ? [] : [{ type: 'separator' as const }, item('app.settings', actions, state.shortcuts)]),
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      item('view.commandPalette', actions, state.shortcuts),
      item('view.search', actions, state.shortcuts),
      item('view.quickOpen', actions, state.shortcuts, needsWorkspace),
      item('nav.back', actions, state.shortcuts, needsWorkspace),
      item('nav.forward', actions, state.shortcuts, needsWorkspace),
      item('reader.nextExcerpt', actions, state.shortcuts, needsWorkspace),
      item('reader.previousExcerpt', actions, state.shortcuts, needsWorkspace),
      item('view.toggleSidebar', actions, state.shortcuts),
      item('view.focusMode', actions, state.shortcuts),
      item('view.library', actions, state.shortcuts, needsWorkspace),
      item('view.nextTab', actions, state.shortcuts, needsWorkspace),
      item('view.previousTab', actions, state.shortcuts, needsWorkspace),
      item('view.closeTab', actions, state.shortcuts, needsWorkspace),
      {
        label: 'Brief Panel',
        submenu: [item('brief.outline', actions, state.shortcuts), item('brief.excerpts', actions, state.shortcuts), item('brief.check', actions, state.shortcuts), item('brief.history', actions, state.shortcuts), item('brief.backlinks', actions, state.shortcuts)],
        ...needsWorkspace,
      },
      { type: 'separator' },
      item('view.entities', actions, state.shortcuts, needsWorkspace),
      item('view.suggestions', actions, state.shortcuts, needsWorkspace),
      item('view.matrix', actions, state.shortcuts, needsWorkspace),
      item('view.graph', actions, state.shortcuts, needsWorkspace),
      item('view.timeline', actions, state.shortcuts, needsWorkspace),
      item('view.publishers', actions, state.shortcuts, needsWorkspace),
      { type: 'separator' },
      item('view.trash', actions, state.shortcuts, needsWorkspace),
      item('view.backups', actions, state.shortcuts, needsWorkspace),
      item('view.workspaces', actions, state.shortcuts, needsWorkspace),
      { label: 'Theme', submenu: [theme('view.theme.system', 'system'), theme('view.theme.light', 'light'), theme('view.theme.dark', 'dark')] },
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      // Ctrl/Cmd+= too: Electron's Plus needs Shift on most keyboards, and = is the key people press.
      { role: 'zoomIn', accelerator: 'CommandOrControl+=', visible: false },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(state.dev ? [{ type: 'separator' as const }, { role: 'reload' as const }, { role: 'toggleDevTools' as const }] : []),
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: '&Help',
    submenu: [item('help.shortcuts', actions, state.shortcuts), item('help.dataFolder', actions, state.shortcuts), ...(state.isMac ? [] : [{ type: 'separator' as const }, item('help.about', actions, state.shortcuts)])],
  };
  return [
    ...(state.isMac
      ? [
          {
            label: 'Sourcebook',
            submenu: [
              item('help.about', actions, state.shortcuts),
              { type: 'separator' as const },
              item('app.settings', actions, state.shortcuts),
              { type: 'separator' as const },
              { role: 'services' as const },
              { type: 'separator' as const },
              { role: 'hide' as const },
              { role: 'hideOthers' as const },
              { role: 'unhide' as const },
              { type: 'separator' as const },
              { role: 'quit' as const },
            ],
          },
        ]
      : []),
    file,
    edit,
    view,
    { role: 'windowMenu' },
    help,
  ];
}
