// The slash menu: `/` at the start of a line or after a space offers blocks to insert —
// headings, lists, a quote, a table, a divider, a citation. Built on Lexical's typeahead
// menu, like the `[[` citation picker; each item only dispatches a command or sets the
// block type.
import { $isHorizontalRuleNode, INSERT_HORIZONTAL_RULE_COMMAND } from '@lexical/react/LexicalHorizontalRuleNode';
import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { MenuOption, type MenuTextMatch } from '@lexical/react/LexicalTypeaheadMenuPlugin';
import { $isTableNode, INSERT_TABLE_COMMAND } from '@lexical/table';
import { $findMatchingParent } from '@lexical/utils';
import { useCallback, useMemo, useState } from 'react';
import { $getSelection, $isParagraphNode, $isRangeSelection, HISTORY_MERGE_TAG, type LexicalEditor, type TextNode } from 'lexical';
import { OPEN_CITATION_PICKER_COMMAND } from '../CitationTypeaheadPlugin';
import { SET_BLOCK_TYPE_COMMAND } from '../FormattingPlugin/commands';
import { TypeaheadMenu } from '../TypeaheadMenu';
import { filterSlashItems, matchSlashTrigger } from './slashTrigger';

interface SlashItemSpec {
  label: string;
  icon: string;
  keywords: readonly string[];
  hint?: string;
  /** Inserts a block of its own after the line: the line, left empty by the slash, goes. */
  insertsBlock?: boolean;
  run(editor: LexicalEditor): void;
}

const ITEMS: readonly SlashItemSpec[] = [
  { label: 'Heading 1', icon: 'H1', keywords: ['title', 'h1'], hint: 'Ctrl+Alt+1', run: (e) => e.dispatchCommand(SET_BLOCK_TYPE_COMMAND, 'h1') },
  { label: 'Heading 2', icon: 'H2', keywords: ['subtitle', 'h2'], hint: 'Ctrl+Alt+2', run: (e) => e.dispatchCommand(SET_BLOCK_TYPE_COMMAND, 'h2') },
  { label: 'Heading 3', icon: 'H3', keywords: ['h3'], hint: 'Ctrl+Alt+3', run: (e) => e.dispatchCommand(SET_BLOCK_TYPE_COMMAND, 'h3') },
  { label: 'Bullet list', icon: '•', keywords: ['unordered', 'ul', 'points'], hint: 'Ctrl+Shift+8', run: (e) => e.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined) },
  { label: 'Numbered list', icon: '1.', keywords: ['ordered', 'ol'], hint: 'Ctrl+Shift+7', run: (e) => e.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined) },
  { label: 'Quote', icon: '❝', keywords: ['blockquote'], run: (e) => e.dispatchCommand(SET_BLOCK_TYPE_COMMAND, 'quote') },
  {
    label: 'Table',
    icon: '▦',
    keywords: ['grid', 'columns', 'rows'],
    hint: '3 × 3',
    insertsBlock: true,
    run: (e) => e.dispatchCommand(INSERT_TABLE_COMMAND, { rows: '3', columns: '3', includeHeaders: { rows: true, columns: false } }),
  },
  { label: 'Divider', icon: '—', keywords: ['horizontal rule', 'hr', 'line', 'separator'], insertsBlock: true, run: (e) => e.dispatchCommand(INSERT_HORIZONTAL_RULE_COMMAND, undefined) },
  { label: 'Citation', icon: '[[', keywords: ['cite', 'excerpt', 'source'], hint: '[[', run: (e) => e.dispatchCommand(OPEN_CITATION_PICKER_COMMAND, undefined) },
];

/** The table or divider takes the place of the empty line the slash was typed on. */
function $removeEmptyLineBeforeInsertedBlock() {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return;
  const anchor = selection.anchor.getNode();
  // The caret is in the table's first cell (a cell is a root of its own: look for the
  // table itself), or on the line after a divider.
  const table = $findMatchingParent(anchor, $isTableNode);
  const inserted = table ?? anchor.getTopLevelElement()?.getPreviousSibling();
  if (!$isTableNode(inserted) && !$isHorizontalRuleNode(inserted)) return;
  const before = inserted.getPreviousSibling();
  if ($isParagraphNode(before) && before.isEmpty()) before.remove();
}

class SlashOption extends MenuOption {
  item: SlashItemSpec;
  constructor(item: SlashItemSpec) {
    super(item.label);
    this.item = item;
  }
}

const OPTIONS = ITEMS.map((item) => new SlashOption(item));
const triggerFn = (text: string): MenuTextMatch | null => matchSlashTrigger(text);

export function SlashMenuPlugin() {
  const [editor] = useLexicalComposerContext();
  const [query, setQuery] = useState<string | null>(null);
  const options = useMemo(() => (query === null ? [] : filterSlashItems(ITEMS, query).map((item) => OPTIONS[ITEMS.indexOf(item)])), [query]);

  const onSelectOption = useCallback(
    (option: SlashOption, textNodeContainingQuery: TextNode | null, closeMenu: () => void) => {
      // The typeahead calls this inside its own update: the query text goes in this one, and
      // the item runs once it is committed, so its command sees the line without the query.
      editor.update(
        () => {
          textNodeContainingQuery?.remove();
          closeMenu();
        },
        {
          onUpdate: () => {
            option.item.run(editor);
            // After the insertion has landed (its command may queue an update of its own); one undo step with it.
            if (option.item.insertsBlock) window.setTimeout(() => editor.update($removeEmptyLineBeforeInsertedBlock, { tag: HISTORY_MERGE_TAG }), 0);
          },
        },
      );
    },
    [editor],
  );

  return (
    <TypeaheadMenu<SlashOption>
      onQueryChange={setQuery}
      onSelectOption={onSelectOption}
      triggerFn={triggerFn}
      options={options}
      optionsQuery={query}
      className="slash-menu"
      optionClassName="slash-option"
      label="Insert"
      renderOption={({ item }) => (
        <>
          <span className="slash-option-icon" aria-hidden="true">
            {item.icon}
          </span>
          <span className="slash-option-label">{item.label}</span>
          {item.hint && <span className="slash-option-hint">{item.hint}</span>}
        </>
      )}
    />
  );
}
