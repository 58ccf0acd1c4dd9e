// The brief's toolbar. It reads the selection's state to show what is active, and only
// dispatches commands; the plugins and nodes do the editing.
import { $isLinkNode, TOGGLE_LINK_COMMAND } from '@lexical/link';
import { $isListNode, INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, REMOVE_LIST_COMMAND } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createHeadingNode, $createQuoteNode, $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { $findMatchingParent, mergeRegister } from '@lexical/utils';
import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  SELECTION_CHANGE_COMMAND,
  UNDO_COMMAND,
  type LexicalEditor,
} from 'lexical';
import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { BulletListIcon, LinkIcon, NumberedListIcon, QuoteIcon, RedoIcon, UndoIcon } from '../../../ui/icons';
import { OPEN_CITATION_PICKER_COMMAND } from '../CitationTypeaheadPlugin';

type BlockType = 'paragraph' | 'h1' | 'h2' | 'h3' | 'quote' | 'bullet' | 'number';

const BLOCK_LABELS: Record<Exclude<BlockType, 'bullet' | 'number'>, string> = {
  paragraph: 'Paragraph',
  h1: 'Heading 1',
  h2: 'Heading 2',
  h3: 'Heading 3',
  quote: 'Block quote',
};

const isMac = /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl+';

function setBlock(editor: LexicalEditor, type: BlockType) {
  editor.update(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    if (type === 'paragraph') $setBlocksType(selection, () => $createParagraphNode());
    else if (type === 'quote') $setBlocksType(selection, () => $createQuoteNode());
    else if (type === 'h1' || type === 'h2' || type === 'h3') $setBlocksType(selection, () => $createHeadingNode(type));
  });
  // The block menu took focus; writing continues in the text.
  editor.focus();
}

export function ToolbarPlugin() {
  const [editor] = useLexicalComposerContext();
  const [block, setBlockState] = useState<BlockType>('paragraph');
  const [bold, setBold] = useState(false);
  const [italic, setItalic] = useState(false);
  const [link, setLink] = useState<string | null>(null);
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);
  const [linkEditing, setLinkEditing] = useState(false);

  const refresh = useCallback(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    setBold(selection.hasFormat('bold'));
    setItalic(selection.hasFormat('italic'));
    const anchor = selection.anchor.getNode();
    const linkNode = $findMatchingParent(anchor, $isLinkNode);
    setLink(linkNode && $isLinkNode(linkNode) ? linkNode.getURL() : null);
    const top = anchor.getKey() === 'root' ? null : anchor.getTopLevelElement();
    const list = $findMatchingParent(anchor, $isListNode);
    if (list && $isListNode(list)) setBlockState(list.getListType() === 'number' ? 'number' : 'bullet');
    else if (top && $isHeadingNode(top)) setBlockState(top.getTag() as BlockType);
    else if (top && $isQuoteNode(top)) setBlockState('quote');
    else setBlockState('paragraph');
  }, []);

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => editorState.read(refresh)),
        editor.registerCommand(
          SELECTION_CHANGE_COMMAND,
          () => {
            refresh();
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          CAN_UNDO_COMMAND,
          (value) => {
            setCanUndo(value);
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          CAN_REDO_COMMAND,
          (value) => {
            setCanRedo(value);
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor, refresh],
  );

  const toggleList = (type: 'bullet' | 'number') => {
    if (block === type) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
    else editor.dispatchCommand(type === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND, undefined);
  };

  return (
    <div className="toolbar" role="toolbar" aria-label="Formatting">
      <select
        className="toolbar-select"
        aria-label="Block type"
        value={block === 'bullet' || block === 'number' ? 'paragraph' : block}
        onChange={(e) => setBlock(editor, e.target.value as BlockType)}
      >
        {Object.entries(BLOCK_LABELS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <span className="toolbar-sep" aria-hidden="true" />
      <ToolButton label="Bold" shortcut={`${mod}B`} active={bold} onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold')}>
        <strong>B</strong>
      </ToolButton>
      <ToolButton label="Italic" shortcut={`${mod}I`} active={italic} onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic')}>
        <em>I</em>
      </ToolButton>
      <ToolButton label="Link" active={link !== null || linkEditing} onClick={() => setLinkEditing((v) => !v)}>
        <LinkIcon />
      </ToolButton>
      <span className="toolbar-sep" aria-hidden="true" />
      <ToolButton label="Bullet list" active={block === 'bullet'} onClick={() => toggleList('bullet')}>
        <BulletListIcon />
      </ToolButton>
      <ToolButton label="Numbered list" active={block === 'number'} onClick={() => toggleList('number')}>
        <NumberedListIcon />
      </ToolButton>
      <ToolButton label="Block quote" active={block === 'quote'} onClick={() => setBlock(editor, block === 'quote' ? 'paragraph' : 'quote')}>
        <QuoteIcon />
      </ToolButton>
      <span className="toolbar-sep" aria-hidden="true" />
      <ToolButton label="Undo" shortcut={`${mod}Z`} disabled={!canUndo} onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}>
        <UndoIcon />
      </ToolButton>
      <ToolButton label="Redo" shortcut={isMac ? '⇧⌘Z' : 'Ctrl+Y'} disabled={!canRedo} onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)}>
        <RedoIcon />
      </ToolButton>
      <span className="toolbar-spacer" />
      <button
        type="button"
        className="button button-cite"
        title="Cite an excerpt (or type [[ in the text)"
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => editor.dispatchCommand(OPEN_CITATION_PICKER_COMMAND, undefined)}
      >
        Cite <kbd>[[</kbd>
      </button>
      {linkEditing && <LinkForm current={link} onDone={() => setLinkEditing(false)} />}
    </div>
  );
}

function ToolButton({
  label,
  shortcut,
  active,
  disabled,
  onClick,
  children,
}: {
  label: string;
  shortcut?: string;
  active?: boolean;
  disabled?: boolean;
  onClick(): void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={`tool${active ? ' is-active' : ''}`}
      aria-label={label}
      aria-pressed={active === undefined ? undefined : active}
      title={shortcut ? `${label} (${shortcut})` : label}
      disabled={disabled}
      // Keep the editor's selection: the command applies to it.
      onMouseDown={(e) => e.preventDefault()}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

function LinkForm({ current, onDone }: { current: string | null; onDone(): void }) {
  const [editor] = useLexicalComposerContext();
  const [url, setUrl] = useState(current ?? 'https://');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.select(), []);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const value = url.trim();
    editor.dispatchCommand(TOGGLE_LINK_COMMAND, value && value !== 'https://' ? value : null);
    onDone();
    editor.focus();
  };
  return (
    <form className="link-form" onSubmit={apply}>
      <input
        ref={input}
        type="url"
        aria-label="Link address"
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onDone();
            editor.focus();
          }
        }}
      />
      <button type="submit" className="button button-primary">
        Apply
      </button>
      {current && (
        <button
          type="button"
          className="button"
          onClick={() => {
            editor.dispatchCommand(TOGGLE_LINK_COMMAND, null);
            onDone();
          }}
        >
          Remove link
        </button>
      )}
    </form>
  );
}
