import type { EntityRef } from '../types';

export function TagChips({ tags, max = Infinity }: { tags: readonly string[]; max?: number }) {
  if (tags.length === 0) return null;
  const shown = tags.slice(0, max);
  return (
    <span className="chips">
      {shown.map((tag) => (
        <span className="chip chip-tag" key={tag}>
          {tag}
        </span>
      ))}
      {tags.length > shown.length && <span className="chip chip-more">+{tags.length - shown.length}</span>}
    </span>
  );
}

export function EntityChips({ entities }: { entities: readonly EntityRef[] }) {
  if (entities.length === 0) return null;
  return (
    <span className="chips">
      {entities.map((entity) => (
        <span className={`chip chip-entity chip-entity-${entity.type}`} key={entity.id} title={entity.type}>
          <span className="chip-entity-type" aria-hidden="true">
            {entity.type.slice(0, 3)}
          </span>
          {entity.name}
        </span>
      ))}
    </span>
  );
}
