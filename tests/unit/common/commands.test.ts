import { describe, expect, it } from 'vitest';
import { COMMANDS, commandById, isCommandId, matchesShortcut, shortcutLabel } from '../../../common/commands';

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}, code?: string) => ({
  key,
  code,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('the command registry', () => {
  it('gives every command a unique id and every shortcut to one command only', () => {
    const ids = COMMANDS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    // A command scoped to the editor may share a window command's key (Ctrl+K: a link in the brief's text, Search elsewhere).
    for (const scope of [undefined, 'editor']) {
      const shortcuts = COMMANDS.flatMap((c) => ('shortcut' in c && ('scope' in c ? c.scope : undefined) === scope ? [c.shortcut.toLowerCase()] : []));
      expect(new Set(shortcuts).size).toBe(shortcuts.length);
    }
    expect(commandById('view.search')?.title).toBe('Search');
    expect(isCommandId('import.files')).toBe(true);
    expect(isCommandId('rm -rf')).toBe(false);
    expect(isCommandId(42)).toBe(false);
  });

  it('matches a shortcut with exactly its modifiers, Cmd on macOS and Ctrl elsewhere', () => {
    expect(matchesShortcut('CmdOrCtrl+K', press('k', { ctrlKey: true }), false)).toBe(true);
    expect(matchesShortcut('CmdOrCtrl+K', press('k', { metaKey: true }), true)).toBe(true);
    expect(matchesShortcut('CmdOrCtrl+K', press('k', { metaKey: true }), false)).toBe(false);
    expect(matchesShortcut('CmdOrCtrl+K', press('k', { ctrlKey: true, shiftKey: true }), false)).toBe(false);
    expect(matchesShortcut('CmdOrCtrl+Shift+E', press('E', { ctrlKey: true, shiftKey: true }), false)).toBe(true);
    expect(matchesShortcut('CmdOrCtrl+\\', press('\\', { ctrlKey: true }), false)).toBe(true);
    expect(matchesShortcut('CmdOrCtrl+K', press('k'), false)).toBe(false);
  });

  it('matches letters by physical key too, so a Russian or Greek layout still works', () => {
    expect(matchesShortcut('CmdOrCtrl+K', press('л', { ctrlKey: true }, 'KeyK'), false)).toBe(true);
    expect(matchesShortcut('CmdOrCtrl+K', press('л', { ctrlKey: true }, 'KeyL'), false)).toBe(false);
  });

  it('writes shortcuts as each platform does', () => {
    expect(shortcutLabel('CmdOrCtrl+Shift+E', false)).toBe('Ctrl+Shift+E');
    expect(shortcutLabel('CmdOrCtrl+Shift+E', true)).toBe('⇧⌘E');
    expect(shortcutLabel('CmdOrCtrl+/', false)).toBe('Ctrl+/');
  });
});
