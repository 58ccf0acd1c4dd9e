// The brief being written: title, save state, export, and the editor.
import { Component, useCallback, useState, type ReactNode } from 'react';
import type { EditorState } from 'lexical';
import { api } from '../api';
import { useNavigation } from '../app/navigation';
import { BriefEditor } from '../editor/BriefEditor';
import { notify, notifyError } from '../state/toasts';
import { announce, useApiQuery } from '../state/topics';
import type { Brief } from '../types';
import { ConfirmButton } from '../ui/ConfirmButton';
import { EmptyState } from '../ui/EmptyState';
import { base64ToBytes, download } from '../ui/download';
import { NewBriefForm } from './NewBriefForm';
import { useBriefSaver, type SaveStatus } from './useBriefSaver';

export function BriefPane() {
  const nav = useNavigation();
  const briefId = nav.briefId;
  // Loaded once per brief: the editor owns the document from then on.
  const brief = useApiQuery(briefId ? () => api['briefs:get']({ id: briefId }) : null, [briefId], []);

  if (!briefId) {
    return (
      <section className="pane brief-pane" aria-label="Brief">
        <EmptyState title="No brief open" action={<NewBriefForm />}>
          Write a brief beside the source. Type <kbd>[[</kbd> to cite an excerpt; citations stay linked to their passage.
        </EmptyState>
      </section>
    );
  }
  if (brief.error && !brief.data) {
    return (
      <section className="pane brief-pane" aria-label="Brief">
        <EmptyState title="This brief could not be opened">{brief.error.message}</EmptyState>
      </section>
    );
  }
  if (!brief.data || brief.data.id !== briefId) {
    return (
      <section className="pane brief-pane" aria-label="Brief" aria-busy="true">
        <div className="loading">Opening brief…</div>
      </section>
    );
  }
  return (
    <EditorErrorBoundary key={briefId}>
      <OpenBrief brief={brief.data} />
    </EditorErrorBoundary>
  );
}

const STATUS_TEXT: Record<SaveStatus, string> = {
  saved: 'Saved',
  pending: 'Edited',
  saving: 'Saving…',
  error: 'Not saved',
};

function OpenBrief({ brief }: { brief: Brief }) {
  const nav = useNavigation();
  const saver = useBriefSaver(brief.id, brief.document);
  const [title, setTitle] = useState(brief.title);
  const [exporting, setExporting] = useState<'pdf' | 'html' | null>(null);
  const { schedule } = saver;
  const onChange = useCallback((state: EditorState) => schedule({ state }), [schedule]);

  const exportAs = async (kind: 'pdf' | 'html') => {
    setExporting(kind);
    try {
      await saver.flush();
      if (kind === 'pdf') {
        const { pdfBase64, fileName } = await api['export:pdf']({ briefId: brief.id });
        download(base64ToBytes(pdfBase64), fileName, 'application/pdf');
      } else {
        const { html, fileName } = await api['export:html']({ briefId: brief.id });
        download(html, fileName, 'text/html;charset=utf-8');
      }
      notify(`Exported ${kind.toUpperCase()}.`);
    } catch (error) {
      notifyError(error, `The ${kind.toUpperCase()} export failed`);
    } finally {
      setExporting(null);
    }
  };

  const remove = async () => {
    try {
      await api['briefs:delete']({ id: brief.id });
      announce('briefs');
      nav.openBrief(null);
      notify(`Deleted “${title}”.`);
    } catch (error) {
      notifyError(error, 'The brief was not deleted');
    }
  };

  return (
    <section className="pane brief-pane" aria-label={`Brief: ${title}`}>
      <header className="brief-header">
        <input
          className="brief-title"
          aria-label="Brief title"
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
            <button type="button" className="button button-quiet" disabled={exporting !== null} onClick={() => void exportAs('pdf')}>
              {exporting === 'pdf' ? 'Exporting…' : 'Export PDF'}
            </button>
            <button type="button" className="button button-quiet" disabled={exporting !== null} onClick={() => void exportAs('html')}>
              {exporting === 'html' ? 'Exporting…' : 'Export HTML'}
            </button>
            <ConfirmButton label="Delete" confirmLabel="Delete brief" onConfirm={() => void remove()} />
          </div>
        </div>
      </header>
      <BriefEditor document={brief.document} onChange={onChange} />
    </section>
  );
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
