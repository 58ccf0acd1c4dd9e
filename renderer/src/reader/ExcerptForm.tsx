// Tags, entities, note and credibility of an excerpt: one form for saving a new excerpt
// (the selection popover) and editing one (the excerpt panel).
import { useId, useMemo, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { api } from '../api';
import { EventDateField, eventDateOk } from '../entities/EventDateField';
import { useApiQuery } from '../state/topics';
import { ENTITY_TYPE_LABELS, ENTITY_TYPES, type EntityType } from '../types';
import { CredibilityPicker, GradeLegend } from '../ui/Grade';

export interface ExcerptDetails {
  tags: string[];
  entities: { name: string; type: EntityType }[];
  note: string;
  credibility: number | null;
  /** When the reported event happened (YYYY, YYYY-MM, YYYY-MM-DD); set from the excerpt panel. */
  eventDate?: string | null;
}

export function parseTags(input: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of input.split(',')) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    if (tag && !seen.has(tag.toLowerCase())) {
      seen.add(tag.toLowerCase());
      out.push(tag);
    }
  }
  return out;
}

interface Props {
  initial?: Partial<ExcerptDetails>;
  submitLabel: string;
  busy?: boolean;
  onSubmit(details: ExcerptDetails): void;
  onCancel?(): void;
  autoFocus?: boolean;
  /** The excerpt being edited: shows the event date field, with dates found in its quote. */
  excerptId?: string;
  /** Extra actions shown at the left of the footer (e.g. delete). */
  footerStart?: ReactNode;
}

export function ExcerptForm({ initial, submitLabel, busy, onSubmit, onCancel, autoFocus, footerStart, excerptId }: Props) {
  const id = useId();
  const [tagText, setTagText] = useState((initial?.tags ?? []).join(', '));
  const [entities, setEntities] = useState<{ name: string; type: EntityType }[]>(
    initial?.entities?.length ? initial.entities.map((e) => ({ name: e.name, type: e.type })) : [{ name: '', type: 'person' }],
  );
  const [note, setNote] = useState(initial?.note ?? '');
  const [credibility, setCredibility] = useState<number | null>(initial?.credibility ?? null);
  const [eventDate, setEventDate] = useState(initial?.eventDate ?? '');
  const known = useApiQuery(() => api['entities:list']({}), [], ['entities']);
  const knownTags = useApiQuery(() => api['tags:list']({}), [], ['excerpts']);
  const knownByName = useMemo(() => new Map((known.data ?? []).map((e) => [e.name.toLowerCase(), e])), [known.data]);
  const tags = parseTags(tagText);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (busy || !eventDateOk(eventDate)) return;
    onSubmit({
      tags,
      entities: entities.map((e) => ({ name: e.name.trim(), type: e.type })).filter((e) => e.name),
      note: note.trim(),
      credibility,
      ...(excerptId ? { eventDate: eventDate.trim() || null } : {}),
    });
  };

  const setEntity = (index: number, patch: Partial<{ name: string; type: EntityType }>) => {
    setEntities((list) =>
      list.map((e, i) => {
        if (i !== index) return e;
        const next = { ...e, ...patch };
        // Picking a name the workspace already knows takes its type too.
        const existing = patch.name !== undefined ? knownByName.get(patch.name.trim().toLowerCase()) : undefined;
        return existing ? { ...next, type: existing.type } : next;
      }),
    );
  };

  const onNoteKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit();
  };

  return (
    <form className="excerpt-form" onSubmit={submit} aria-busy={busy}>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-tag-input`}>
          Tags
        </label>
        <input
          id={`${id}-tag-input`}
          type="text"
          name="tags"
          value={tagText}
          onChange={(e) => setTagText(e.target.value)}
          placeholder="comma, separated, military/drones"
          autoFocus={autoFocus}
          autoComplete="off"
          list={`${id}-tags`}
        />
        <datalist id={`${id}-tags`}>
          {(knownTags.data ?? []).map((t) => (
            <option key={t.name} value={tagText.includes(',') ? `${tagText.slice(0, tagText.lastIndexOf(',') + 1)} ${t.name}` : t.name} />
          ))}
        </datalist>
        {tags.length > 0 && (
          <span className="chips field-preview" aria-label="Tags to save">
            {tags.map((t) => (
              <span className="chip chip-tag" key={t}>
                {t}
              </span>
            ))}
          </span>
        )}
      </div>

      <fieldset className="field">
        <legend className="field-label">Entities</legend>
        <datalist id={`${id}-entities`}>
          {(known.data ?? []).map((e) => (
            <option key={e.id} value={e.name}>
              {ENTITY_TYPE_LABELS[e.type]}
            </option>
          ))}
        </datalist>
        {entities.map((entity, index) => (
          <div className="excerpt-entity-row" key={index}>
            <input
              type="text"
              aria-label={`Entity ${index + 1} name`}
              placeholder="Name"
              value={entity.name}
              list={`${id}-entities`}
              autoComplete="off"
              onChange={(e) => setEntity(index, { name: e.target.value })}
            />
            <select aria-label={`Entity ${index + 1} type`} value={entity.type} onChange={(e) => setEntity(index, { type: e.target.value as EntityType })}>
              {ENTITY_TYPES.map((t) => (
                <option key={t} value={t}>
                  {ENTITY_TYPE_LABELS[t]}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove entity ${index + 1}`}
              title="Remove"
              onClick={() => setEntities((list) => (list.length === 1 ? [{ name: '', type: 'person' }] : list.filter((_, i) => i !== index)))}
            >
              ×
            </button>
          </div>
        ))}
        <button type="button" className="link-button" onClick={() => setEntities((list) => [...list, { name: '', type: 'person' }])}>
          + Add entity
        </button>
      </fieldset>

      <label className="field">
        <span className="field-label">Note</span>
        <textarea name="note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} onKeyDown={onNoteKey} placeholder="Why this passage matters" />
      </label>

      {excerptId && <EventDateField excerptId={excerptId} value={eventDate} onChange={setEventDate} />}

      <div className="field">
        <span className="field-label field-label-row">
          Credibility <span className="field-hint">1–6 keys</span>
          <GradeLegend />
        </span>
        <CredibilityPicker value={credibility} onChange={setCredibility} label="Credibility" />
      </div>

      <div className="form-footer">
        <div className="form-footer-start">{footerStart}</div>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="button button-primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
