// The brief being written: title, save state, export, and the editor with its side panels
// (excerpts to drag in, the citation check) and its history.
import { Component, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { EditorState } from 'lexical';
import { api } from '../api';
import { useNavigation } from '../app/navigation';
import { PaneTabs } from '../app/PaneTabs';
import { closeTab, forgetTab, tabOpened } from '../app/openTabs';
import { BriefEditor } from '../editor/BriefEditor';
import { setBriefPanel, toggleBriefPanel, useBriefPanel, type BriefPanel } from '../editor/panelState';
import { useCommand } from '../app/commands';
import { notifyError } from '../state/toasts';
import { moveToTrash } from '../state/trash';
import { useWorkspaceGeneration } from '../state/workspace';
import { useApiQuery } from '../state/topics';
import type { Brief } from '../types';
import { ConfirmButton } from '../ui/ConfirmButton';
import { EmptyState } from '../ui/EmptyState';
import { BacklinksPanel } from './BacklinksPanel';
import { CheckBriefPanel } from './CheckBriefPanel';
import { ExcerptsPanel } from './ExcerptsPanel';
import { ExportMenu } from './ExportMenu';
import { HistoryPanel } from './HistoryPanel';
import { NewBriefForm } from './NewBriefForm';
import { useBriefSaver, type SaveStatus } from './useBriefSaver';

export function BriefPane() {
  const nav = useNavigation();
  const briefId = nav.briefId;
  // Loaded once per brief: the editor owns the document from then on.
  // A backup restored replaces the whole workspace: the brief is loaded again from it.
  const workspace = useWorkspaceGeneration();
  const brief = useApiQuery(briefId ? () => api['briefs:get']({ id: briefId }) : null, [briefId, workspace], []);
  // A restore from the history replaces the document: the editor starts again on it.
  const [restored, setRestored] = useState<{ brief: Brief; generation: number; workspace: number } | null>(null);

  // A brief that could not be opened (deleted, or of another workspace) leaves the tabs.
  const gone = !!brief.error && !brief.data;
  useEffect(() => {
    if (gone && briefId) forgetTab('brief', briefId);
  }, [gone, briefId]);

  if (!briefId) {
    return (
      <section className="pane brief-pane" aria-label="Brief">
        <BriefTabs />
        <EmptyState title="No brief open" action={<NewBriefForm />}>
          Write a brief beside the source. Type <kbd>[[</kbd> to cite an excerpt; citations stay linked to their passage.
        </EmptyState>
      </section>
    );
  }
  if (brief.error && !brief.data) {
    return (
      <section className="pane brief-pane" aria-label="Brief">
        <BriefTabs />
        <EmptyState title="This brief could not be opened">{brief.error.message}</EmptyState>
      </section>
    );
  }
  if (!brief.data || brief.data.id !== briefId) {
    return (
      <section className="pane brief-pane" aria-label="Brief" aria-busy="true">
        <BriefTabs />
        <div className="loading">Opening brief…</div>
      </section>
    );
  }
  const current = restored?.brief.id === briefId && restored.workspace === workspace ? restored : null;
  return (
    <EditorErrorBoundary key={`${briefId}:${workspace}:${current?.generation ?? 0}`}>
      <OpenBrief brief={current?.brief ?? brief.data} onRestored={(b) => setRestored({ brief: b, generation: (current?.generation ?? 0) + 1, workspace })} />
    </EditorErrorBoundary>
  );
}

const STATUS_TEXT: Record<SaveStatus, string> = {
  saved: 'Saved',
  pending: 'Edited',
  saving: 'Saving…',
  error: 'Not saved',
};

function OpenBrief({ brief, onRestored }: { brief: Brief; onRestored(brief: Brief): void }) {
  const nav = useNavigation();
  const saver = useBriefSaver(brief.id, brief.document);
  const [title, setTitle] = useState(brief.title);
  const historyOpen = useBriefPanel().panel === 'history';
  const { schedule, flush } = saver;
  const onChange = useCallback((state: EditorState) => schedule({ state }), [schedule]);
  const tabTitle = title.trim() || brief.title;
  useEffect(() => tabOpened('brief', brief.id, tabTitle), [brief.id, tabTitle]);
  // The right-hand panel's content; kept the same between renders, as the editor is memoised.
  const restoredRef = useRef(onRestored);
  restoredRef.current = onRestored;
  const renderPanel = useCallback(
    (panel: Exclude<BriefPanel, 'outline'>, close: () => void) =>
      panel === 'excerpts' ? (
        <ExcerptsPanel onClose={close} />
      ) : panel === 'check' ? (
        <CheckBriefPanel onClose={close} />
      ) : panel === 'backlinks' ? (
        <BacklinksPanel briefId={brief.id} onClose={close} />
      ) : (
        <HistoryPanel briefId={brief.id} beforeRestore={flush} onRestored={(b) => restoredRef.current(b)} onClose={close} />
      ),
    [brief.id, flush],
  );

  // The panels from the palette and the menu: opened (never closed) and given the focus.
  const openPanel = (which: BriefPanel) => {
    setBriefPanel(which);
    focusPanelWhenReady();
  };
  useCommand('brief.outline', () => openPanel('outline'));
  useCommand('brief.excerpts', () => openPanel('excerpts'));
  useCommand('brief.check', () => openPanel('check'));
  useCommand('brief.history', () => openPanel('history'));
  useCommand('brief.backlinks', () => openPanel('backlinks'));

  const remove = async () => {
    try {
      await moveToTrash('brief', brief.id, title);
      nav.openBrief(closeTab('brief', brief.id)?.id ?? null);
    } catch (error) {
      notifyError(error, 'The brief was not deleted');
    }
  };

  return (
    <section className="pane brief-pane" aria-label={`Brief: ${title}`}>
      <BriefTabs />
      <header className="brief-header">
        <input
          className="brief-title"
          aria-label="Brief title"
          // A title cut short by a narrow pane is read whole on hover.
          title={title}
          value={title}
          onChange={(e) => {
            setTitle(e.target.value);
            if (e.target.value.trim()) saver.schedule({ title: e.target.value.trim() });
          }}
          onKeyDown={(e) => e.key === 'Enter' && (e.currentTarget.blur(), void saver.flush())}
        />
        <div className="brief-bar">
          <span className={`save-status save-${saver.status}`} role="status" aria-live="polite">
            {STATUS_TEXT[saver.status]}
          </span>
          <div className="brief-actions">
            <button type="button" className="button" aria-pressed={historyOpen} aria-controls={historyOpen ? 'brief-side-panel' : undefined} onClick={() => toggleBriefPanel('history')}>
              History
            </button>
            <ExportMenu briefId={brief.id} beforeExport={saver.flush} />
            <ConfirmButton label="Delete" confirmLabel="Delete brief" onConfirm={() => void remove()} />
          </div>
        </div>
      </header>
      <BriefEditor document={brief.document} onChange={onChange} renderPanel={renderPanel} />
    </section>
  );
}

/**
 * The focus into the side panel once its content is there (a panel may load for a moment):
 * its first list's row or field, else, after a second, its first button (Close).
 */
function focusPanelWhenReady(): void {
  const started = performance.now();
  const attempt = () => {
    const panel = document.getElementById('brief-side-panel');
    const target = panel?.querySelector<HTMLElement>('li[tabindex="0"], input, [role="listbox"], [role="tree"]') ?? (performance.now() - started > 1000 ? panel?.querySelector<HTMLElement>('button') : null);
    if (target) target.focus();
    else if (performance.now() - started < 1500) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}

/** The briefs open as tabs above the editor (app/PaneTabs.tsx). */
function BriefTabs() {
  const nav = useNavigation();
  return <PaneTabs kind="brief" activeId={nav.briefId} onOpen={(id) => nav.openBrief(id)} onCloseLast={() => nav.openBrief(null)} />;
}

class EditorErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    if (this.state.error) {
      return (
        <section className="pane brief-pane" aria-label="Brief">
          <EmptyState title="This brief could not be shown">{this.state.error.message}</EmptyState>
        </section>
      );
    }
    return this.props.children;
  }
}
