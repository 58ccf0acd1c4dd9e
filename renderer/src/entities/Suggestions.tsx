// Names found in the sources (offline recognition) that are not entities yet: how often,
// where (example contexts). Accept — with the type corrected and aliases added if need
// be — creates the entity; Reject remembers not to suggest it again.
import { useState } from 'react';
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

export function Suggestions() {
  const list = useApiQuery(() => api['suggestions:list']({}), [], ['entities', 'sources']);
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
        {!list.data && <p className="loading">Reading the sources for names…</p>}
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
