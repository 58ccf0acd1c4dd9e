// Block and link commands shared by the toolbar, the slash menu and the shortcuts.
import { createCommand, type LexicalCommand } from 'lexical';

export type BlockType = 'paragraph' | 'h1' | 'h2' | 'h3' | 'quote';

/** Turns the selected blocks into paragraphs, headings or a quote. */
export const SET_BLOCK_TYPE_COMMAND: LexicalCommand<BlockType> = createCommand('SET_BLOCK_TYPE_COMMAND');
/** Opens the toolbar's link field for the selection (the registry's edit.link, Ctrl+K in the text). */
export const OPEN_LINK_EDITOR_COMMAND: LexicalCommand<void> = createCommand('OPEN_LINK_EDITOR_COMMAND');

export type ShortcutAction = 'bullet' | 'number' | 'h1' | 'h2' | 'h3' | 'paragraph' | 'strikethrough' | 'code';

/**
 * The editor's own shortcuts (Ctrl+B/I/U and undo are Lexical's): Ctrl+Shift+7/8 lists,
 * Ctrl+Alt+0..3 paragraph and headings, Ctrl+Shift+X strikethrough, Ctrl+E inline code.
 * Ctrl+K (a link) is in the command registry (edit.link), which settles it against Search. Matched by physical key (`code`) so Shift and Alt layouts still work.
 */
export function shortcutOf(event: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'code'>, isMac: boolean): ShortcutAction | null {
  const mod = isMac ? event.metaKey : event.ctrlKey;
  if (!mod) return null;
  const { altKey: alt, shiftKey: shift, code } = event;
  if (shift && !alt && code === 'Digit8') return 'bullet';
  if (shift && !alt && code === 'Digit7') return 'number';
  if (alt && !shift && code === 'Digit1') return 'h1';
  if (alt && !shift && code === 'Digit2') return 'h2';
  if (alt && !shift && code === 'Digit3') return 'h3';
  if (alt && !shift && code === 'Digit0') return 'paragraph';
  if (shift && !alt && code === 'KeyX') return 'strikethrough';
  if (!alt && !shift && code === 'KeyE') return 'code';
  return null;
}
