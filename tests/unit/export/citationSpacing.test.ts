// A citation marker sits on the word it follows and before the punctuation after it, in
// every format: the spaces typed around a citation in the editor ("memorandum [[…]] .")
// are left out of what is exported; the stored brief keeps them.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { citationNode, paragraphNode, rootNode, textNode } from '../../../db/brief/document';
import { renderBriefHtml } from '../../../electron/services/export/briefHtml';
import { renderBriefMarkdown } from '../../../electron/services/export/briefMarkdown';
import { renderBriefDocx } from '../../../electron/services/export/briefDocx';
import { excerptView } from '../../helpers/excerptView';
import { GENERATED_AT } from './fixtures';

const memo = excerptView('exc_memo', { quote: 'The memorandum was signed on 3 May.', sourceTitle: 'Port memo' });
const other = excerptView('exc_other', { quote: 'It was not published.', sourceTitle: 'Port memo', sourceId: 'src_memo' });
const excerpts = new Map([memo, other].map((x) => [x.id, x]));
const document = rootNode([
  paragraphNode([textNode('They signed the memorandum '), citationNode(memo.id, memo.quote), textNode(' . It stayed secret '), citationNode(other.id, other.quote), textNode(' , officials said '), citationNode(memo.id, memo.quote), textNode(' and left.')]),
]);
const input = { title: 'Memo', document, excerpts, generatedAt: GENERATED_AT, warnings: [] };

describe('spacing around citation markers in exports', () => {
  it('Markdown: memorandum[^1]. secret[^2], said[^1] and left', () => {
    const md = renderBriefMarkdown(input);
    expect(md).toContain('They signed the memorandum[^1]. It stayed secret[^2], officials said[^1] and left.');
  });

  it('HTML (and the PDF printed from it): no space before a marker, none between it and a full stop or comma', () => {
    const html = renderBriefHtml({ ...input, stylesheet: '' });
    const body = html.slice(html.indexOf('They signed'), html.indexOf('and left.') + 'and left.'.length).replace(/<[^>]+>/g, '');
    expect(body).toBe('They signed the memorandum[1]. It stayed secret[2], officials said[1] and left.');
  });

  it('Word: the footnote reference follows the word, the punctuation follows the reference', () => {
    const xml = strFromU8(unzipSync(renderBriefDocx(input))['word/document.xml']);
    const text = xml.slice(xml.indexOf('They signed')).replace(/<w:footnoteReference [^>]*\/>/g, '¹').replace(/<[^>]+>/g, '');
    expect(text).toMatch(/^They signed the memorandum¹\. It stayed secret¹?/);
    expect(text).not.toMatch(/memorandum \S|¹ \./);
  });
});
