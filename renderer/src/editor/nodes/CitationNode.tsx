// A citation: an inline, atomic node pointing at an excerpt. It stores only the excerpt's
// id and what the excerpt said when it was cited; everything else (tags, grade, source
// title, whether it still exists) renders live from the excerpt store.
// JSON shape: db/brief/document.ts SerializedCitation — the server and exporters read it.
import {
  $applyNodeReplacement,
  DecoratorNode,
  type DOMConversionMap,
  type DOMConversionOutput,
  type DOMExportOutput,
  type LexicalNode,
  type NodeKey,
} from 'lexical';
import type { JSX } from 'react';
import type { SerializedCitation } from '../../types';
import { CitationView } from '../CitationView';

export type SerializedCitationNode = SerializedCitation;

export class CitationNode extends DecoratorNode<JSX.Element> {
  __excerptId: string;
  __quoteAtCitation: string;
  __sourceTitleAtCitation: string | undefined;

  static override getType(): string {
    return 'citation';
  }

  static override clone(node: CitationNode): CitationNode {
    return new CitationNode(node.__excerptId, node.__quoteAtCitation, node.__sourceTitleAtCitation, node.__key);
  }

  static override importJSON(json: Parameters<typeof DecoratorNode.importJSON>[0]): CitationNode {
    const { excerptId, quoteAtCitation, sourceTitleAtCitation } = json as Partial<SerializedCitationNode>;
    return $createCitationNode(
      typeof excerptId === 'string' ? excerptId : '',
      typeof quoteAtCitation === 'string' ? quoteAtCitation : '',
      typeof sourceTitleAtCitation === 'string' ? sourceTitleAtCitation : undefined,
    );
  }

  static override importDOM(): DOMConversionMap | null {
    return {
      cite: (element: HTMLElement) =>
        element.dataset.excerptId
          ? {
              priority: 1,
              conversion: (el: HTMLElement): DOMConversionOutput => ({
                node: $createCitationNode(el.dataset.excerptId ?? '', el.dataset.quote ?? el.textContent ?? '', el.dataset.sourceTitle || undefined),
              }),
            }
          : null,
    };
  }

  constructor(excerptId: string, quoteAtCitation: string, sourceTitleAtCitation?: string, key?: NodeKey) {
    super(key);
    this.__excerptId = excerptId;
    this.__quoteAtCitation = quoteAtCitation;
    this.__sourceTitleAtCitation = sourceTitleAtCitation;
  }

  override exportJSON(): SerializedCitationNode {
    const self = this.getLatest();
    return {
      type: 'citation',
      version: 1,
      excerptId: self.__excerptId,
      quoteAtCitation: self.__quoteAtCitation,
      ...(self.__sourceTitleAtCitation ? { sourceTitleAtCitation: self.__sourceTitleAtCitation } : {}),
    };
  }

  /** Copy and paste between briefs keep the citation; elsewhere it reads as the quote. */
  override exportDOM(): DOMExportOutput {
    const cite = document.createElement('cite');
    cite.dataset.excerptId = this.__excerptId;
    cite.dataset.quote = this.__quoteAtCitation;
    if (this.__sourceTitleAtCitation) cite.dataset.sourceTitle = this.__sourceTitleAtCitation;
    cite.textContent = `“${this.__quoteAtCitation}”${this.__sourceTitleAtCitation ? ` (${this.__sourceTitleAtCitation})` : ''}`;
    return { element: cite };
  }

  override createDOM(): HTMLElement {
    const span = document.createElement('span');
    span.className = 'citation-host';
    return span;
  }

  override updateDOM(): false {
    return false;
  }

  getExcerptId(): string {
    return this.getLatest().__excerptId;
  }

  override getTextContent(): string {
    return `“${this.__quoteAtCitation}”`;
  }

  override isInline(): true {
    return true;
  }

  override decorate(): JSX.Element {
    return (
      <CitationView
        excerptId={this.__excerptId}
        quoteAtCitation={this.__quoteAtCitation}
        sourceTitleAtCitation={this.__sourceTitleAtCitation}
      />
    );
  }
}

export function $createCitationNode(excerptId: string, quoteAtCitation: string, sourceTitleAtCitation?: string): CitationNode {
  return $applyNodeReplacement(new CitationNode(excerptId, quoteAtCitation, sourceTitleAtCitation));
}

export function $isCitationNode(node: LexicalNode | null | undefined): node is CitationNode {
  return node instanceof CitationNode;
}
