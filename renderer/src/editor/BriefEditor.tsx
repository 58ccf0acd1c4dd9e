// The brief's rich-text editor: Lexical with headings, lists, quotes, links and
// citations; toolbar, `[[` citation picker and autosave as plugins.
import { AutoLinkNode, LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import type { EditorState } from 'lexical';
import { useMemo } from 'react';
import { notifyError } from '../state/toasts';
import { CitationNode } from './nodes/CitationNode';
import { AutosavePlugin } from './plugins/AutosavePlugin';
import { CitationTypeaheadPlugin } from './plugins/CitationTypeaheadPlugin';
import { ToolbarPlugin } from './plugins/ToolbarPlugin';
import { editorTheme } from './theme';

const NODES = [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode, AutoLinkNode, CitationNode];

const SAFE_URL = /^(https?:|mailto:)/i;

function hasContent(document: unknown): boolean {
  const root = (document as { root?: { children?: unknown[] } } | null)?.root;
  return Array.isArray(root?.children) && root.children.length > 0;
}

export function BriefEditor({ document, onChange }: { document: unknown; onChange(state: EditorState): void }) {
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
  return (
    <LexicalComposer initialConfig={initialConfig}>
      <ToolbarPlugin />
      <div className="editor-scroll">
        <div className="editor-frame">
          <RichTextPlugin
            contentEditable={
              <ContentEditable
                className="editor-content"
                aria-label="Brief text"
                aria-placeholder="Write your brief. Type [[ to cite an excerpt."
                placeholder={<div className="editor-placeholder">Write your brief. Type [[ to cite an excerpt.</div>}
              />
            }
            ErrorBoundary={LexicalErrorBoundary}
          />
        </div>
      </div>
      <HistoryPlugin />
      <ListPlugin />
      <LinkPlugin validateUrl={(url) => SAFE_URL.test(url)} />
      <CitationTypeaheadPlugin />
      <AutosavePlugin onChange={onChange} />
    </LexicalComposer>
  );
}
