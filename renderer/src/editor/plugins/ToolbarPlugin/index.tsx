// The brief's toolbar. It reads the selection's state to show what is active, and only
// dispatches commands; the plugins and nodes do the editing. The brief's side panels
// (outline, excerpts, check) are toggled through the props.
import { $isLinkNode, TOGGLE_LINK_COMMAND } from '@lexical/link';
import { $isListNode, INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, REMOVE_LIST_COMMAND } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { INSERT_HORIZONTAL_RULE_COMMAND } from '@lexical/react/LexicalHorizontalRuleNode';
import { $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import { INSERT_TABLE_COMMAND } from '@lexical/table';
import { $findMatchingParent, mergeRegister } from '@lexical/utils';
import {
  $getSelection,
  $isRangeSelection,
  $setSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_EDITOR,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  SELECTION_CHANGE_COMMAND,
  UNDO_COMMAND,
  type TextFormatType,
} from 'lexical';
import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { BulletListIcon, LinkIcon, NumberedListIcon, QuoteIcon, RedoIcon, UndoIcon } from '../../../ui/icons';
import { OPEN_CITATION_PICKER_COMMAND } from '../CitationTypeaheadPlugin';
import { OPEN_FIND_COMMAND } from '../FindReplacePlugin';
import { useCommand } from '../../../app/commands';
import { OPEN_LINK_EDITOR_COMMAND, SET_BLOCK_TYPE_COMMAND, type BlockType as SettableBlock } from '../FormattingPlugin/commands';
import { SAFE_URL } from '../PastePlugin/sanitizeHtml';

type BlockType = SettableBlock | 'bullet' | 'number' | 'table';

const BLOCK_LABELS: Record<SettableBlock, string> = {
  paragraph: 'Paragraph',
  h1: 'Heading 1',
  h2: 'Heading 2',
  h3: 'Heading 3',
  quote: 'Block quote',
};

import type { BriefPanel } from '../../panelState';
export type { BriefPanel };

const isMac = /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl+';

const FORMATS: readonly TextFormatType[] = ['bold', 'italic', 'underline', 'strikethrough', 'code'];

export function ToolbarPlugin({ panel, onPanel }: { panel: BriefPanel | null; onPanel(panel: BriefPanel): void }) {
  const [editor] = useLexicalComposerContext();
  const [block, setBlockState] = useState<BlockType>('paragraph');
  const [formats, setFormats] = useState<ReadonlySet<TextFormatType>>(new Set());
  const [link, setLink] = useState<string | null>(null);
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);
  const [linkEditing, setLinkEditing] = useState(false);

  // Runs on every update (every keystroke): state is set only when it differs, since even a
  // same-value setState may cost a render and a commit — and a commit measures the selection
  // over the whole editor DOM.
  const shown = useRef({ formats: '', link: null as string | null, block: 'paragraph' as BlockType });
  const refresh = useCallback(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    const active = FORMATS.filter((f) => selection.hasFormat(f));
    const anchor = selection.anchor.getNode();
    const linkNode = $findMatchingParent(anchor, $isLinkNode);
    const url = linkNode && $isLinkNode(linkNode) ? linkNode.getURL() : null;
    const top = anchor.getKey() === 'root' ? null : anchor.getTopLevelElement();
    const list = $findMatchingParent(anchor, $isListNode);
    let next: BlockType = 'paragraph';
    if (list && $isListNode(list)) next = list.getListType() === 'number' ? 'number' : 'bullet';
    else if (top && top.getType() === 'table') next = 'table';
    else if (top && $isHeadingNode(top)) next = top.getTag() as BlockType;
    else if (top && $isQuoteNode(top)) next = 'quote';
    const was = shown.current;
    if (active.join() !== was.formats) {
      was.formats = active.join();
      setFormats(new Set(active));
    }
    if (url !== was.link) {
      was.link = url;
      setLink(url);
    }
    if (next !== was.block) {
      was.block = next;
      setBlockState(next);
    }
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
        editor.registerCommand(
          OPEN_LINK_EDITOR_COMMAND,
          () => {
            setLinkEditing(true);
            return true;
          },
          COMMAND_PRIORITY_EDITOR,
        ),
      ),
    [editor, refresh],
  );
  // Ctrl/Cmd+K in the text, or Edit ▸ Insert Link…: the registry settles the key against Search.
  useCommand('edit.link', () => editor.dispatchCommand(OPEN_LINK_EDITOR_COMMAND, undefined));

  const toggleList = (type: 'bullet' | 'number') => {
    if (block === type) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
    else editor.dispatchCommand(type === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND, undefined);
  };
  const setBlock = (type: SettableBlock) => {
    editor.dispatchCommand(SET_BLOCK_TYPE_COMMAND, type);
    // The block menu took focus; writing continues in the text.
    editor.focus();
  };
  const format = (f: TextFormatType) => editor.dispatchCommand(FORMAT_TEXT_COMMAND, f);

  return (
    <div className="toolbar" role="toolbar" aria-label="Formatting">
      <select
        className="toolbar-select"
        aria-label="Block type"
        value={block in BLOCK_LABELS ? block : 'paragraph'}
        onChange={(e) => setBlock(e.target.value as SettableBlock)}
      >
        {Object.entries(BLOCK_LABELS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <span className="toolbar-sep" aria-hidden="true" />
      <ToolButton label="Bold" shortcut={`${mod}B`} active={formats.has('bold')} onClick={() => format('bold')}>
        <strong>B</strong>
      </ToolButton>
      <ToolButton label="Italic" shortcut={`${mod}I`} active={formats.has('italic')} onClick={() => format('italic')}>
        <em>I</em>
      </ToolButton>
      <ToolButton label="Underline" shortcut={`${mod}U`} active={formats.has('underline')} onClick={() => format('underline')}>
        <span className="tool-underline">U</span>
      </ToolButton>
      <ToolButton label="Strikethrough" shortcut={`${mod}Shift+X`} active={formats.has('strikethrough')} onClick={() => format('strikethrough')}>
        <s>S</s>
      </ToolButton>
      <ToolButton label="Inline code" shortcut={`${mod}E`} active={formats.has('code')} onClick={() => format('code')}>
        <span className="tool-code">{'</>'}</span>
      </ToolButton>
      <ToolButton label="Link" shortcut={`${mod}K`} active={link !== null || linkEditing} onClick={() => setLinkEditing((v) => !v)}>
        <LinkIcon />
      </ToolButton>
      <span className="toolbar-sep" aria-hidden="true" />
      <ToolButton label="Bullet list" shortcut={`${mod}Shift+8`} active={block === 'bullet'} onClick={() => toggleList('bullet')}>
        <BulletListIcon />
      </ToolButton>
      <ToolButton label="Numbered list" shortcut={`${mod}Shift+7`} active={block === 'number'} onClick={() => toggleList('number')}>
        <NumberedListIcon />
      </ToolButton>
      <ToolButton label="Block quote" active={block === 'quote'} onClick={() => setBlock(block === 'quote' ? 'paragraph' : 'quote')}>
        <QuoteIcon />
      </ToolButton>
      <ToolButton
        label="Insert table"
        active={block === 'table'}
        onClick={() => editor.dispatchCommand(INSERT_TABLE_COMMAND, { rows: '3', columns: '3', includeHeaders: { rows: true, columns: false } })}
      >
        <span aria-hidden="true">▦</span>
      </ToolButton>
      <ToolButton label="Insert divider" onClick={() => editor.dispatchCommand(INSERT_HORIZONTAL_RULE_COMMAND, undefined)}>
        <span aria-hidden="true">―</span>
      </ToolButton>
      <span className="toolbar-sep" aria-hidden="true" />
      <ToolButton label="Undo" shortcut={`${mod}Z`} disabled={!canUndo} onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}>
        <UndoIcon />
      </ToolButton>
      <ToolButton label="Redo" shortcut={isMac ? '⇧⌘Z' : 'Ctrl+Y'} disabled={!canRedo} onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)}>
        <RedoIcon />
      </ToolButton>
      <ToolButton label="Find and replace" shortcut={`${mod}F, ${mod}H`} onClick={() => editor.dispatchCommand(OPEN_FIND_COMMAND, { replace: false })}>
        <span aria-hidden="true" className="tool-find">
          ⌕
        </span>
      </ToolButton>
      <span className="toolbar-end">
        <span className="toolbar-panels" role="group" aria-label="Panels">
          <PanelButton label="Outline" active={panel === 'outline'} onClick={() => onPanel('outline')} />
          <PanelButton label="Excerpts" active={panel === 'excerpts'} onClick={() => onPanel('excerpts')} />
          <PanelButton label="Check brief" active={panel === 'check'} onClick={() => onPanel('check')} />
          <PanelButton label="Backlinks" active={panel === 'backlinks'} onClick={() => onPanel('backlinks')} />
        </span>
        <button
          type="button"
          className="button button-cite"
          title="Cite an excerpt (or type [[ in the text, or drag one from the Excerpts panel)"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => editor.dispatchCommand(OPEN_CITATION_PICKER_COMMAND, undefined)}
        >
          Cite <kbd>[[</kbd>
        </button>
      </span>
      {linkEditing && <LinkForm current={link} onDone={() => setLinkEditing(false)} />}
    </div>
  );
}

function PanelButton({ label, active, onClick }: { label: string; active: boolean; onClick(): void }) {
  return (
    <button type="button" className={`panel-toggle${active ? ' is-active' : ''}`} aria-pressed={active} onMouseDown={(e) => e.preventDefault()} onClick={onClick}>
      {label}
    </button>
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
  const [invalid, setInvalid] = useState(false);
  // The text the link is for, as selected when the field opened: typing in the field (or a
  // refused address) must not lose it.
  const [target] = useState(() => editor.getEditorState().read(() => $getSelection()?.clone() ?? null));
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.select(), []);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const value = url.trim();
    // Only web and mail addresses: a javascript: or file: link is refused, and said so.
    if (value && value !== 'https://' && !SAFE_URL.test(value)) {
      setInvalid(true);
      input.current?.focus();
      return;
    }
    editor.update(() => {
      if (target) $setSelection(target.clone());
      editor.dispatchCommand(TOGGLE_LINK_COMMAND, value && value !== 'https://' ? value : null);
    });
    onDone();
    editor.focus();
  };
  return (
    <form className="link-form" onSubmit={apply}>
      <input
        ref={input}
        type="url"
        aria-label="Link address"
        aria-invalid={invalid}
        aria-describedby={invalid ? 'link-form-error' : undefined}
        value={url}
        onChange={(e) => {
          setUrl(e.target.value);
          setInvalid(false);
        }}
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
      {invalid && (
        <p id="link-form-error" className="link-form-error" role="alert">
          Use a web address (https://…) or mailto:
        </p>
      )}
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
