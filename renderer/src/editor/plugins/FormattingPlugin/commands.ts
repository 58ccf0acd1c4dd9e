// Block and link commands shared by the toolbar, the slash menu and the shortcuts.
import { createCommand, type LexicalCommand } from 'lexical';

export type BlockType = 'paragraph' | 'h1' | 'h2' | 'h3' | 'quote';

/** Turns the selected blocks into paragraphs, headings or a quote. */
export const SET_BLOCK_TYPE_COMMAND: LexicalCommand<BlockType> = createCommand('SET_BLOCK_TYPE_COMMAND');
/** Opens the toolbar's link field for the selection (Ctrl+K in the text). */
export const OPEN_LINK_EDITOR_COMMAND: LexicalCommand<void> = createCommand('OPEN_LINK_EDITOR_COMMAND');

export type ShortcutAction = 'bullet' | 'number' | 'h1' | 'h2' | 'h3' | 'paragraph' | 'link' | 'strikethrough' | 'code';

/**
 * The editor's own shortcuts (Ctrl+B/I/U and undo are Lexical's): Ctrl+Shift+7/8 lists,
 * Ctrl+Alt+0..3 paragraph and headings, Ctrl+K link, Ctrl+Shift+X strikethrough, Ctrl+E
 * inline code. Matched by physical key (`code`) so Shift and Alt layouts still work.
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
  if (!alt && !shift && code === 'KeyK') return 'link';
  if (shift && !alt && code === 'KeyX') return 'strikethrough';
  if (!alt && !shift && code === 'KeyE') return 'code';
  return null;
}
