// Inline nodes put into the text as you write (citations, entity mentions): each goes where
// the typed query was, or at the caret, and is followed by a space with the caret after it,
// so that typing goes on as text after the chip.
import { $createTextNode, $insertNodes, $isTextNode, type LexicalNode, type TextNode } from 'lexical';

/** The caret after `node`, behind a space: the one that already follows it, or a new one. */
export function $selectAfterSpace(node: LexicalNode): void {
  const next = node.getNextSibling();
  if ($isTextNode(next) && /^\s/.test(next.getTextContent())) {
    next.select(1, 1);
  } else {
    const space = $createTextNode(' ');
    node.insertAfter(space);
    space.select(1, 1);
  }
}

/** A typeahead's choice: `node` in place of the text node holding the query (at the selection when there is none), then a space and the caret. */
export function $replaceQueryWith(node: LexicalNode, textNodeContainingQuery: TextNode | null): void {
  if (textNodeContainingQuery) textNodeContainingQuery.replace(node);
  else $insertNodes([node]);
  $selectAfterSpace(node);
}
