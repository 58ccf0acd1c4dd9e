// Block types and keyboard shortcuts: sets paragraphs, headings and quotes for the
// toolbar and the slash menu (SET_BLOCK_TYPE_COMMAND), maps the editor's shortcuts (see
// shortcutOf) to the same commands the toolbar dispatches, and nests list items with
// Tab / Shift+Tab. Elsewhere Tab leaves the text (keyboard users must be able to), and in
// a table the table plugin moves between cells first.
import { $isListItemNode, $isListNode, INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, REMOVE_LIST_COMMAND } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { $findMatchingParent, mergeRegister } from '@lexical/utils';
import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_EDITOR,
  COMMAND_PRIORITY_NORMAL,
  FORMAT_TEXT_COMMAND,
  INDENT_CONTENT_COMMAND,
  KEY_DOWN_COMMAND,
  KEY_TAB_COMMAND,
  OUTDENT_CONTENT_COMMAND,
} from 'lexical';
import { useEffect } from 'react';
import { SET_BLOCK_TYPE_COMMAND, shortcutOf } from './commands';

export * from './commands';

const isMac = /Mac|iPhone|iPad/.test(navigator.platform);

export function FormattingPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          SET_BLOCK_TYPE_COMMAND,
          (type) => {
            editor.update(() => {
              const selection = $getSelection();
              if (!$isRangeSelection(selection)) return;
              if (type === 'paragraph') $setBlocksType(selection, () => $createParagraphNode());
              else if (type === 'quote') $setBlocksType(selection, () => $createQuoteNode());
              else $setBlocksType(selection, () => $createHeadingNode(type));
            });
            return true;
          },
          COMMAND_PRIORITY_EDITOR,
        ),
        editor.registerCommand(
          KEY_TAB_COMMAND,
          (event) => {
            const inList = editor.getEditorState().read(() => {
              const selection = $getSelection();
              return $isRangeSelection(selection) && $findMatchingParent(selection.anchor.getNode(), $isListItemNode) !== null;
            });
            if (!inList) return false;
            event.preventDefault();
            return editor.dispatchCommand(event.shiftKey ? OUTDENT_CONTENT_COMMAND : INDENT_CONTENT_COMMAND, undefined);
          },
          COMMAND_PRIORITY_EDITOR,
        ),
        editor.registerCommand(
          KEY_DOWN_COMMAND,
          (event) => {
            const action = shortcutOf(event, isMac);
            if (!action) return false;
            event.preventDefault();
            switch (action) {
              case 'bullet':
              case 'number': {
                const current = editor.getEditorState().read(() => {
                  const selection = $getSelection();
                  if (!$isRangeSelection(selection)) return null;
                  const list = $findMatchingParent(selection.anchor.getNode(), $isListNode);
                  return list && $isListNode(list) ? list.getListType() : null;
                });
                if (current === action) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
                else editor.dispatchCommand(action === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND, undefined);
                break;
              }
              case 'h1':
              case 'h2':
              case 'h3':
              case 'paragraph':
                editor.dispatchCommand(SET_BLOCK_TYPE_COMMAND, action);
                break;
              case 'strikethrough':
              case 'code':
                editor.dispatchCommand(FORMAT_TEXT_COMMAND, action);
                break;
            }
            return true;
          },
          COMMAND_PRIORITY_NORMAL,
        ),
      ),
    [editor],
  );
  return null;
}
