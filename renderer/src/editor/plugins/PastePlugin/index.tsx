// Paste from a web page or a word processor: the HTML is parsed into an inert document and
// cleaned (sanitizeHtml.ts: no script, style, frame, handler or javascript: link), then
// converted by Lexical's own HTML import, so headings, lists, emphasis, links and tables
// keep their structure. Pastes between briefs (Lexical's own format) keep their citations.
// A link that arrives by any other road with an unsafe address is unwrapped to its text.
import { $insertGeneratedNodes } from '@lexical/clipboard';
import { $generateNodesFromDOM } from '@lexical/html';
import { $isLinkNode, AutoLinkNode, LinkNode } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { $getSelection, COMMAND_PRIORITY_HIGH, PASTE_COMMAND, PASTE_TAG, type LexicalNode } from 'lexical';
import { useEffect } from 'react';
import { isSafeHref, parseSanitized } from './sanitizeHtml';

const LEXICAL_MIME = 'application/x-lexical-editor';

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
            const data = event instanceof ClipboardEvent ? event.clipboardData : null;
            if (!data || data.types.includes(LEXICAL_MIME)) return false;
            const html = data.getData('text/html');
            if (!html) return false;
            event.preventDefault();
            editor.update(
              () => {
                const selection = $getSelection();
                if (!selection) return;
                const dom = parseSanitized(html, new DOMParser());
                const nodes = $generateNodesFromDOM(editor, dom);
                $insertGeneratedNodes(editor, nodes, selection);
              },
              { tag: PASTE_TAG },
            );
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
