// A source's metadata: what the citations and the exported notes say about it.
import { useState, type FormEvent } from 'react';
import { useNavigation } from '../app/navigation';
import { deleteSource, updateSource } from '../state/mutations';
import { notify, notifyError } from '../state/toasts';
import { RELIABILITY_LABELS, type Reliability, type Source } from '../types';
import { ConfirmButton } from '../ui/ConfirmButton';
import { Dialog } from '../ui/Dialog';
import { formatEdited } from '../ui/format';

const orNull = (value: string) => (value.trim() ? value.trim() : null);

export function SourceDetailsDialog({ source, onClose }: { source: Source; onClose(): void }) {
  const nav = useNavigation();
  const [title, setTitle] = useState(source.title);
  const [author, setAuthor] = useState(source.author ?? '');
  const [publisher, setPublisher] = useState(source.publisher ?? '');
  const [publishedAt, setPublishedAt] = useState(source.publishedAt ?? '');
  const [url, setUrl] = useState(source.url ?? '');
  const [reliability, setReliability] = useState<Reliability | ''>(source.reliability ?? '');
  const [busy, setBusy] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return;
    setBusy(true);
    try {
      await updateSource({
        id: source.id,
        title: title.trim(),
        author: orNull(author),
        publisher: orNull(publisher),
        publishedAt: orNull(publishedAt),
        url: orNull(url),
        reliability: reliability || null,
      });
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
      await deleteSource(source.id);
      notify(`Deleted “${source.title}”.`);
      nav.closeSource();
    } catch (error) {
      notifyError(error, 'The source was not deleted');
      setBusy(false);
    }
  };

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
            <span className="field-label">Reliability</span>
            <select value={reliability} onChange={(e) => setReliability(e.target.value as Reliability | '')}>
              <option value="">Not graded</option>
              {Object.entries(RELIABILITY_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label className="field">
          <span className="field-label">URL</span>
          <input type="url" value={url} placeholder="https://…" onChange={(e) => setUrl(e.target.value)} />
        </label>
        <p className="muted small">
          Imported {formatEdited(source.capturedAt)} from {source.originalName ?? 'a file'} ({source.format}).
        </p>
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
