// The fixed parts of the WordprocessingML package that briefDocx.ts writes: namespaces,
// content types, relationships, styles, settings, list definitions, footnote separators,
// header and footer. Everything here is XML text; user text is escaped with escapeXml.

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const REL_TYPES = {
  officeDocument: `${REL}/officeDocument`,
  coreProperties: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
  extendedProperties: `${REL}/extended-properties`,
  styles: `${REL}/styles`,
  settings: `${REL}/settings`,
  numbering: `${REL}/numbering`,
  footnotes: `${REL}/footnotes`,
  header: `${REL}/header`,
  footer: `${REL}/footer`,
  hyperlink: `${REL}/hyperlink`,
} as const;

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const ROOT_NS = `xmlns:w="${W_NS}" xmlns:r="${R_NS}"`;

/** Characters XML 1.0 cannot hold at all (Word refuses the file): dropped. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** For text and attribute values alike. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"]/g, (c) => XML_ESCAPES[c]);
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external?: boolean;
}

export function relationshipsXml(rels: readonly Relationship[]): string {
  const items = rels.map(
    (r) => `<Relationship Id="${escapeXml(r.id)}" Type="${r.type}" Target="${escapeXml(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`,
  );
  return `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join('')}</Relationships>`;
}

const WORD_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml';

export function contentTypesXml(options: { header: boolean }): string {
  const overrides: [string, string][] = [
    ['/word/document.xml', `${WORD_TYPE}.document.main+xml`],
    ['/word/styles.xml', `${WORD_TYPE}.styles+xml`],
    ['/word/settings.xml', `${WORD_TYPE}.settings+xml`],
    ['/word/numbering.xml', `${WORD_TYPE}.numbering+xml`],
    ['/word/footnotes.xml', `${WORD_TYPE}.footnotes+xml`],
    ...(options.header ? [['/word/header1.xml', `${WORD_TYPE}.header+xml`] as [string, string]] : []),
    ['/word/footer1.xml', `${WORD_TYPE}.footer+xml`],
    ['/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'],
    ['/docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml'],
  ];
  return (
    `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    overrides.map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`).join('') +
    '</Types>'
  );
}

export function corePropertiesXml(title: string, created: Date): string {
  const when = created.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(title)}</dc:title>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

export const APP_PROPERTIES_XML =
  `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ` +
  'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Sourcebook</Application></Properties>';

/** Footnote ids -1 and 0 are the separator lines; the notes of the brief are 1, 2, … */
export const SETTINGS_XML =
  `${XML_DECLARATION}<w:settings ${ROOT_NS}>` +
  '<w:defaultTabStop w:val="720"/>' +
  '<w:characterSpacingControl w:val="doNotCompress"/>' +
  '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>' +
  '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
  '</w:settings>';

export function footnotesXml(notes: readonly string[]): string {
  const separator = (type: string, id: number, mark: string) =>
    `<w:footnote w:type="${type}" w:id="${id}"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:${mark}/></w:r></w:p></w:footnote>`;
  return `${XML_DECLARATION}<w:footnotes ${ROOT_NS}>${separator('separator', -1, 'separator')}${separator('continuationSeparator', 0, 'continuationSeparator')}${notes.join('')}</w:footnotes>`;
}

export function documentXml(body: string, sectionProperties: string): string {
  return `${XML_DECLARATION}<w:document ${ROOT_NS}><w:body>${body}${sectionProperties}</w:body></w:document>`;
}

export const headerXml = (paragraphs: string) => `${XML_DECLARATION}<w:hdr ${ROOT_NS}>${paragraphs}</w:hdr>`;
export const footerXml = (paragraphs: string) => `${XML_DECLARATION}<w:ftr ${ROOT_NS}>${paragraphs}</w:ftr>`;

/** A field (PAGE, NUMPAGES, NOTEREF …) with the result Word shows until it updates it. */
export function field(instruction: string, result: string, rPr = ''): string {
  const r = (inner: string) => `<w:r>${rPr}${inner}</w:r>`;
  return (
    r('<w:fldChar w:fldCharType="begin"/>') +
    r(`<w:instrText xml:space="preserve"> ${escapeXml(instruction)} </w:instrText>`) +
    r('<w:fldChar w:fldCharType="separate"/>') +
    r(`<w:t xml:space="preserve">${escapeXml(result)}</w:t>`) +
    r('<w:fldChar w:fldCharType="end"/>')
  );
}

/** Page sizes in twentieths of a point (portrait). */
const PAGE_SIZES = { A4: { w: 11906, h: 16838 }, Letter: { w: 12240, h: 15840 } } as const;

/** A4 (or Letter) with the PDF's margins (20 mm, 22 mm at the foot), header and footer 10 mm from the edge. */
export function sectionPropertiesXml(rels: { header?: string; footer: string }, paper: keyof typeof PAGE_SIZES = 'A4'): string {
  return (
    '<w:sectPr>' +
    (rels.header ? `<w:headerReference w:type="default" r:id="${rels.header}"/>` : '') +
    `<w:footerReference w:type="default" r:id="${rels.footer}"/>` +
    `<w:pgSz w:w="${PAGE_SIZES[paper].w}" w:h="${PAGE_SIZES[paper].h}"/>` +
    '<w:pgMar w:top="1134" w:right="1134" w:bottom="1247" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/>' +
    '<w:cols w:space="720"/>' +
    '</w:sectPr>'
  );
}

// ---------------------------------------------------------------------------- numbering

export type ListKind = 'bullet' | 'decimal' | 'none';
const BULLETS = ['•', '◦', '▪'];

/**
 * One abstract list per list in the brief (nested ones included), each used at the level of
 * its depth: Word counts every list on its own and restarts none of them by surprise, as an
 * HTML <ol> does. Bullets and numbers indent 0.5 inch a level.
 */
export class Numbering {
  private readonly lists: { kind: ListKind; start: number }[] = [];

  /** A new list; its numId for w:numPr. */
  add(kind: ListKind, start = 1): number {
    this.lists.push({ kind, start: Math.max(0, Math.floor(start)) });
    return this.lists.length;
  }

  xml(): string {
    const abstract = this.lists.map(({ kind, start }, i) => {
      const levels = Array.from({ length: 9 }, (_, level) => {
        const format =
          kind === 'bullet'
            ? `<w:numFmt w:val="bullet"/><w:lvlText w:val="${BULLETS[level % BULLETS.length]}"/>`
            : kind === 'decimal'
              ? `<w:numFmt w:val="decimal"/><w:lvlText w:val="%${level + 1}."/>`
              : '<w:numFmt w:val="none"/><w:suff w:val="nothing"/><w:lvlText w:val=""/>';
        const indent = kind === 'none' ? `<w:ind w:left="${360 * (level + 1)}" w:hanging="0"/>` : `<w:ind w:left="${720 * (level + 1)}" w:hanging="360"/>`;
        return `<w:lvl w:ilvl="${level}"><w:start w:val="${start}"/>${format}<w:lvlJc w:val="left"/><w:pPr>${indent}</w:pPr></w:lvl>`;
      });
      const nsid = (0x5b0c0000 + i + 1).toString(16).toUpperCase();
      return `<w:abstractNum w:abstractNumId="${i}"><w:nsid w:val="${nsid}"/><w:multiLevelType w:val="hybridMultilevel"/>${levels.join('')}</w:abstractNum>`;
    });
    const nums = this.lists.map((_, i) => `<w:num w:numId="${i + 1}"><w:abstractNumId w:val="${i}"/></w:num>`);
    return `${XML_DECLARATION}<w:numbering ${ROOT_NS}>${abstract.join('')}${nums.join('')}</w:numbering>`;
  }
}

// ---------------------------------------------------------------------------- styles

const SERIF = 'Cambria';
const SANS = 'Arial';
const MONO = 'Consolas';
const fonts = (name: string) => `<w:rFonts w:ascii="${name}" w:hAnsi="${name}" w:eastAsia="${name}" w:cs="${name}"/>`;
export const MONO_FONTS = fonts(MONO);

function style(type: 'paragraph' | 'character', id: string, name: string, body: { basedOn?: string; next?: string; pPr?: string; rPr?: string; extra?: string }): string {
  return (
    `<w:style w:type="${type}" w:styleId="${id}"><w:name w:val="${name}"/>` +
    (body.basedOn ? `<w:basedOn w:val="${body.basedOn}"/>` : '') +
    (body.next ? `<w:next w:val="${body.next}"/>` : '') +
    (body.extra ?? '') +
    (body.pPr ? `<w:pPr>${body.pPr}</w:pPr>` : '') +
    (body.rPr ? `<w:rPr>${body.rPr}</w:rPr>` : '') +
    '</w:style>'
  );
}

const HEADING_SIZES = [36, 30, 26, 24, 22, 22];

/** Word's built-in style names, so that Word's navigation pane, outline and TOC know them. */
export const STYLES_XML =
  `${XML_DECLARATION}<w:styles ${ROOT_NS}>` +
  '<w:docDefaults>' +
  `<w:rPrDefault><w:rPr>${fonts(SERIF)}<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB" w:eastAsia="en-GB" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
  '<w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault>' +
  '</w:docDefaults>' +
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:rPr><w:color w:val="1C1F24"/></w:rPr></w:style>' +
  '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>' +
  '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>' +
  style('paragraph', 'Title', 'Title', { basedOn: 'Normal', next: 'Normal', extra: '<w:qFormat/>', pPr: '<w:spacing w:after="80"/>', rPr: '<w:b/><w:sz w:val="44"/><w:szCs w:val="44"/>' }) +
  style('paragraph', 'Subtitle', 'Subtitle', { basedOn: 'Normal', next: 'Normal', extra: '<w:qFormat/>', pPr: '<w:spacing w:after="360"/>', rPr: `${fonts(SANS)}<w:color w:val="5D636D"/><w:sz w:val="18"/><w:szCs w:val="18"/>` }) +
  HEADING_SIZES.map((size, i) =>
    style('paragraph', `Heading${i + 1}`, `heading ${i + 1}`, {
      basedOn: 'Normal',
      next: 'Normal',
      extra: '<w:uiPriority w:val="9"/><w:qFormat/>',
      pPr: `<w:keepNext/><w:keepLines/><w:spacing w:before="${i < 2 ? 360 : 240}" w:after="120"/><w:outlineLvl w:val="${i}"/>`,
      rPr: `<w:b/><w:sz w:val="${size}"/><w:szCs w:val="${size}"/>`,
    }),
  ).join('') +
  style('paragraph', 'Quote', 'Quote', {
    basedOn: 'Normal',
    next: 'Normal',
    extra: '<w:uiPriority w:val="29"/><w:qFormat/>',
    pPr: '<w:pBdr><w:left w:val="single" w:sz="18" w:space="8" w:color="D9DCE1"/></w:pBdr><w:ind w:left="454" w:right="454"/>',
    rPr: '<w:color w:val="363A41"/>',
  }) +
  style('paragraph', 'ListParagraph', 'List Paragraph', { basedOn: 'Normal', extra: '<w:uiPriority w:val="34"/><w:qFormat/>', pPr: '<w:spacing w:after="160"/><w:ind w:left="720"/><w:contextualSpacing/>' }) +
  style('paragraph', 'CodeBlock', 'Code Block', {
    basedOn: 'Normal',
    pPr: '<w:shd w:val="clear" w:color="auto" w:fill="F3F4F6"/><w:spacing w:after="160" w:line="240" w:lineRule="auto"/>',
    rPr: `${MONO_FONTS}<w:sz w:val="19"/><w:szCs w:val="19"/>`,
  }) +
  style('character', 'CodeChar', 'Code Char', { basedOn: 'DefaultParagraphFont', rPr: `${MONO_FONTS}<w:sz w:val="19"/><w:szCs w:val="19"/><w:shd w:val="clear" w:color="auto" w:fill="F3F4F6"/>` }) +
  style('character', 'Hyperlink', 'Hyperlink', { basedOn: 'DefaultParagraphFont', extra: '<w:uiPriority w:val="99"/><w:unhideWhenUsed/>', rPr: '<w:color w:val="1F4A73"/><w:u w:val="single"/>' }) +
  style('paragraph', 'FootnoteText', 'footnote text', {
    basedOn: 'Normal',
    extra: '<w:uiPriority w:val="99"/><w:unhideWhenUsed/>',
    pPr: '<w:spacing w:after="60" w:line="240" w:lineRule="auto"/>',
    rPr: '<w:sz w:val="18"/><w:szCs w:val="18"/>',
  }) +
  style('character', 'FootnoteReference', 'footnote reference', { basedOn: 'DefaultParagraphFont', extra: '<w:uiPriority w:val="99"/><w:unhideWhenUsed/>', rPr: '<w:vertAlign w:val="superscript"/>' }) +
  ['Header', 'Footer']
    .map((id) =>
      style('paragraph', id, id.toLowerCase(), {
        basedOn: 'Normal',
        extra: '<w:uiPriority w:val="99"/><w:unhideWhenUsed/>',
        pPr: '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/>',
        rPr: `${fonts(SANS)}<w:color w:val="6B7079"/><w:sz w:val="16"/><w:szCs w:val="16"/>`,
      }),
    )
    .join('') +
  '</w:styles>';
