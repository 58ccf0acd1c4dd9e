// Names found in the sources (offline recognition) that are not entities yet: how often,
// where (example contexts). Accept — with the type corrected and aliases added if need
// be — creates the entity; Reject remembers not to suggest it again.
import { useEffect, useState } from 'react';
import { api } from '../api';
import { notify, notifyError } from '../state/toasts';
import { useApiQuery } from '../state/topics';
import { ENTITY_TYPE_LABELS, ENTITY_TYPES, type EntityType } from '../types';
import { EmptyState } from '../ui/EmptyState';
import { parseAliases } from './EntitiesList';
import { EntityTypeIcon } from './EntityTypeIcon';
import type { Suggestion } from './model';
import { PaneHeader } from './PaneHeader';
import { openSideView } from './sideView';

/** How often the reading's progress is asked for while it goes on. */
const PROGRESS_EVERY_MS = 1000;

/**
 * Reading the sources for names takes a while the first time (each text once; then it is
 * kept): the list shows what is found so far and is asked for again until every source is
 * read, with a determinate progress meanwhile. The server answers each call within 15 s.
 */
function useReadingProgress(reloadList: () => void, listLoading: boolean) {
  const [progress, setProgress] = useState<{ read: number; total: number } | null>(null);
  const complete = progress !== null && progress.read >= progress.total;
  useEffect(() => {
    if (complete) return;
    let live = true;
    const ask = () =>
      api['suggestions:progress']({}).then(
        (p) => live && setProgress(p),
        () => undefined,
      );
    void ask();
    const timer = window.setInterval(() => void ask(), PROGRESS_EVERY_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [complete]);
  // A list answered before the reading was done: ask again for the rest.
  useEffect(() => {
    if (!listLoading && progress && !complete) reloadList();
  }, [listLoading]);
  return { progress, complete };
}

export function Suggestions() {
  const list = useApiQuery(() => api['suggestions:list']({}), [], ['entities', 'sources']);
  const reading = useReadingProgress(list.reload, list.loading);
  const coverage = useApiQuery(() => api['suggestions:coverage']({}), [], ['sources']);
  const unread = coverage.data?.notRead ?? [];
  /** Handled here: gone from the list at once. */
  const [done, setDone] = useState<ReadonlySet<string>>(() => new Set());
  const shown = (list.data ?? []).filter((s) => !done.has(s.name));
  const hide = (name: string) => setDone((set) => new Set(set).add(name));
  return (
    <>
      <PaneHeader
        title={
          <>
            Suggested entities {list.data && <span className="count">{shown.length}</span>}
          </>
        }
      >
        <p className="side-intro">Names of people, organizations and places found in your sources that are not entities yet. Accept the ones that matter.</p>
        {unread.length > 0 && (
          <p className="side-intro" role="note">
            Suggestions are English-only: {unread.reduce((n, l) => n + l.count, 0)} source{unread.reduce((n, l) => n + l.count, 0) === 1 ? '' : 's'} in other languages ({unread.map((l) => l.language).join(', ')}) are not read for names. Add their names as entities or aliases: mentions work in every script.
          </p>
        )}
      </PaneHeader>
      <div className="side-body">
        {reading.progress && !reading.complete && (
          <div className="suggestions-progress" role="status">
            <label htmlFor="suggestions-progress-bar">
              Reading the sources for names: {reading.progress.read.toLocaleString()} of {reading.progress.total.toLocaleString()}
              {list.data ? ' — the names below are those found so far' : ''}
            </label>
            <progress id="suggestions-progress-bar" value={reading.progress.read} max={Math.max(1, reading.progress.total)} />
          </div>
        )}
        {!list.data && !reading.progress && <p className="loading">Reading the sources for names…</p>}
        {list.data && shown.length === 0 && <EmptyState title="No suggestions">Every name found in the sources is an entity already, or was rejected.</EmptyState>}
        <ul className="suggestion-list" aria-label="Suggestions">
          {shown.map((s) => (
            <li key={s.name}>
              <SuggestionCard suggestion={s} onDone={() => hide(s.name)} />
            </li>
          ))}
        </ul>
      </div>
    </>
  );
}

function SuggestionCard({ suggestion, onDone }: { suggestion: Suggestion; onDone(): void }) {
  const [type, setType] = useState<EntityType>(suggestion.type);
  const [name, setName] = useState(suggestion.name);
  const [aliases, setAliases] = useState('');
  const [more, setMore] = useState(false);
  const [busy, setBusy] = useState(false);

  const accept = async () => {
    setBusy(true);
    try {
      const entity = await api['suggestions:accept']({ name: name.trim() || suggestion.name, type, aliases: parseAliases(aliases) });
      onDone();
      notify(`“${entity.name}” is now an entity.`, 'info', { label: 'Open', run: () => openSideView({ kind: 'entity', id: entity.id }) });
    } catch (error) {
      notifyError(error, 'The suggestion was not accepted');
      setBusy(false);
    }
  };

  const reject = async () => {
    setBusy(true);
    try {
      await api['suggestions:reject']({ name: suggestion.name });
      onDone();
    } catch (error) {
      notifyError(error, 'The suggestion was not rejected');
      setBusy(false);
    }
  };

  return (
    <article className={`suggestion card entity-type-${type}`} aria-label={`Suggestion: ${suggestion.name}`}>
      <header className="suggestion-header">
        <EntityTypeIcon type={type} size={16} />
        <h3 className="suggestion-name">{suggestion.name}</h3>
        <span className="muted small">
          {suggestion.count} occurrence{suggestion.count === 1 ? '' : 's'}
        </span>
      </header>
      <ul className="suggestion-examples">
        {suggestion.examples.map((e, i) => (
          <li key={i}>{e.context}</li>
        ))}
      </ul>
      {more && (
        <div className="entity-form-row">
          <label className="field entity-form-name">
            <span className="field-label">Name</span>
            <input type="text" value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <label className="field entity-form-name">
            <span className="field-label">Aliases</span>
            <input type="text" value={aliases} onChange={(e) => setAliases(e.target.value)} placeholder="comma separated" />
          </label>
        </div>
      )}
      <div className="suggestion-actions">
        <select aria-label={`Type of ${suggestion.name}`} value={type} onChange={(e) => setType(e.target.value as EntityType)}>
          {ENTITY_TYPES.map((t) => (
            <option key={t} value={t}>
              {ENTITY_TYPE_LABELS[t]}
            </option>
          ))}
        </select>
        {!more && (
          <button type="button" className="link-button small" onClick={() => setMore(true)}>
            Name and aliases…
          </button>
        )}
        <span className="suggestion-spacer" />
        <button type="button" className="button" disabled={busy} onClick={() => void reject()}>
          Reject
        </button>
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void accept()}>
          Accept
        </button>
      </div>
    </article>
  );
}
