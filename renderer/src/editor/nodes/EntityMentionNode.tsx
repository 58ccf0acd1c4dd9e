// A mention of an entity in a brief, inserted from the `@` picker: an atomic inline node
// holding the entity's id and its name when mentioned, rendered as a chip that opens the
// entity's page. JSON: { type: 'entity-mention', version: 1, entityId, name } — the
// entity page finds the briefs that mention it by `"entityId":"<id>"` in the document,
// so that key name is part of the contract.
import {
  $applyNodeReplacement,
  DecoratorNode,
  type DOMConversionMap,
  type DOMConversionOutput,
  type DOMExportOutput,
  type LexicalNode,
  type NodeKey,
  type SerializedLexicalNode,
} from 'lexical';
import type { JSX } from 'react';
import { EntityMentionView } from '../EntityMentionView';

export interface SerializedEntityMentionNode extends SerializedLexicalNode {
  type: 'entity-mention';
  version: 1;
  entityId: string;
  name: string;
}

export class EntityMentionNode extends DecoratorNode<JSX.Element> {
  __entityId: string;
  __name: string;

  static override getType(): string {
    return 'entity-mention';
  }

  static override clone(node: EntityMentionNode): EntityMentionNode {
    return new EntityMentionNode(node.__entityId, node.__name, node.__key);
  }

  static override importJSON(json: Parameters<typeof DecoratorNode.importJSON>[0]): EntityMentionNode {
    const { entityId, name } = json as Partial<SerializedEntityMentionNode>;
    return $createEntityMentionNode(typeof entityId === 'string' ? entityId : '', typeof name === 'string' ? name : '');
  }

  static override importDOM(): DOMConversionMap | null {
    return {
      span: (element: HTMLElement) =>
        element.dataset.entityId && element.classList.contains('entity-mention')
          ? {
              priority: 1,
              conversion: (el: HTMLElement): DOMConversionOutput => ({ node: $createEntityMentionNode(el.dataset.entityId ?? '', el.textContent ?? '') }),
            }
          : null,
    };
  }

  constructor(entityId: string, name: string, key?: NodeKey) {
    super(key);
    this.__entityId = entityId;
    this.__name = name;
  }

  override exportJSON(): SerializedEntityMentionNode {
    const self = this.getLatest();
    return { type: 'entity-mention', version: 1, entityId: self.__entityId, name: self.__name };
  }

  override exportDOM(): DOMExportOutput {
    const span = document.createElement('span');
    span.className = 'entity-mention';
    span.dataset.entityId = this.__entityId;
    span.textContent = this.__name;
    return { element: span };
  }

  override createDOM(): HTMLElement {
    const span = document.createElement('span');
    span.className = 'entity-mention-host';
    return span;
  }

  override updateDOM(): false {
    return false;
  }

  getEntityId(): string {
    return this.getLatest().__entityId;
  }

  override getTextContent(): string {
    return this.__name;
  }

  override isInline(): true {
    return true;
  }

  override decorate(): JSX.Element {
    return <EntityMentionView entityId={this.__entityId} name={this.__name} />;
  }
}

export function $createEntityMentionNode(entityId: string, name: string): EntityMentionNode {
  return $applyNodeReplacement(new EntityMentionNode(entityId, name));
}

export function $isEntityMentionNode(node: LexicalNode | null | undefined): node is EntityMentionNode {
  return node instanceof EntityMentionNode;
}
