// Paste or drop from a web page or a word processor: the HTML is parsed into an inert
// document and cleaned (sanitizeHtml.ts: no script, style, frame, handler or javascript:
// link), then converted by Lexical's own HTML import, so headings, lists, emphasis, links
// and tables keep their structure. Text dragged in from another page arrives as the
// browser's `insertFromDrop` input, which Lexical turns into a controlled text insertion
// with the drag's data: it takes the same road as a paste. Pastes and drags between
// briefs (Lexical's own format) keep their citations. A link that arrives by any other
// road with an unsafe address is unwrapped to its text.
import { $insertGeneratedNodes } from '@lexical/clipboard';
import { $generateNodesFromDOM } from '@lexical/html';
import { $isLinkNode, AutoLinkNode, LinkNode } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { $getSelection, COMMAND_PRIORITY_HIGH, CONTROLLED_TEXT_INSERTION_COMMAND, PASTE_COMMAND, PASTE_TAG, type LexicalEditor, type LexicalNode } from 'lexical';
import { useEffect } from 'react';
import { isSafeHref, parseSanitized } from './sanitizeHtml';

/** Lexical's own clipboard format, and its marker of a drag that began in an editor. */
const LEXICAL_MIME = 'application/x-lexical-editor';
const LEXICAL_DRAG_MIME = 'application/x-lexical-drag';

/** The HTML of a paste or drop from outside the editors, if it has any. */
function foreignHtml(data: DataTransfer | null): string | null {
  if (!data || data.types.includes(LEXICAL_MIME) || data.types.includes(LEXICAL_DRAG_MIME)) return null;
  return data.getData('text/html') || null;
}

/** Inserts cleaned HTML at the selection (inside an update). */
function $insertCleanHtml(editor: LexicalEditor, html: string) {
  const selection = $getSelection();
  if (!selection) return;
  const dom = parseSanitized(html, new DOMParser());
  $insertGeneratedNodes(editor, $generateNodesFromDOM(editor, dom), selection);
}

function $unwrapUnsafeLink(node: LexicalNode) {
  if (!$isLinkNode(node) || isSafeHref(node.getURL())) return;
  for (const child of node.getChildren()) node.insertBefore(child);
  node.remove();
}

export function PastePlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          PASTE_COMMAND,
          (event) => {
            const html = foreignHtml(event instanceof ClipboardEvent ? event.clipboardData : null);
            if (!html) return false;
            event.preventDefault();
            editor.update(() => $insertCleanHtml(editor, html), { tag: PASTE_TAG });
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
        editor.registerCommand(
          CONTROLLED_TEXT_INSERTION_COMMAND,
          (payload) => {
            const html = typeof payload === 'string' ? null : foreignHtml(payload.dataTransfer);
            if (!html) return false;
            $insertCleanHtml(editor, html);
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
        editor.registerNodeTransform(LinkNode, $unwrapUnsafeLink),
        editor.registerNodeTransform(AutoLinkNode, $unwrapUnsafeLink),
      ),
    [editor],
  );
  return null;
}
