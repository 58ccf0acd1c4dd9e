// Entity mentions: typing `@` offers the workspace's entities (names and aliases); choosing
// one inserts an EntityMentionNode, a chip that opens the entity's page.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { MenuOption, type MenuTextMatch } from '@lexical/react/LexicalTypeaheadMenuPlugin';
import type { TextNode } from 'lexical';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../../../api';
import { notifyError } from '../../../state/toasts';
import { ENTITY_TYPE_LABELS, type Entity } from '../../../types';
import { $createEntityMentionNode } from '../../nodes/EntityMentionNode';
import { $replaceQueryWith } from '../insertInline';
import { TypeaheadMenu } from '../TypeaheadMenu';
import { matchMentionTrigger, rankEntities } from './mentionTrigger';

class EntityOption extends MenuOption {
  entity: Entity;
  constructor(entity: Entity) {
    super(entity.id);
    this.entity = entity;
  }
}

const triggerFn = (text: string): MenuTextMatch | null => matchMentionTrigger(text);

export function MentionsPlugin() {
  const [editor] = useLexicalComposerContext();
  const [query, setQuery] = useState<string | null>(null);
  const [entities, setEntities] = useState<Entity[] | null>(null);
  const open = query !== null;
  const loading = useRef(false);

  // Loaded each time the picker opens: entities change in other panes.
  useEffect(() => {
    if (!open || loading.current) return;
    loading.current = true;
    api['entities:list']({}).then(
      (list) => {
        loading.current = false;
        setEntities(list);
      },
      (error: unknown) => {
        loading.current = false;
        notifyError(error, 'Entities could not be loaded');
      },
    );
  }, [open]);

  const options = useMemo(() => (query === null || !entities ? [] : rankEntities(entities, query).map((e) => new EntityOption(e))), [entities, query]);

  const onSelectOption = useCallback(
    (option: EntityOption, textNodeContainingQuery: TextNode | null, closeMenu: () => void) => {
      editor.update(() => {
        $replaceQueryWith($createEntityMentionNode(option.entity.id, option.entity.name), textNodeContainingQuery);
        closeMenu();
      });
    },
    [editor],
  );

  return (
    <TypeaheadMenu<EntityOption>
      onQueryChange={setQuery}
      onSelectOption={onSelectOption}
      onClose={() => setQuery(null)}
      triggerFn={triggerFn}
      options={options}
      optionsQuery={entities ? query : null}
      className="mention-menu"
      optionClassName="mention-option"
      empty={(matchingString) =>
        entities === null ? 'Loading entities…' : entities.length === 0 ? 'No entities yet. Add them from excerpts or the Entities view.' : `No entity matches “${matchingString}”.`
      }
      renderOption={({ entity }) => (
        <>
          <span className={`chip chip-entity chip-entity-${entity.type}`}>
            <span className="chip-entity-type" aria-hidden="true">
              {entity.type.slice(0, 3)}
            </span>
            {entity.name}
          </span>
          <span className="mention-option-meta muted">
            {ENTITY_TYPE_LABELS[entity.type]}
            {entity.aliases.length > 0 && ` · also ${entity.aliases.slice(0, 2).join(', ')}`}
          </span>
        </>
      )}
    />
  );
}
