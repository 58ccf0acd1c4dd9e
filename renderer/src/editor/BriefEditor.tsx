// The brief's rich-text editor: Lexical with headings, lists (nested), quotes, links,
// tables, dividers, citations and entity mentions; toolbar, find and replace, slash menu,
// `[[` citation picker, `@` mentions, paste cleaning, excerpt drops and autosave as plugins;
// one right-hand panel beside the text (outline, excerpts, the citation check, history:
// editor/panelState.ts), never over it; the word count under it.
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
import { memo, useMemo, type ReactNode } from 'react';
import { ResizeEdge } from '../ui/ResizeEdge';
import { PANEL_MAX, PANEL_MIN, setBriefPanel, setBriefPanelWidth, toggleBriefPanel, useBriefPanel, type BriefPanel } from './panelState';
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
import { ToolbarPlugin } from './plugins/ToolbarPlugin';
import { WindowKeysPlugin } from './plugins/WindowKeysPlugin';
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

function hasContent(document: unknown): boolean {
  const root = (document as { root?: { children?: unknown[] } } | null)?.root;
  return Array.isArray(root?.children) && root.children.length > 0;
}

export const BriefEditor = memo(function BriefEditor({
  document,
  onChange,
  renderPanel,
  status,
}: {
  document: unknown;
  onChange(state: EditorState): void;
  /** The side panel's content (the brief pane owns what the panels show), but for the outline, which reads the editor. */
  renderPanel(panel: Exclude<BriefPanel, 'outline'>, close: () => void): ReactNode;
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
  const { panel, width } = useBriefPanel();
  const close = () => setBriefPanel(null);

  return (
    <LexicalComposer initialConfig={initialConfig}>
      <CitationIndexContext.Provider value={index}>
        <ToolbarPlugin panel={panel} onPanel={toggleBriefPanel} />
        <FindReplacePlugin />
        <div className={`editor-body${panel ? ' has-panel' : ''}`} style={{ ['--panel-width' as string]: `${width}px` }}>
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
          {panel && (
            <>
              <ResizeEdge
                label="Resize the brief's side panel"
                className="editor-side-edge"
                controls="brief-side-panel"
                width={width}
                collapsed={false}
                min={PANEL_MIN}
                max={PANEL_MAX}
                side="right"
                onResize={setBriefPanelWidth}
                onToggle={close}
              />
              <aside id="brief-side-panel" className={`editor-side editor-side-${panel}`}>
                {panel === 'outline' ? <OutlinePanel onClose={close} /> : renderPanel(panel, close)}
              </aside>
            </>
          )}
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
        <WindowKeysPlugin />
        <AutosavePlugin onChange={onChange} />
      </CitationIndexContext.Provider>
    </LexicalComposer>
  );
});

/** The brief's headings, to jump to one (inside the composer: it reads the editor). */
function OutlinePanel({ onClose }: { onClose(): void }) {
  return (
    <div className="side-panel outline-panel">
      <header className="side-panel-header">
        <h2 className="side-panel-title">Outline</h2>
        <button type="button" className="icon-button" aria-label="Close outline panel" title="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <OutlinePlugin />
    </div>
  );
}
