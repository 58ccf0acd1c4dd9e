// The application menu, laid out from the command registry (common/commands.ts): each
// item is a command with its title and its shortcut as the accelerator. Electron's
// standard roles (undo, copy, zoom, full screen, the window menu) fill in the rest.
// Only types come from 'electron' here, so the template is checked in plain Node.
import type { MenuItemConstructorOptions } from 'electron';
import { commandById, type CommandId } from '../../common/commands';
import type { RecentWorkspace, ThemeSource } from '../services/appSettings';

export interface MenuState {
  isMac: boolean;
  /** Developer builds keep Reload and the developer tools in View. */
  dev: boolean;
  recent: readonly RecentWorkspace[];
  theme: ThemeSource;
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
function item(id: CommandId, actions: MenuActions, extra: Partial<MenuItemConstructorOptions> = {}): MenuItemConstructorOptions {
  const command = commandById(id)!;
  return {
    id,
    label: command.menuTitle ?? command.title,
    ...(command.shortcut ? { accelerator: command.shortcut, registerAccelerator: command.target === 'main' } : {}),
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
  const theme = (id: CommandId, value: ThemeSource) => item(id, actions, { type: 'radio', checked: state.theme === value });

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      item('workspace.new', actions),
      item('workspace.open', actions),
      { label: 'Open Recent', submenu: recent },
      { type: 'separator' },
      item('import.files', actions, needsWorkspace),
      item('import.folder', actions, needsWorkspace),
      item('brief.new', actions, needsWorkspace),
      item('workspace.merge', actions, needsWorkspace),
      { type: 'separator' },
      { label: 'Export Brief', submenu: [item('export.pdf', actions), item('export.docx', actions), item('export.md', actions), item('export.html', actions), item('export.package', actions)], ...needsWorkspace },
      { type: 'separator' },
      item('workspace.backup', actions, needsWorkspace),
      item('workspace.saveCopy', actions, needsWorkspace),
      item('workspace.moveOut', actions, needsWorkspace),
      item('workspace.reveal', actions, needsWorkspace),
      { type: 'separator' },
      item('window.close', actions),
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
      item('edit.find', actions),
      item('reader.find', actions, needsWorkspace),
      item('reader.findNext', actions, needsWorkspace),
      item('reader.findPrevious', actions, needsWorkspace),
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      item('view.commandPalette', actions),
      item('view.search', actions),
      item('view.quickOpen', actions, needsWorkspace),
      item('nav.back', actions, needsWorkspace),
      item('nav.forward', actions, needsWorkspace),
      item('reader.nextExcerpt', actions, needsWorkspace),
      item('reader.previousExcerpt', actions, needsWorkspace),
      item('view.toggleSidebar', actions),
      item('view.library', actions, needsWorkspace),
      item('view.trash', actions, needsWorkspace),
      item('view.backups', actions, needsWorkspace),
      item('view.workspaces', actions, needsWorkspace),
      { label: 'Theme', submenu: [theme('view.theme.system', 'system'), theme('view.theme.light', 'light'), theme('view.theme.dark', 'dark')] },
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(state.dev ? [{ type: 'separator' as const }, { role: 'reload' as const }, { role: 'toggleDevTools' as const }] : []),
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: '&Help',
    submenu: [item('help.shortcuts', actions), item('help.dataFolder', actions), ...(state.isMac ? [] : [{ type: 'separator' as const }, item('help.about', actions)])],
  };
  return [
    ...(state.isMac
      ? [
          {
            label: 'Sourcebook',
            submenu: [
              item('help.about', actions),
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
