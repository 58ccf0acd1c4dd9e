// The citation commands, apart from the plugin so nodes and views can dispatch them
// without importing the plugin (no import cycle through CitationNode).
import { createCommand, type LexicalCommand, type NodeKey } from 'lexical';
import type { CitationForm } from '../../../../../db/brief/document';

export const SET_CITATION_FORM_COMMAND: LexicalCommand<{ key: NodeKey; form: CitationForm }> = createCommand('SET_CITATION_FORM_COMMAND');
/** Switches inline ⇄ block: the given citation, or the selected one when no key is given. */
export const TOGGLE_CITATION_FORM_COMMAND: LexicalCommand<NodeKey | undefined> = createCommand('TOGGLE_CITATION_FORM_COMMAND');
/** Scrolls to a citation and selects it (the check panel's rows). */
export const SELECT_CITATION_COMMAND: LexicalCommand<NodeKey> = createCommand('SELECT_CITATION_COMMAND');
export const REMOVE_CITATION_COMMAND: LexicalCommand<NodeKey> = createCommand('REMOVE_CITATION_COMMAND');

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
export const TOGGLE_FORM_SHORTCUT = isMac ? '⌘⌥B' : 'Ctrl+Alt+B';

/** Ctrl+Alt+B (⌘⌥B): the selected or focused citation becomes a block quote, or inline again. */
export function isToggleFormShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && event.altKey && !event.shiftKey && event.code === 'KeyB';
}
