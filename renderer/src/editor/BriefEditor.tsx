// The brief's rich-text editor: Lexical with headings, lists (nested), quotes, links,
// tables, dividers, citations and entity mentions; toolbar, find and replace, slash menu,
// `[[` citation picker, `@` mentions, paste cleaning, excerpt drops and autosave as plugins;
// the outline and a side panel (excerpts or the citation check) beside the text, the word
// count under it.
import { AutoLinkNode, LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { HorizontalRuleNode } from '@lexical/react/LexicalHorizontalRuleNode';
import { HorizontalRulePlugin } from '@lexical/react/LexicalHorizontalRulePlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { TablePlugin } from '@lexical/react/LexicalTablePlugin';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import type { EditorState } from 'lexical';
import { memo, useMemo, useState, type ReactNode } from 'react';
import { notifyError } from '../state/toasts';
import { CitationIndex, CitationIndexContext } from './citationIndex';
import { CitationNode } from './nodes/CitationNode';
import { EntityMentionNode } from './nodes/EntityMentionNode';
import { AutosavePlugin } from './plugins/AutosavePlugin';
import { CitationsPlugin } from './plugins/CitationsPlugin';
import { CitationTypeaheadPlugin } from './plugins/CitationTypeaheadPlugin';
import { ExcerptDropPlugin } from './plugins/ExcerptDropPlugin';
import { FindReplacePlugin } from './plugins/FindReplacePlugin';
import { FormattingPlugin } from './plugins/FormattingPlugin';
import { MentionsPlugin } from './plugins/MentionsPlugin';
import { OutlinePlugin } from './plugins/OutlinePlugin';
import { PastePlugin } from './plugins/PastePlugin';
import { SlashMenuPlugin } from './plugins/SlashMenuPlugin';
import { ToolbarPlugin, type BriefPanel } from './plugins/ToolbarPlugin';
import { WordCountPlugin } from './plugins/WordCountPlugin';
import { MarkdownShortcutsPlugin } from './plugins/MarkdownShortcutsPlugin';
import { SAFE_URL } from './plugins/PastePlugin/sanitizeHtml';
import { editorTheme } from './theme';
import './editor-tools.css';

const NODES = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  AutoLinkNode,
  TableNode,
  TableRowNode,
  TableCellNode,
  HorizontalRuleNode,
  CitationNode,
  EntityMentionNode,
];

// Module-level: LinkPlugin re-registers its link transform whenever this function changes,
// and registering a transform marks every link dirty — an update, a save, a re-render, again.
const validateUrl = (url: string) => SAFE_URL.test(url);

const PANEL_KEY = 'sourcebook.briefPanel';
const OUTLINE_KEY = 'sourcebook.briefOutline';

function hasContent(document: unknown): boolean {
  const root = (document as { root?: { children?: unknown[] } } | null)?.root;
  return Array.isArray(root?.children) && root.children.length > 0;
}

function loadPanel(): BriefPanel | null {
  const saved = localStorage.getItem(PANEL_KEY);
  return saved === 'excerpts' || saved === 'check' ? saved : null;
}

export const BriefEditor = memo(function BriefEditor({
  document,
  onChange,
  renderPanel,
  status,
}: {
  document: unknown;
  onChange(state: EditorState): void;
  /** The side panel's content (the brief pane owns what the panels show). */
  renderPanel(panel: BriefPanel, close: () => void): ReactNode;
  /** More of the status bar, after the word count. */
  status?: ReactNode;
}) {
  const initialConfig = useMemo<InitialConfigType>(
    () => ({
      namespace: 'sourcebook-brief',
      nodes: NODES,
      theme: editorTheme,
      // An empty root is not a valid Lexical state; let the editor create its paragraph.
      editorState: hasContent(document) ? JSON.stringify(document) : undefined,
      onError: (error) => notifyError(error, 'Editor error'),
    }),
    // Read once: the composer is keyed by brief id.
    [],
  );
  const index = useMemo(() => new CitationIndex(), []);
  const [panel, setPanelState] = useState<BriefPanel | null>(loadPanel);
  const [outline, setOutlineState] = useState(() => localStorage.getItem(OUTLINE_KEY) === 'on');
  const setPanel = (next: BriefPanel | null) => {
    setPanelState(next);
    localStorage.setItem(PANEL_KEY, next ?? '');
  };
  const setOutline = (show: boolean) => {
    setOutlineState(show);
    localStorage.setItem(OUTLINE_KEY, show ? 'on' : 'off');
  };

  return (
    <LexicalComposer initialConfig={initialConfig}>
      <CitationIndexContext.Provider value={index}>
        <ToolbarPlugin panel={panel} onPanel={setPanel} outline={outline} onOutline={setOutline} />
        <FindReplacePlugin />
        <div className={`editor-body${outline ? ' has-outline' : ''}${panel ? ' has-panel' : ''}`}>
          {outline && (
            <aside className="editor-outline">
              <OutlinePlugin />
            </aside>
          )}
          <div className="editor-scroll">
            <div className="editor-frame">
              <RichTextPlugin
                contentEditable={
                  <ContentEditable
                    className="editor-content"
                    aria-label="Brief text"
                    aria-placeholder="Write your brief. Type [[ to cite an excerpt, / for headings, lists and tables, @ for an entity."
                    placeholder={<div className="editor-placeholder">Write your brief. Type [[ to cite an excerpt, / for headings, lists and tables, @ for an entity.</div>}
                  />
                }
                ErrorBoundary={LexicalErrorBoundary}
              />
            </div>
          </div>
          {panel && <aside className={`editor-side editor-side-${panel}`}>{renderPanel(panel, () => setPanel(null))}</aside>}
        </div>
        <div className="editor-status">
          <WordCountPlugin />
          {status}
        </div>
        <HistoryPlugin />
        <ListPlugin />
        <TablePlugin hasCellMerge={false} hasCellBackgroundColor={false} hasHorizontalScroll />
        <HorizontalRulePlugin />
        <LinkPlugin validateUrl={validateUrl} />
        <FormattingPlugin />
        <MarkdownShortcutsPlugin />
        <PastePlugin />
        <CitationsPlugin />
        <CitationTypeaheadPlugin />
        <SlashMenuPlugin />
        <MentionsPlugin />
        <ExcerptDropPlugin />
        <AutosavePlugin onChange={onChange} />
      </CitationIndexContext.Provider>
    </LexicalComposer>
  );
});
