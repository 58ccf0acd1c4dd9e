// Every entity of the workspace: type icon and colour, name, aliases, how often it is
// mentioned and excerpted; filtered by type and by text (name or alias). New entities
// are made here; suggestions (names found in the corpus) are one click away. The list is
// one Tab stop (a listbox): arrows, Page Up/Down, Home/End, letters jump to a name, Enter
// opens; Shift/Ctrl/Cmd with a click or the arrows select several (ui/listSelection.ts),
// which go to the Trash together, with one Undo.
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { api } from '../api';
import { notifyError } from '../state/toasts';
import { useApiQuery } from '../state/topics';
import { ENTITY_TYPE_LABELS, ENTITY_TYPES, type Entity, type EntityType } from '../types';
import { EmptyState } from '../ui/EmptyState';
import { EntityTypeIcon } from './EntityTypeIcon';
import { JobProgress, useJobs } from './jobs';
import { PaneHeader } from './PaneHeader';
import { EntityReviews } from './EntityReviews';
import { openSideView } from './sideView';
import { useListSelection } from '../ui/listSelection';
import { moveManyToTrash } from '../state/trash';

type Sort = 'activity' | 'name';

/** Splits "a, b; c" into trimmed, distinct aliases. */
export function parseAliases(text: string): string[] {
  const seen = new Set<string>();
  return text
    .split(/[,;]/)
    .map((a) => a.trim().replace(/\s+/g, ' '))
    .filter((a) => a && !seen.has(a.toLowerCase()) && seen.add(a.toLowerCase()));
}

export function EntitiesList() {
  const entities = useApiQuery(() => api['entities:list']({}), [], ['entities', 'excerpts']);
  const jobs = useJobs();
  const [query, setQuery] = useState('');
  const [type, setType] = useState<EntityType | 'all'>('all');
  const [sort, setSort] = useState<Sort>('activity');
  const [creating, setCreating] = useState(false);

  const counts = useMemo(() => {
    const c = new Map<EntityType, number>();
    for (const e of entities.data ?? []) c.set(e.type, (c.get(e.type) ?? 0) + 1);
    return c;
  }, [entities.data]);

  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    const list = (entities.data ?? []).filter(
      (e) => (type === 'all' || e.type === type) && (!q || e.name.toLowerCase().includes(q) || e.aliases.some((a) => a.toLowerCase().includes(q))),
    );
    return list.sort((a, b) => (sort === 'name' ? a.name.localeCompare(b.name) : b.mentionCount + b.excerptCount - (a.mentionCount + a.excerptCount) || a.name.localeCompare(b.name)));
  }, [entities.data, query, type, sort]);

  const total = entities.data?.length ?? 0;
  const listId = useId();
  const keys = useMemo(() => shown.map((e) => e.id), [shown]);
  const labels = useMemo(() => shown.map((e) => e.name), [shown]);
  const list = useListSelection({ keys, labels, onOpen: (i) => shown[i] && openSideView({ kind: 'entity', id: shown[i].id }) });
  const listRef = useRef<HTMLUListElement>(null);
  const selected = shown.filter((e) => list.selection.includes(e.id));

  // The current row stays in view as the keyboard moves it.
  useEffect(() => {
    if (list.active !== null) listRef.current?.querySelector(`#${CSS.escape(`${listId}-${list.active}`)}`)?.scrollIntoView({ block: 'nearest' });
  }, [list.active, listId]);

  const trashSelected = async () => {
    try {
      await moveManyToTrash('entity', selected.map((e) => ({ id: e.id, title: e.name })));
      list.clear();
    } catch (error) {
      notifyError(error, 'The entities were not moved to the Trash');
    }
  };

  return (
    <>
      <PaneHeader
        title={
          <>
            Entities {entities.data && <span className="count">{total}</span>}
          </>
        }
        actions={
          <>
            <button type="button" className="button" onClick={() => openSideView({ kind: 'suggestions' })} title="People, organizations and places found in the sources that are not entities yet">
              Suggestions
            </button>
            <button type="button" className="button button-primary" aria-expanded={creating} onClick={() => setCreating((c) => !c)}>
              New entity
            </button>
          </>
        }
      >
        <div className="entity-filters">
          <input type="search" className="entity-search" placeholder="Filter by name or alias" aria-label="Filter entities by name or alias" value={query} onChange={(e) => setQuery(e.target.value)} />
          <select aria-label="Sort entities" value={sort} onChange={(e) => setSort(e.target.value as Sort)} className="entity-sort">
            <option value="activity">Most mentioned</option>
            <option value="name">Name</option>
          </select>
        </div>
        <div className="type-filter" role="radiogroup" aria-label="Entity type">
          {(['all', ...ENTITY_TYPES] as const).map((t) => (
            <button
              key={t}
              type="button"
              role="radio"
              aria-checked={type === t}
              className={`type-filter-option${type === t ? ' is-checked' : ''}`}
              onClick={() => setType(t)}
              disabled={t !== 'all' && !counts.get(t)}
            >
              {t !== 'all' && <EntityTypeIcon type={t} size={13} />}
              {t === 'all' ? 'All' : ENTITY_TYPE_LABELS[t]}
              <span className="type-filter-count">{t === 'all' ? total : (counts.get(t) ?? 0)}</span>
            </button>
          ))}
        </div>
      </PaneHeader>
      <div className="side-body">
        {jobs.map((j) => (
          <JobProgress key={j.id} job={j} />
        ))}
        <EntityReviews />
        {creating && <NewEntityForm onDone={() => setCreating(false)} />}
        {entities.data && total === 0 && !creating ? (
          <EmptyState
            title="No entities yet"
            action={
              <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
                New entity
              </button>
            }
          >
            Tag excerpts with people, organizations and places, add one here, or accept a suggestion found in your sources.
          </EmptyState>
        ) : (
          <>
            {selected.length > 1 && (
              <div className="library-bulk entity-bulk" role="toolbar" aria-label="Selected entities">
                <span className="library-bulk-count" role="status">
                  {selected.length} selected
                </span>
                <button type="button" className="button button-danger" onClick={() => void trashSelected()}>
                  Move to Trash
                </button>
                <button type="button" className="button" onClick={list.clear}>
                  Clear selection
                </button>
              </div>
            )}
            <ul
              ref={listRef}
              className="entity-list"
              role="listbox"
              aria-label="Entities"
              aria-multiselectable="true"
              tabIndex={shown.length ? 0 : -1}
              aria-activedescendant={list.active !== null && shown.length ? `${listId}-${list.active}` : undefined}
              onKeyDown={(e) => list.onKeyDown(e)}
            >
              {shown.map((e, i) => (
                <li
                  key={e.id}
                  id={`${listId}-${i}`}
                  role="option"
                  aria-selected={list.isSelected(i)}
                  className={`${i === list.active ? 'is-active' : ''}${list.isSelected(i) ? ' is-selected' : ''}`}
                  onClick={(event) => list.onRowClick(event, i)}
                >
                  <EntityRow entity={e} />
                </li>
              ))}
            </ul>
            {entities.data && shown.length === 0 && total > 0 && <p className="muted entity-list-empty">No entity matches the filter.</p>}
          </>
        )}
      </div>
    </>
  );
}

/** A row's content (the option itself is the list's <li>: a click opens, with Ctrl/Cmd or Shift selects). */
function EntityRow({ entity }: { entity: Entity }) {
  return (
    <div className={`entity-row entity-type-${entity.type}`} data-entity-id={entity.id}>
      <span className="entity-row-icon" title={ENTITY_TYPE_LABELS[entity.type]}>
        <EntityTypeIcon type={entity.type} size={16} />
      </span>
      <span className="entity-row-main">
        <span className="entity-row-name">{entity.name}</span>
        {entity.aliases.length > 0 && <span className="entity-row-aliases">also {entity.aliases.join(', ')}</span>}
      </span>
      <span className="entity-row-counts">
        <span title={`${entity.mentionCount} mentions in the sources`}>
          <strong>{entity.mentionCount}</strong> mention{entity.mentionCount === 1 ? '' : 's'}
        </span>
        <span title={`${entity.excerptCount} excerpts tagged with it`}>
          <strong>{entity.excerptCount}</strong> excerpt{entity.excerptCount === 1 ? '' : 's'}
        </span>
      </span>
    </div>
  );
}

function NewEntityForm({ onDone }: { onDone(): void }) {
  const id = useId();
  const [name, setName] = useState('');
  const [type, setType] = useState<EntityType>('organization');
  const [aliases, setAliases] = useState('');
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim() || busy) return;
    setBusy(true);
    try {
      const entity = await api['entities:create']({ name: name.trim(), type, aliases: parseAliases(aliases), description: description.trim() || undefined });
      onDone();
      openSideView({ kind: 'entity', id: entity.id });
    } catch (error) {
      notifyError(error, 'The entity was not created');
      setBusy(false);
      nameRef.current?.focus();
    }
  };

  return (
    <form className="entity-form card" onSubmit={submit} aria-label="New entity" onKeyDown={(e) => e.key === 'Escape' && onDone()}>
      <div className="entity-form-row">
        <label className="field entity-form-name">
          <span className="field-label">Name</span>
          <input ref={nameRef} type="text" value={name} onChange={(e) => setName(e.target.value)} autoFocus required placeholder="Halvard Maritime Holdings" />
        </label>
        <label className="field">
          <span className="field-label">Type</span>
          <select value={type} onChange={(e) => setType(e.target.value as EntityType)}>
            {ENTITY_TYPES.map((t) => (
              <option key={t} value={t}>
                {ENTITY_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="field" htmlFor={`${id}-aliases`}>
        <span className="field-label">
          Aliases <span className="field-hint">comma separated; every one is looked for in the sources</span>
        </span>
        <input id={`${id}-aliases`} type="text" value={aliases} onChange={(e) => setAliases(e.target.value)} placeholder="Halvard, HMH" />
      </label>
      <label className="field">
        <span className="field-label">Description</span>
        <textarea rows={2} value={description} onChange={(e) => setDescription(e.target.value)} placeholder="Who or what it is, in a line" />
      </label>
      <div className="form-footer">
        <div className="form-footer-start" />
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={busy || !name.trim()}>
          {busy ? 'Creating…' : 'Create entity'}
        </button>
      </div>
    </form>
  );
}
