// One entity's page: its profile (name, type, description), aliases (add → background
// rescan, remove, move out into an entity of its own), the excerpts tagged with it, every
// mention with its context grouped by source, the briefs that cite or mention it, and
// the entities it appears with — each count opening the passages behind it. Merge (with
// Undo) and delete at the foot.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { api } from '../api';
import { useNavigation } from '../app/navigation';
import { EvidencePanel, ExcerptItem } from '../analysis/EvidencePanel';
import { notify, notifyError } from '../state/toasts';
import { moveToTrash } from '../state/trash';
import { useApiQuery } from '../state/topics';
import { ENTITY_TYPE_LABELS, ENTITY_TYPES, type Entity, type EntityRef, type EntityType } from '../types';
import { ConfirmButton } from '../ui/ConfirmButton';
import { EmptyState } from '../ui/EmptyState';
import { trimContextEnd, trimContextStart } from '../ui/format';
import { EntityTypeIcon } from './EntityTypeIcon';
import { JobProgress, useJobs } from './jobs';
import type { EntityPageData } from './model';
import { addAlias, mergeEntities } from './mutations';
import { PaneHeader } from './PaneHeader';
import { openSideView } from './sideView';

/** Mentions shown per source before "Show all". */
const MENTIONS_SHOWN = 5;

export function EntityPageView({ id }: { id: string }) {
  const page = useApiQuery(() => api['entities:page']({ id }), [id], ['entities', 'excerpts', 'briefs']);
  const [pair, setPair] = useState<EntityRef | null>(null);

  if (page.error && !page.data) {
    return (
      <>
        <PaneHeader title="Entity" />
        <EmptyState
          title="This entity is not in the workspace"
          action={
            <button type="button" className="button" onClick={() => openSideView({ kind: 'entities' })}>
              All entities
            </button>
          }
        >
          {page.error.message}
        </EmptyState>
      </>
    );
  }
  if (!page.data) return <div className="loading">Loading entity…</div>;
  const { entity } = page.data;
  return (
    <>
      <PaneHeader title={entity.name} icon={<EntityTypeIcon type={entity.type} size={18} title />} />
      <div className="side-main">
        <div className="side-body entity-page">
          <Profile key={`${entity.name}|${entity.type}|${entity.description}`} entity={entity} />
          <Aliases entity={entity} />
          <Summary page={page.data} />
          <ExcerptsSection page={page.data} />
          <MentionsSection page={page.data} />
          <BriefsSection page={page.data} />
          <CooccurringSection page={page.data} onOpen={setPair} />
          <Housekeeping entity={entity} />
        </div>
        {pair && <PairEvidence a={entity} b={pair} onClose={() => setPair(null)} />}
      </div>
    </>
  );
}

function Profile({ entity }: { entity: Entity }) {
  const [name, setName] = useState(entity.name);
  const [type, setType] = useState<EntityType>(entity.type);
  const [description, setDescription] = useState(entity.description);
  const [busy, setBusy] = useState(false);
  const dirty = name.trim() !== entity.name || type !== entity.type || description !== entity.description;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!dirty || !name.trim()) return;
    setBusy(true);
    try {
      await api['entities:update']({
        id: entity.id,
        name: name.trim() !== entity.name ? name.trim() : undefined,
        type: type !== entity.type ? type : undefined,
        description: description !== entity.description ? description : undefined,
      });
      notify('Entity updated.');
    } catch (error) {
      notifyError(error, 'The entity was not updated');
      setBusy(false);
    }
  };

  return (
    <form className="entity-profile card" onSubmit={save} aria-label="Profile">
      <div className="entity-form-row">
        <label className="field entity-form-name">
          <span className="field-label">Name</span>
          <input type="text" value={name} onChange={(e) => setName(e.target.value)} required />
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
      <label className="field">
        <span className="field-label">Description</span>
        <textarea rows={2} value={description} onChange={(e) => setDescription(e.target.value)} placeholder="Who or what it is, what matters about it" />
      </label>
      {dirty && (
        <div className="form-footer">
          <div className="form-footer-start muted small">{name.trim() !== entity.name ? 'Renaming looks for the new name across the sources.' : null}</div>
          <button
            type="button"
            className="button"
            onClick={() => {
              setName(entity.name);
              setType(entity.type);
              setDescription(entity.description);
            }}
          >
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy || !name.trim()}>
            {busy ? 'Saving…' : 'Save changes'}
          </button>
        </div>
      )}
    </form>
  );
}

function Aliases({ entity }: { entity: Entity }) {
  const [alias, setAlias] = useState('');
  const [busy, setBusy] = useState(false);
  const jobs = useJobs().filter((j) => j.entityId === entity.id);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const value = alias.trim();
    if (!value || busy) return;
    setBusy(true);
    try {
      await addAlias(entity.id, value);
      setAlias('');
    } catch (error) {
      notifyError(error, 'The alias was not added');
    } finally {
      setBusy(false);
    }
  };

  const act = async (what: 'remove' | 'split', value: string) => {
    try {
      if (what === 'remove') {
        await api['entities:removeAlias']({ id: entity.id, alias: value });
        notify(`“${value}” is no longer an alias of ${entity.name}.`);
      } else {
        const created = await api['entities:splitAlias']({ id: entity.id, alias: value });
        notify(`“${created.name}” is now an entity of its own.`, 'info', { label: 'Open', run: () => openSideView({ kind: 'entity', id: created.id }) });
      }
    } catch (error) {
      notifyError(error, what === 'remove' ? 'The alias was not removed' : 'The alias was not moved out');
    }
  };

  return (
    <section className="entity-section" aria-labelledby="aliases-heading">
      <h3 id="aliases-heading">
        Aliases <span className="count">{entity.aliases.length}</span>
      </h3>
      {entity.aliases.length > 0 ? (
        <ul className="alias-list">
          {entity.aliases.map((a) => (
            <li key={a} className="alias">
              <span className="alias-name">{a}</span>
              <button type="button" className="alias-action" onClick={() => void act('split', a)} title={`Move “${a}” out into an entity of its own`} aria-label={`Move ${a} out into its own entity`}>
                Move out
              </button>
              <button type="button" className="alias-action alias-remove" onClick={() => void act('remove', a)} title={`Remove the alias “${a}”`} aria-label={`Remove alias ${a}`}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">No aliases: only “{entity.name}” is looked for in the sources.</p>
      )}
      <form className="alias-add" onSubmit={add}>
        <input type="text" value={alias} onChange={(e) => setAlias(e.target.value)} placeholder="Another name, spelling or abbreviation" aria-label="New alias" />
        <button type="submit" className="button" disabled={busy || !alias.trim()}>
          Add alias
        </button>
      </form>
      {jobs.map((j) => (
        <JobProgress key={j.id} job={j} />
      ))}
      <Transliteration entity={entity} />
    </section>
  );
}

/** The per-entity switch: Latin names also match their Russian Cyrillic transliteration. */
function Transliteration({ entity }: { entity: Entity }) {
  const [busy, setBusy] = useState(false);
  // Shown at once; the entity's own value again once it reloads (or if the change failed).
  const [checked, setChecked] = useState(entity.matchTransliteration);
  useEffect(() => setChecked(entity.matchTransliteration), [entity.matchTransliteration]);
  const toggle = async (on: boolean) => {
    setBusy(true);
    setChecked(on);
    try {
      await api['entities:transliteration']({ id: entity.id, on });
    } catch (error) {
      setChecked(!on);
      notifyError(error, 'The setting was not changed');
    } finally {
      setBusy(false);
    }
  };
  return (
    <label className="entity-transliteration">
      <input type="checkbox" checked={checked} disabled={busy} onChange={(e) => void toggle(e.target.checked)} aria-describedby="transliteration-hint" />
      <span>Also find Latin names written in Cyrillic</span>
      <span className="muted small" id="transliteration-hint">
        “Patrushev” then matches “Патрушев” in Russian sources (BGN/PCGN transliteration).
      </span>
    </label>
  );
}

function Summary({ page }: { page: EntityPageData }) {
  const mentions = page.mentionCount;
  const sources = page.mentionSourceCount;
  return (
    <p className="entity-summary">
      <span>
        <strong>{mentions.toLocaleString()}</strong> mention{mentions === 1 ? '' : 's'} in <strong>{sources.toLocaleString()}</strong> source{sources === 1 ? '' : 's'}
      </span>
      <span aria-hidden="true">·</span>
      <span>
        <strong>{page.excerpts.length}</strong> excerpt{page.excerpts.length === 1 ? '' : 's'}
      </span>
      <span aria-hidden="true">·</span>
      <span>
        <strong>{page.briefs.length}</strong> brief{page.briefs.length === 1 ? '' : 's'}
      </span>
    </p>
  );
}

function ExcerptsSection({ page }: { page: EntityPageData }) {
  return (
    <section className="entity-section" aria-labelledby="entity-excerpts-heading">
      <h3 id="entity-excerpts-heading">
        Excerpts <span className="count">{page.excerpts.length}</span>
      </h3>
      {page.excerpts.length === 0 ? (
        <p className="muted small">No excerpt is tagged with it yet. Click one of its mentions in the reader to excerpt the sentence.</p>
      ) : (
        <ul className="evidence-list">
          {page.excerpts.map((e) => (
            <li key={e.id}>
              <ExcerptItem excerpt={e} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * The sources mentioning the entity, by title: the page brings the first ones, "Show more
 * sources" asks for the next (entities:mentionSources), so thousands of mentions open at once.
 */
function MentionsSection({ page }: { page: EntityPageData }) {
  const nav = useNavigation();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [more, setMore] = useState<{ from: EntityPageData; groups: EntityPageData['mentions'] }>({ from: page, groups: [] });
  const [loading, setLoading] = useState(false);
  // A new page (the entity changed, a rescan): the sources paged in before are in its past.
  const extra = more.from === page ? more.groups : [];
  const groups = [...page.mentions, ...extra];
  const total = page.mentionCount;
  const showMore = async () => {
    setLoading(true);
    try {
      const next = await api['entities:mentionSources']({ id: page.entity.id, offset: groups.length, limit: 50 });
      setMore({ from: page, groups: [...extra, ...next] });
    } catch (error) {
      notifyError(error, 'More mentions could not be loaded');
    } finally {
      setLoading(false);
    }
  };
  return (
    <section className="entity-section" aria-labelledby="entity-mentions-heading">
      <h3 id="entity-mentions-heading">
        Mentions <span className="count">{total.toLocaleString()}</span>
      </h3>
      {total === 0 && <p className="muted small">Its name and aliases do not occur in any source.</p>}
      {groups.map((group) => {
        const open = expanded.has(group.sourceId);
        const shown = open ? group.mentions : group.mentions.slice(0, MENTIONS_SHOWN);
        return (
          <section key={group.sourceId} className="mention-group" aria-label={`Mentions in ${group.sourceTitle}`}>
            <h4 className="mention-group-title">
              <button type="button" className="link-button" onClick={() => nav.openSource(group.sourceId)}>
                {group.sourceTitle}
              </button>
              <span className="count">{group.count}</span>
            </h4>
            <ul className="mention-list">
              {shown.map((m) => (
                <li key={m.start}>
                  <button type="button" className="mention-item" onClick={() => nav.openPassage(group.sourceId, m.start, m.end)} title="Show in the reader">
                    <span className="mention-context">…{trimContextStart(m.before)}</span>
                    <mark className={`mention-hit mention-${page.entity.type}`}>{m.text}</mark>
                    <span className="mention-context">{trimContextEnd(m.after)}…</span>
                  </button>
                </li>
              ))}
            </ul>
            {group.mentions.length > MENTIONS_SHOWN && (
              <button
                type="button"
                className="link-button small"
                onClick={() =>
                  setExpanded((set) => {
                    const next = new Set(set);
                    if (open) next.delete(group.sourceId);
                    else next.add(group.sourceId);
                    return next;
                  })
                }
              >
                {open ? 'Show fewer' : group.count > group.mentions.length ? `Show the first ${group.mentions.length} of ${group.count}` : `Show all ${group.count}`}
              </button>
            )}
          </section>
        );
      })}
      {groups.length < page.mentionSourceCount && (
        <button type="button" className="button mention-more" disabled={loading} onClick={() => void showMore()}>
          {loading ? 'Loading…' : `Show more sources (${(page.mentionSourceCount - groups.length).toLocaleString()} more)`}
        </button>
      )}
    </section>
  );
}

function BriefsSection({ page }: { page: EntityPageData }) {
  const nav = useNavigation();
  if (page.briefs.length === 0) return null;
  return (
    <section className="entity-section" aria-labelledby="entity-briefs-heading">
      <h3 id="entity-briefs-heading">
        Briefs <span className="count">{page.briefs.length}</span>
      </h3>
      <ul className="plain-list">
        {page.briefs.map((b) => (
          <li key={`${b.id}-${b.via}`}>
            <button type="button" className="brief-link" onClick={() => nav.openBrief(b.id)}>
              <span className="brief-link-title">{b.title}</span>
              <span className="muted small">{b.via === 'citation' ? 'cites its excerpts' : 'mentions it'}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function CooccurringSection({ page, onOpen }: { page: EntityPageData; onOpen(other: EntityRef): void }) {
  const rows = useMemo(() => [...page.cooccurring].sort((a, b) => b.excerpts + b.paragraphs - (a.excerpts + a.paragraphs) || a.entity.name.localeCompare(b.entity.name)), [page.cooccurring]);
  if (rows.length === 0) return null;
  return (
    <section className="entity-section" aria-labelledby="entity-co-heading">
      <h3 id="entity-co-heading">
        Appears with <span className="count">{rows.length}</span>
      </h3>
      <table className="co-table">
        <thead>
          <tr>
            <th scope="col">Entity</th>
            <th scope="col" className="num" title="Excerpts tagged with both">
              Excerpts
            </th>
            <th scope="col" className="num" title="Paragraphs that mention both">
              Paragraphs
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.entity.id}>
              <td>
                <button type="button" className="entity-link" onClick={() => openSideView({ kind: 'entity', id: r.entity.id })}>
                  <EntityTypeIcon type={r.entity.type} size={14} />
                  {r.entity.name}
                </button>
              </td>
              <td className="num">
                <button type="button" className="count-button" onClick={() => onOpen(r.entity)} aria-label={`${r.excerpts} excerpts with ${r.entity.name}: show passages`} disabled={r.excerpts + r.paragraphs === 0}>
                  {r.excerpts}
                </button>
              </td>
              <td className="num">
                <button type="button" className="count-button" onClick={() => onOpen(r.entity)} aria-label={`${r.paragraphs} paragraphs with ${r.entity.name}: show passages`} disabled={r.excerpts + r.paragraphs === 0}>
                  {r.paragraphs}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The passages where two entities appear together. Ids in ascending order, as the contract asks. */
export function PairEvidence({ a, b, onClose }: { a: EntityRef; b: EntityRef; onClose(): void }) {
  const [x, y] = a.id < b.id ? [a, b] : [b, a];
  const evidence = useApiQuery(() => api['analysis:evidence']({ a: x.id, b: y.id }), [x.id, y.id], ['entities', 'excerpts']);
  return (
    <EvidencePanel
      title={
        <>
          {a.name} <span className="muted">&amp;</span> {b.name}
        </>
      }
      excerpts={evidence.data?.excerpts}
      paragraphs={evidence.data?.paragraphs}
      names={[a.name, b.name]}
      loading={evidence.loading && !evidence.data}
      onClose={onClose}
    />
  );
}

function Housekeeping({ entity }: { entity: Entity }) {
  const all = useApiQuery(() => api['entities:list']({}), [], ['entities']);
  const [otherId, setOtherId] = useState('');
  const [busy, setBusy] = useState(false);
  const others = (all.data ?? []).filter((e) => e.id !== entity.id).sort((a, b) => a.name.localeCompare(b.name));

  const merge = async (event: FormEvent) => {
    event.preventDefault();
    const other = others.find((e) => e.id === otherId);
    if (!other) return;
    setBusy(true);
    try {
      await mergeEntities(entity.id, other.id, other.name);
      setOtherId('');
    } catch (error) {
      notifyError(error, 'The entities were not merged');
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setBusy(true);
    openSideView({ kind: 'entities' });
    try {
      await moveToTrash('entity', entity.id, entity.name);
    } catch (error) {
      notifyError(error, 'The entity was not deleted');
    }
  };

  return (
    <section className="entity-section entity-housekeeping" aria-labelledby="entity-manage-heading">
      <h3 id="entity-manage-heading">Merge or delete</h3>
      <form className="merge-form" onSubmit={merge}>
        <label className="field">
          <span className="field-label">Merge another entity into {entity.name}</span>
          <span className="merge-row">
            <select value={otherId} onChange={(e) => setOtherId(e.target.value)} aria-label="Entity to merge into this one">
              <option value="">Choose an entity…</option>
              {others.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name} ({ENTITY_TYPE_LABELS[e.type]})
                </option>
              ))}
            </select>
            <button type="submit" className="button" disabled={!otherId || busy}>
              Merge
            </button>
          </span>
        </label>
        <p className="muted small">Its name becomes an alias here; its excerpts and mentions move over. You can undo it.</p>
      </form>
      <div className="delete-row">
        <ConfirmButton label="Delete entity" confirmLabel={`Delete ${entity.name}`} busy={busy} onConfirm={() => void remove()} />
        <span className="muted small">Excerpts and briefs stay; only the entity and its mentions go.</span>
      </div>
    </section>
  );
}
