// An entity mention in a brief: a chip with the entity's name (as mentioned); click or
// Enter opens the entity's page beside the reader.
import { memo, useEffect, useRef } from 'react';
import { openSideView } from '../entities/sideView';

export const EntityMentionView = memo(function EntityMentionView({ entityId, name }: { entityId: string; name: string }) {
  const ref = useRef<HTMLSpanElement>(null);
  const open = () => openSideView({ kind: 'entity', id: entityId });
  // Native listener: runs before the editor's own Enter handling on its root.
  useEffect(() => {
    const chip = ref.current;
    if (!chip) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        event.stopPropagation();
        openSideView({ kind: 'entity', id: entityId });
      }
    };
    chip.addEventListener('keydown', onKey);
    return () => chip.removeEventListener('keydown', onKey);
  }, [entityId]);
  return (
    <span
      ref={ref}
      className="entity-mention"
      role="link"
      tabIndex={0}
      data-entity-id={entityId}
      title={`Open the page of ${name}`}
      onClick={(e) => {
        e.preventDefault();
        open();
      }}
    >
      {name}
    </span>
  );
});
