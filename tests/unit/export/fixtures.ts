// The brief the exporters' tests render (HTML, Markdown, DOCX) and the excerpts it cites:
// one document for every format, so that their notes can be compared number for number.
import { TEXT_FORMAT, citationNode, headingNode, linkNode, listItemNode, listNode, paragraphNode, quoteNode, textNode } from '../../../db/brief/document';
import { excerptView } from '../../helpers/excerptView';

export const GENERATED_AT = new Date('2026-03-01T09:30:00Z');
export const BANNER = 'UNCLASSIFIED // FOR OFFICIAL USE ONLY';
export const TITLE = 'East Terminal: concession & seizures';

export const concession = excerptView('exc_concession', {
  quote: 'The concession runs for thirty years and covers both berths of the East Terminal.',
  sourceTitle: 'Kestrava awards terminal concession to Halvard Maritime',
  sourcePublisher: 'The Kestrava Ledger',
  sourcePublishedAt: '2025-06-12',
  sourceUrl: 'https://ledger.example/2025/06/terminal-concession',
  reliability: 'B',
  credibility: 2,
});
/** Graded by its source only; its URL is not one a note may link to. */
export const seizure = excerptView('exc_seizure', {
  sourceId: 'src_2',
  quote: 'Officers found 1,140 brushless motors declared as agricultural sprayer parts.',
  sourceTitle: 'Customs seize drone components at East Terminal',
  sourcePublisher: 'Meridian Freight Review',
  sourcePublishedAt: '2025-11-04T07:00:00Z',
  sourceUrl: 'javascript:alert(1)',
  reliability: 'C',
  credibility: null,
  page: 3,
});
/** Its quote now says 4 per cent; the brief cites it as saying 2. */
export const changed = excerptView('exc_changed', {
  sourceId: 'src_3',
  quote: 'Screening covered 4 per cent of containers in 2025.',
  sourceTitle: 'Inquiry into terminal screening',
  credibility: 3,
});

export const excerpts = new Map([concession, seizure, changed].map((x) => [x.id, x]));

/** A line break inside a block (Shift+Enter in the editor). */
export const br = { type: 'linebreak', version: 1 } as const;

/**
 * The brief's blocks up to its last citation: a heading; a paragraph in every text format
 * citing the concession and the seizure; a bulleted list with a safe and an unsafe link
 * and a numbered list nested in it; a quote; a paragraph citing the concession again, an
 * excerpt since deleted and the changed one. Each test closes the document its own way.
 *
 * The golden brief.html was written from the nested list without the line break in its
 * second item (`lineBreakInList: false`).
 */
export function briefBlocks({ lineBreakInList = true, nestedStart = 1 }: { lineBreakInList?: boolean; nestedStart?: number } = {}) {
  const secondBerth = lineBreakInList ? [textNode('two berths'), br, textNode('(East and West)')] : [textNode('two berths')];
  return [
    headingNode('h2', [textNode('Key judgements')]),
    paragraphNode([
      textNode('The terminal changed hands '),
      textNode('without open tender', TEXT_FORMAT.bold),
      textNode(' in June'),
      citationNode(concession.id, concession.quote, concession.sourceTitle),
      textNode('. Seizures followed'),
      citationNode(seizure.id, seizure.quote, seizure.sourceTitle),
      textNode(', and '),
      textNode('screening', TEXT_FORMAT.italic | TEXT_FORMAT.underline),
      textNode(' stayed '),
      textNode('thin', TEXT_FORMAT.strikethrough),
      textNode(' '),
      textNode('minimal', TEXT_FORMAT.code),
      textNode('.'),
    ]),
    listNode('bullet', [
      listItemNode([textNode('Concession terms: '), linkNode('https://ledger.example/terms?a=1&b=2', [textNode('published summary')])], 1),
      listItemNode([listNode('number', [listItemNode([textNode('thirty years')], 1), listItemNode(secondBerth, 2)], nestedStart)], 2),
      listItemNode([textNode('Unsafe link stays text: '), linkNode('javascript:alert(1)', [textNode('click')])], 2),
    ]),
    quoteNode([textNode('Officers found the motors in three containers.'), br, textNode('— customs statement')]),
    paragraphNode([
      textNode('The concession again'),
      citationNode(concession.id, concession.quote, concession.sourceTitle),
      textNode(', an excerpt since deleted'),
      citationNode('exc_deleted', 'Halvard’s chair sits on the port authority board.', 'Who owns Halvard?'),
      textNode(', and one that changed'),
      citationNode(changed.id, 'Screening covered 2 per cent of containers in 2025.', changed.sourceTitle),
      textNode('.'),
    ]),
  ];
}
