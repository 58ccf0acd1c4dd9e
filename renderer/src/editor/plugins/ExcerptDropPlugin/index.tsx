// Dropping an excerpt (dragged from the excerpts panel) into the text cites it where it
// lands: the caret under the pointer, shown as a thin line while dragging. Excerpts asked
// for from elsewhere (editor/citeRequests.ts) are cited at the caret.
import { caretFromPoint } from '@lexical/clipboard';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $createParagraphNode,
  $createTextNode,
  $getNearestNodeFromDOMNode,
  $getRoot,
  $getSelection,
  $insertNodes,
  $isDecoratorNode,
  $isElementNode,
  $isRangeSelection,
  $isTextNode,
  COMMAND_PRIORITY_HIGH,
  createCommand,
  DRAGOVER_COMMAND,
  DROP_COMMAND,
  type LexicalCommand,
  type LexicalEditor,
} from 'lexical';
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { isExcerptDrag, readExcerptDrag, type DraggedExcerpt } from '../../excerptDrag';
import { $createCitationNode } from '../../nodes/CitationNode';
import { $selectAfterSpace } from '../insertInline';
import { onCitationRequest } from '../../citeRequests';

/** Cites an excerpt at the selection (or where a drop put it). */
export const INSERT_CITATION_COMMAND: LexicalCommand<DraggedExcerpt> = createCommand('INSERT_CITATION_COMMAND');

/** Puts the selection at the text position under a point; false when there is none. */
function $selectAtPoint(editor: LexicalEditor, x: number, y: number): boolean {
  const hit = caretFromPoint(x, y, editor.getRootElement());
  if (!hit) return false;
  const node = $getNearestNodeFromDOMNode(hit.node);
  if (!node) return false;
  if ($isTextNode(node)) node.select(hit.offset, hit.offset);
  else if ($isDecoratorNode(node)) node.selectNext(0, 0);
  else if ($isElementNode(node)) node.select(hit.offset, hit.offset);
  else return false;
  return true;
}

function $insertCitation(excerpt: DraggedExcerpt) {
  let selection = $getSelection();
  if (!$isRangeSelection(selection)) {
    const last = $getRoot().getLastChild();
    if (!$isElementNode(last)) $getRoot().append($createParagraphNode());
    $getRoot().selectEnd();
    selection = $getSelection();
  }
  if (!$isRangeSelection(selection)) return;
  const citation = $createCitationNode(excerpt.id, excerpt.quote, excerpt.sourceTitle || undefined);
  const before = selection.anchor.type === 'text' ? selection.anchor.getNode().getTextContent().slice(0, selection.anchor.offset) : '';
  // Cited where it lands, with a space either side when it lands against a word.
  if (before && !/\s$/.test(before)) $insertNodes([$createTextNode(' ')]);
  $insertNodes([citation]);
  $selectAfterSpace(citation);
}

export function ExcerptDropPlugin() {
  const [editor] = useLexicalComposerContext();
  const [indicator, setIndicator] = useState<{ left: number; top: number; height: number } | null>(null);

  useEffect(() => {
    const clear = () => setIndicator(null);
    window.addEventListener('dragend', clear);
    window.addEventListener('drop', clear);
    return mergeRegister(
      () => {
        window.removeEventListener('dragend', clear);
        window.removeEventListener('drop', clear);
      },
      // Excerpts chosen elsewhere (search results): cited one after another where the caret was left.
      onCitationRequest((excerpts) => {
        editor.update(() => excerpts.forEach((x) => $insertCitation(x)));
        editor.focus();
      }),
      editor.registerCommand(
        INSERT_CITATION_COMMAND,
        (excerpt) => {
          editor.update(() => $insertCitation(excerpt));
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
      editor.registerCommand(
        DRAGOVER_COMMAND,
        (event) => {
          if (!isExcerptDrag(event.dataTransfer)) return false;
          event.preventDefault();
          if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
          const hit = caretFromPoint(event.clientX, event.clientY, editor.getRootElement());
          if (hit) {
            const range = document.createRange();
            try {
              range.setStart(hit.node, hit.offset);
              range.collapse(true);
              const rect = range.getClientRects()[0] ?? (hit.node instanceof Element ? hit.node.getBoundingClientRect() : null);
              if (rect) setIndicator({ left: rect.left, top: rect.top, height: rect.height || 20 });
            } catch {
              setIndicator(null);
            }
          }
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
      editor.registerCommand(
        DROP_COMMAND,
        (event) => {
          const excerpt = readExcerptDrag(event.dataTransfer);
          if (!excerpt) return false;
          event.preventDefault();
          setIndicator(null);
          editor.update(() => {
            $selectAtPoint(editor, event.clientX, event.clientY);
            $insertCitation(excerpt);
          });
          editor.focus();
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    );
  }, [editor]);

  return indicator
    ? createPortal(<div className="drop-caret" aria-hidden="true" style={{ left: indicator.left - 1, top: indicator.top, height: indicator.height }} />, document.body)
    : null;
}
