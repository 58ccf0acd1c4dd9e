// A source's metadata: what the citations and the exported notes say about it, its
// reliability grade, and where it came from (captured, format, original file).
import { useState, type FormEvent } from 'react';
import { api } from '../api';
import { useNavigation } from '../app/navigation';
import { useApiQuery } from '../state/topics';
import { notify, notifyError } from '../state/toasts';
import { moveToTrash } from '../state/trash';
import type { Reliability, Source } from '../types';
import { ConfirmButton } from '../ui/ConfirmButton';
import { Dialog } from '../ui/Dialog';
import { GradeLegend, ReliabilityPicker } from '../ui/Grade';
import { formatDateTime } from '../ui/format';

const orNull = (value: string) => (value.trim() ? value.trim() : null);

const FORMAT_LABELS: Record<Source['format'], string> = {
  text: 'Plain text',
  markdown: 'Markdown',
  html: 'Web page (HTML)',
  pdf: 'PDF',
  docx: 'Word document (.docx)',
  image: 'Image (PNG, JPEG or TIFF), read by OCR',
};

const formatCaptured = formatDateTime;

export function SourceDetailsDialog({ source, onClose }: { source: Source; onClose(): void }) {
  const nav = useNavigation();
  const [title, setTitle] = useState(source.title);
  const [author, setAuthor] = useState(source.author ?? '');
  const [publisher, setPublisher] = useState(source.publisher ?? '');
  const [publishedAt, setPublishedAt] = useState(source.publishedAt ?? '');
  const [url, setUrl] = useState(source.url ?? '');
  const [language, setLanguage] = useState(source.language ?? '');
  const own = source.reliabilityFrom === 'source' ? source.reliability : null;
  const [reliability, setReliability] = useState<Reliability | null>(own);
  const [busy, setBusy] = useState(false);
  const versions = useApiQuery(() => api['sources:versions']({ id: source.id }), [source.id], ['versions']);
  const currentFile = versions.data?.find((v) => v.current)?.originalName ?? null;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return;
    setBusy(true);
    try {
      await api['sources:update']({
        id: source.id,
        title: title.trim(),
        author: orNull(author),
        publisher: orNull(publisher),
        publishedAt: orNull(publishedAt),
        url: orNull(url),
        language: orNull(language),
      });
      // Grading goes through its own channel: a first grade becomes the publisher's default.
      if (reliability !== own) await api['sources:grade']({ id: source.id, reliability });
      notify('Source details saved.');
      onClose();
    } catch (error) {
      notifyError(error, 'The details were not saved');
      setBusy(false);
    }
  };

  const remove = async () => {
    setBusy(true);
    try {
      await moveToTrash('source', source.id, source.title);
      nav.closeSource();
    } catch (error) {
      notifyError(error, 'The source was not deleted');
      setBusy(false);
    }
  };

  const lastPage = source.pages?.length ? source.pages[source.pages.length - 1].page : null;
  return (
    <Dialog title="Source details" onClose={onClose}>
      <form className="details-form" onSubmit={save}>
        <label className="field">
          <span className="field-label">Title</span>
          <input type="text" required value={title} onChange={(e) => setTitle(e.target.value)} autoFocus />
        </label>
        <div className="field-row">
          <label className="field">
            <span className="field-label">Author</span>
            <input type="text" value={author} onChange={(e) => setAuthor(e.target.value)} />
          </label>
          <label className="field">
            <span className="field-label">Publisher</span>
            <input type="text" value={publisher} onChange={(e) => setPublisher(e.target.value)} />
          </label>
        </div>
        <div className="field-row">
          <label className="field">
            <span className="field-label">Published</span>
            <input type="text" value={publishedAt} placeholder="YYYY-MM-DD" onChange={(e) => setPublishedAt(e.target.value)} />
          </label>
          <label className="field">
            <span className="field-label">Language</span>
            <input type="text" value={language} placeholder="e.g. en, es, fa, zh" onChange={(e) => setLanguage(e.target.value)} spellCheck={false} aria-describedby="source-language-hint" />
            <span className="field-hint" id="source-language-hint">
              Detected on import; search filters by it (lang:es).
            </span>
          </label>
        </div>
        <label className="field">
          <span className="field-label">URL</span>
          <input type="url" value={url} placeholder="https://…" onChange={(e) => setUrl(e.target.value)} />
        </label>
        <div className="field">
          <span className="field-label field-label-row">
            Reliability <GradeLegend />
          </span>
          <ReliabilityPicker
            label="Reliability"
            value={reliability}
            onChange={setReliability}
            inherited={source.reliabilityFrom === 'publisher' ? source.reliability : null}
            inheritedLabel="from publisher"
          />
        </div>
        <dl className="source-facts">
          <div>
            <dt>Captured</dt>
            <dd>{formatCaptured(source.capturedAt)}</dd>
          </div>
          <div>
            <dt>Format</dt>
            <dd>
              {FORMAT_LABELS[source.format] ?? source.format}
              {lastPage !== null && ` · ${lastPage} page${lastPage === 1 ? '' : 's'}`}
            </dd>
          </div>
          <div>
            <dt>Original file</dt>
            <dd className="source-facts-file" title={source.originalName ?? undefined}>
              {source.originalName ?? '—'}
            </dd>
          </div>
          <div>
            <dt>Version</dt>
            <dd className="source-facts-file" title={currentFile ?? undefined}>
              {source.version}
              {source.version > 1 && currentFile ? ` · from ${currentFile}` : ''} · {source.text.length.toLocaleString()} characters
            </dd>
          </div>
        </dl>
        <div className="form-footer">
          <div className="form-footer-start">
            <ConfirmButton label="Delete source…" confirmLabel="Delete source and its excerpts" busy={busy} onConfirm={remove} />
          </div>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}
