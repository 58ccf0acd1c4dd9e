// Markdown shortcuts as writers expect them (issue #13): at the start of a paragraph
// `# `…`###### ` make a heading, `- ` or `* ` a bulleted list, `1. ` a numbered one, `> ` a
// quote, `--- ` a rule (each fires on the space that follows it); inline, `**bold**`, `*italic*`, `~~struck~~` and `` `code` ``. Only
// what a brief can hold (db/brief/document.ts): no code blocks, no task lists, and no
// `[text](url)` (links go through Ctrl/Cmd+K and the paste rules, which check the URL).
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { $createHorizontalRuleNode, $isHorizontalRuleNode, HorizontalRuleNode } from '@lexical/react/LexicalHorizontalRuleNode';
import { BOLD_ITALIC_STAR, BOLD_STAR, HEADING, INLINE_CODE, ITALIC_STAR, ITALIC_UNDERSCORE, ORDERED_LIST, QUOTE, STRIKETHROUGH, UNORDERED_LIST, type ElementTransformer, type Transformer } from '@lexical/markdown';

/** `---` (or `***`) on its own line: a horizontal rule. */
const RULE: ElementTransformer = {
  dependencies: [HorizontalRuleNode],
  export: (node) => ($isHorizontalRuleNode(node) ? '---' : null),
  regExp: /^(---|\*\*\*)\s?$/,
  replace: (parent, _children, _match, isImport) => {
    const rule = $createHorizontalRuleNode();
    if (isImport || parent.getNextSibling() != null) parent.replace(rule);
    else parent.insertBefore(rule);
    rule.selectNext();
  },
  type: 'element',
};

export const BRIEF_MARKDOWN: Transformer[] = [HEADING, QUOTE, UNORDERED_LIST, ORDERED_LIST, RULE, INLINE_CODE, BOLD_ITALIC_STAR, BOLD_STAR, ITALIC_STAR, ITALIC_UNDERSCORE, STRIKETHROUGH];

export function MarkdownShortcutsPlugin() {
  return <MarkdownShortcutPlugin transformers={BRIEF_MARKDOWN} />;
}
