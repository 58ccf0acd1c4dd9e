// The brief's word count for the status bar. Citations are not counted (their quotes are
// not the author's words); entity mentions count as the name they show. Counted a moment
// after typing stops, so it never slows a keystroke.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot, $isDecoratorNode, $isElementNode, $isLineBreakNode, $isTextNode, type LexicalNode } from 'lexical';
import { useEffect, useState } from 'react';
import { $isEntityMentionNode } from '../../nodes/EntityMentionNode';
import { countWords } from './countWords';

const DELAY = 300;

/** The author's text: blocks and atomic nodes are word boundaries; citations contribute nothing. */
export function $authorText(): string {
  const parts: string[] = [];
  const visit = (node: LexicalNode) => {
    if ($isTextNode(node)) parts.push(node.getTextContent());
    else if ($isLineBreakNode(node)) parts.push('\n');
    else if ($isEntityMentionNode(node)) parts.push(` ${node.getTextContent()} `);
    else if ($isDecoratorNode(node)) parts.push(' ');
    else if ($isElementNode(node)) {
      for (const child of node.getChildren()) visit(child);
      if (!node.isInline()) parts.push('\n');
    }
  };
  visit($getRoot());
  return parts.join('');
}

export function WordCountPlugin() {
  const [editor] = useLexicalComposerContext();
  const [words, setWords] = useState<number | null>(null);
  useEffect(() => {
    let timer: number | undefined;
    const count = () => setWords(countWords(editor.getEditorState().read($authorText)));
    count();
    const stop = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(count, DELAY);
    });
    return () => {
      stop();
      window.clearTimeout(timer);
    };
  }, [editor]);
  if (words === null) return null;
  return (
    <span className="word-count" data-words={words}>
      {words.toLocaleString()} {words === 1 ? 'word' : 'words'}
    </span>
  );
}
