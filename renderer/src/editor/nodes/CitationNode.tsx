// A citation: an atomic node pointing at an excerpt. It stores only the excerpt's id, what
// the excerpt said when it was cited, and how it is shown; everything else (tags, grade,
// source title, whether it still exists) renders live from the excerpt store.
// JSON shape: db/brief/document.ts SerializedCitation — the server and exporters read it.
// `form` is optional (STYLE.md rule 7): absent means 'inline', so older briefs and the
// exporters that predate it read the same document.
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
import { CitationBlockView } from '../CitationBlockView';
import { CitationView } from '../CitationView';
// Inline: a numbered marker in the sentence. Block: the passage as a quote with its source
// under it. The form is part of the brief document's format (db/brief/document.ts).
import type { CitationForm } from '../../../../db/brief/document';

export type { CitationForm };

export type SerializedCitationNode = SerializedCitation & { form?: CitationForm };

const HOST_CLASS: Record<CitationForm, string> = { inline: 'citation-host', block: 'citation-host citation-host-block' };

export class CitationNode extends DecoratorNode<JSX.Element> {
  __excerptId: string;
  __quoteAtCitation: string;
  __sourceTitleAtCitation: string | undefined;
  __form: CitationForm;

  static override getType(): string {
    return 'citation';
  }

  static override clone(node: CitationNode): CitationNode {
    return new CitationNode(node.__excerptId, node.__quoteAtCitation, node.__sourceTitleAtCitation, node.__form, node.__key);
  }

  static override importJSON(json: Parameters<typeof DecoratorNode.importJSON>[0]): CitationNode {
    const { excerptId, quoteAtCitation, sourceTitleAtCitation, form } = json as Partial<SerializedCitationNode>;
    return $createCitationNode(
      typeof excerptId === 'string' ? excerptId : '',
      typeof quoteAtCitation === 'string' ? quoteAtCitation : '',
      typeof sourceTitleAtCitation === 'string' ? sourceTitleAtCitation : undefined,
      form === 'block' ? 'block' : 'inline',
    );
  }

  static override importDOM(): DOMConversionMap | null {
    return {
      cite: (element: HTMLElement) =>
        element.dataset.excerptId
          ? {
              priority: 1,
              conversion: (el: HTMLElement): DOMConversionOutput => ({
                node: $createCitationNode(
                  el.dataset.excerptId ?? '',
                  el.dataset.quote ?? el.textContent ?? '',
                  el.dataset.sourceTitle || undefined,
                  el.dataset.form === 'block' ? 'block' : 'inline',
                ),
              }),
            }
          : null,
    };
  }

  constructor(excerptId: string, quoteAtCitation: string, sourceTitleAtCitation?: string, form: CitationForm = 'inline', key?: NodeKey) {
    super(key);
    this.__excerptId = excerptId;
    this.__quoteAtCitation = quoteAtCitation;
    this.__sourceTitleAtCitation = sourceTitleAtCitation;
    this.__form = form;
  }

  override exportJSON(): SerializedCitationNode {
    const self = this.getLatest();
    return {
      type: 'citation',
      version: 1,
      excerptId: self.__excerptId,
      quoteAtCitation: self.__quoteAtCitation,
      ...(self.__sourceTitleAtCitation ? { sourceTitleAtCitation: self.__sourceTitleAtCitation } : {}),
      // Written only when not the default, so an inline citation's JSON is unchanged.
      ...(self.__form === 'block' ? { form: 'block' as const } : {}),
    };
  }

  /** Copy and paste between briefs keep the citation; elsewhere it reads as the quote. */
  override exportDOM(): DOMExportOutput {
    const self = this.getLatest();
    const cite = document.createElement('cite');
    cite.dataset.excerptId = self.__excerptId;
    cite.dataset.quote = self.__quoteAtCitation;
    if (self.__sourceTitleAtCitation) cite.dataset.sourceTitle = self.__sourceTitleAtCitation;
    if (self.__form === 'block') cite.dataset.form = 'block';
    cite.textContent = `“${self.__quoteAtCitation}”${self.__sourceTitleAtCitation ? ` (${self.__sourceTitleAtCitation})` : ''}`;
    return { element: cite };
  }

  override createDOM(): HTMLElement {
    const span = document.createElement('span');
    span.className = HOST_CLASS[this.__form];
    return span;
  }

  override updateDOM(prevNode: CitationNode, dom: HTMLElement): false {
    if (prevNode.__form !== this.__form) dom.className = HOST_CLASS[this.__form];
    return false;
  }

  getExcerptId(): string {
    return this.getLatest().__excerptId;
  }

  getQuoteAtCitation(): string {
    return this.getLatest().__quoteAtCitation;
  }

  getForm(): CitationForm {
    return this.getLatest().__form;
  }

  setForm(form: CitationForm): this {
    const self = this.getWritable();
    self.__form = form;
    return self;
  }

  override getTextContent(): string {
    return `“${this.__quoteAtCitation}”`;
  }

  // Inline in the tree in both forms: a block citation stays where it was cited and is only
  // laid out as a block, so switching forms never moves text around.
  override isInline(): true {
    return true;
  }

  override decorate(): JSX.Element {
    return this.__form === 'block' ? (
      <CitationBlockView
        nodeKey={this.__key}
        excerptId={this.__excerptId}
        quoteAtCitation={this.__quoteAtCitation}
        sourceTitleAtCitation={this.__sourceTitleAtCitation}
      />
    ) : (
      <CitationView excerptId={this.__excerptId} quoteAtCitation={this.__quoteAtCitation} sourceTitleAtCitation={this.__sourceTitleAtCitation} />
    );
  }
}

export function $createCitationNode(excerptId: string, quoteAtCitation: string, sourceTitleAtCitation?: string, form: CitationForm = 'inline'): CitationNode {
  return $applyNodeReplacement(new CitationNode(excerptId, quoteAtCitation, sourceTitleAtCitation, form));
}

export function $isCitationNode(node: LexicalNode | null | undefined): node is CitationNode {
  return node instanceof CitationNode;
}
