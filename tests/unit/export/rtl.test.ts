// Briefs with right-to-left passages: an Arabic paragraph typed in the editor (Lexical
// stores no direction for it; it shows it with dir="auto") is right to left in HTML (and
// so in the PDF printed from it) and in Word; a Persian quote in an English note reads
// right to left inside it.
import { unzipSync, strFromU8 } from 'fflate';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { citationNode, paragraphNode, rootNode, textNode, type SerializedNode } from '../../../db/brief/document';
import { briefFromMarkdown } from '../../../db/brief/fromMarkdown';
import { renderBriefHtml } from '../../../electron/services/export/briefHtml';
import { renderBriefDocx } from '../../../electron/services/export/briefDocx';
import { excerptView } from '../../helpers/excerptView';
import { GENERATED_AT } from './fixtures';

const ARABIC = 'أغلق ميناء طرطوس يوم الاثنين بحسب مسؤولين.';
const PERSIAN_QUOTE = 'بندر عباس روز دوشنبه بسته شد.';
const persian = excerptView('exc_fa', { quote: PERSIAN_QUOTE, sourceTitle: 'گزارش بندر', sourceId: 'src_fa' });
const excerpts = new Map([[persian.id, persian]]);

/** As the editor saves a block: no direction recorded. */
const typed = (children: SerializedNode[]) => ({ ...paragraphNode(children), direction: null });
const document = rootNode([typed([textNode('The port closed on Monday. '), citationNode(persian.id, PERSIAN_QUOTE)]), typed([textNode(ARABIC)])]);
const input = { title: 'Ports', document, excerpts, generatedAt: GENERATED_AT, warnings: [] };

describe('right-to-left passages in exported briefs', () => {
  it('HTML: the Arabic paragraph is dir="rtl", the English one is not, and a quote in a note takes its own direction', () => {
    const { document: page } = parseHTML(renderBriefHtml({ ...input, stylesheet: '' }));
    const paragraphs = [...page.querySelectorAll('.brief-body p, main p, article p')].filter((p) => p.textContent?.includes('port') || p.textContent?.includes('ميناء'));
    const arabic = paragraphs.find((p) => p.textContent?.includes('ميناء'));
    const english = paragraphs.find((p) => p.textContent?.includes('The port closed'));
    expect(arabic?.getAttribute('dir')).toBe('rtl');
    expect(english?.getAttribute('dir')).toBeNull();
    const noteQuote = [...page.querySelectorAll('.note-quote')].find((q) => q.textContent?.includes('بندر'));
    expect(noteQuote?.getAttribute('dir')).toBe('auto');
  });

  it('Word: the Arabic paragraph has w:bidi, the English one not', () => {
    const xml = strFromU8(unzipSync(renderBriefDocx(input))['word/document.xml']);
    const paragraphs = xml.split('<w:p>').slice(1);
    const arabic = paragraphs.find((p) => p.includes('ميناء'));
    const english = paragraphs.find((p) => p.includes('The port closed'));
    expect(arabic).toContain('<w:bidi/>');
    expect(english).not.toContain('<w:bidi/>');
  });

  it('Markdown brought in as a brief: each block records the direction of its first letter', () => {
    const doc = briefFromMarkdown(`# ${ARABIC}\n\nThe port closed.\n\n> ${PERSIAN_QUOTE}\n`, () => null);
    const directions = doc.root.children.map((b) => (b as { direction?: unknown }).direction);
    expect(directions).toEqual(['rtl', 'ltr', 'rtl']);
  });
});
