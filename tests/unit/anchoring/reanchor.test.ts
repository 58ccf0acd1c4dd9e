import { describe, expect, it } from 'vitest';
import { findQuote, quoteContext } from '../../../electron/services/anchoring/quote';
import { type Anchor, type Reanchored, reanchor, reanchorAll } from '../../../electron/services/anchoring/reanchor';

// A short news article, as a source's normalized text. Two things in it are traps on
// purpose: a boilerplate sentence that occurs twice, and two look-alike sentences about
// the harbour closure that differ in one word.
const ARTICLE = [
  'Port of Odesa reopens after three-week closure',
  'ODESA, March 14 — The port authority reopened the main grain terminal on Tuesday after a closure of three weeks, the longest since the war began.',
  'The harbour master said the closure had cost exporters about 40 million dollars. "We could not guarantee the safety of the crews," he told reporters on the quay. The ministry did not respond to a request for comment.',
  'Shipping companies said insurance premiums had risen sharply. Atlas Shipping, which runs six bulk carriers from the port, said it would resume sailings on Friday. Smaller operators were still waiting for clearance.',
  'Critics said the decision to close the harbour came too late. They said the decision to close the terminal had been taken without consulting the unions.',
  'Grain prices in Europe fell by 4 percent after the announcement. Traders in Rotterdam said the market had expected a longer closure.',
  'The ministry did not respond to a request for comment. A spokesperson for the navy said patrols in the Black Sea would continue.',
  'Reporting by Anna Lind; editing by Marco Bianchi.',
].join('\n\n');

function anchorFor(text: string, quote: string, occurrence = 1): Anchor {
  const found = findQuote(text, quote);
  if (found.length < occurrence) throw new Error(`fixture: ${JSON.stringify(quote)} not found`);
  const { start, end } = found[occurrence - 1];
  return { start, end, quote: text.slice(start, end), ...quoteContext(text, start, end) };
}

/** Where `quote` is (its `occurrence`-th time) in `text`. */
function at(text: string, quote: string, occurrence = 1) {
  const found = findQuote(text, quote);
  if (found.length < occurrence) throw new Error(`fixture: ${JSON.stringify(quote)} not in the new text`);
  return found[occurrence - 1];
}

const HARBOUR_MASTER = 'The harbour master said the closure had cost exporters about 40 million dollars.';
const ATLAS = 'Atlas Shipping, which runs six bulk carriers from the port, said it would resume sailings on Friday.';
const CREWS = '"We could not guarantee the safety of the crews," he told reporters on the quay.';
const CRITICS = 'Critics said the decision to close the harbour came too late.';
const PRICES = 'Grain prices in Europe fell by 4 percent after the announcement.';
const BOILERPLATE = 'The ministry did not respond to a request for comment.';

const expectAt = (r: Reanchored, text: string, where: { start: number; end: number }, states: Reanchored['state'][]) => {
  expect(states).toContain(r.state);
  expect({ start: r.start, end: r.end }).toEqual({ start: where.start, end: where.end });
  expect(r.quote).toBe(text.slice(where.start, where.end));
};

describe('reanchor: the text did not change around the passage', () => {
  it('finds every excerpt exactly when the text is unchanged, boilerplate included', () => {
    const anchors = [HARBOUR_MASTER, ATLAS, CREWS, CRITICS, PRICES].map((q) => anchorFor(ARTICLE, q));
    anchors.push(anchorFor(ARTICLE, BOILERPLATE, 1), anchorFor(ARTICLE, BOILERPLATE, 2));
    for (const [r, a] of reanchorAll(anchors, ARTICLE).map((r, i) => [r, anchors[i]] as const)) {
      expect(r).toEqual({ state: 'exact', start: a.start, end: a.end, score: 1, quote: a.quote });
    }
  });

  it('gives the same answer one excerpt at a time as for all at once', () => {
    const anchor = anchorFor(ARTICLE, ATLAS);
    const edited = ARTICLE.replace('Shipping companies said', 'Shipping companies and brokers said');
    expect(reanchor(anchor, edited)).toEqual(reanchorAll([anchor], edited)[0]);
  });
});

describe('reanchor: edits outside the passage', () => {
  const cases: { name: string; quote: string; edit: (t: string) => string; state: Reanchored['state'][] }[] = [
    { name: 'a sentence inserted before it', quote: ATLAS, edit: (t) => t.replace('Shipping companies said', 'Analysts expect traffic to recover by May. Shipping companies said'), state: ['moved'] },
    { name: 'a sentence inserted right after it', quote: HARBOUR_MASTER, edit: (t) => t.replace(`${HARBOUR_MASTER} `, `${HARBOUR_MASTER} Most of it was borne by farmers. `), state: ['exact'] },
    { name: 'a typo fixed earlier in the text', quote: PRICES, edit: (t) => t.replace('longest since', 'longest period since'), state: ['moved'] },
    { name: 'a typo fixed in its own context', quote: ATLAS, edit: (t) => t.replace('premiums had risen', 'premiums have risen'), state: ['exact', 'moved'] },
    { name: 'the sentence before it deleted', quote: CRITICS, edit: (t) => t.replace('Atlas Shipping, which runs', 'Atlas, which runs'), state: ['moved'] },
    { name: 'its paragraph moved to the end', quote: ATLAS, edit: (t) => moveParagraph(t, 3, 6), state: ['moved'] },
    { name: 'the text re-wrapped with hard line breaks and double spaces', quote: HARBOUR_MASTER, edit: (t) => rewrap(t, 40).replace(/\. /g, '.  '), state: ['moved'] },
  ];
  for (const c of cases) {
    it(`follows the passage when ${c.name}`, () => {
      const edited = c.edit(ARTICLE);
      expect(edited).not.toBe(ARTICLE);
      const r = reanchor(anchorFor(ARTICLE, c.quote), edited);
      expectAt(r, edited, at(edited, c.quote), c.state);
    });
  }

  it('flags a whole-paragraph excerpt whose paragraph moved far away: new context on both sides', () => {
    // Its old prefix now runs straight into its old suffix, exactly as if it had been deleted
    // and an identical paragraph stood elsewhere: that is not for the machine to decide.
    const paragraph = 'Grain prices in Europe fell by 4 percent after the announcement. Traders in Rotterdam said the market had expected a longer closure.';
    const edited = moveParagraph(ARTICLE, 5, 1);
    const r = reanchor(anchorFor(ARTICLE, paragraph), edited);
    expect(['fuzzy', 'orphaned']).toContain(r.state);
    expect(r.score).toBeGreaterThan(0); // orphaned, it still reports how close the best rejected candidate came
    if (r.state === 'fuzzy') expect(r.quote).toBe(paragraph);
  });

  it('follows that whole-paragraph excerpt when it knows the text it was made on: its words were unique there and still are', () => {
    const paragraph = 'Grain prices in Europe fell by 4 percent after the announcement. Traders in Rotterdam said the market had expected a longer closure.';
    const edited = moveParagraph(ARTICLE, 5, 1);
    const r = reanchor({ ...anchorFor(ARTICLE, paragraph), oldText: ARTICLE }, edited);
    expectAt(r, edited, at(edited, paragraph), ['moved']);
  });

  it('follows a sentence at the head of a paragraph that moved far away (one side of its context new)', () => {
    const edited = moveParagraph(ARTICLE, 3, 6);
    const alone = reanchor(anchorFor(ARTICLE, 'Shipping companies said insurance premiums had risen sharply.'), edited);
    expect(alone.state).toBe('fuzzy'); // far away with a new prefix: two changes, without the old text
    const r = reanchor({ ...anchorFor(ARTICLE, 'Shipping companies said insurance premiums had risen sharply.'), oldText: ARTICLE }, edited);
    expectAt(r, edited, at(edited, 'Shipping companies said insurance premiums had risen sharply.'), ['moved']);
  });

  it('does not take a short quote for the passage on uniqueness alone when neither side of its context is left', () => {
    // "bulk carriers" was said once; now it is said once again, in a sentence written anew.
    const edited = ARTICLE.replace('Atlas Shipping, which runs six bulk carriers from the port, said', 'Atlas Shipping said').replace(
      'Smaller operators were still waiting',
      'Owners of bulk carriers were still waiting',
    );
    const r = reanchor({ ...anchorFor(ARTICLE, 'six bulk carriers'), oldText: ARTICLE }, edited);
    expect(['fuzzy', 'orphaned']).toContain(r.state);
  });

  it('follows a passage with curly quotes turned straight, returning the new text’s characters', () => {
    const curly = ARTICLE.replace(CREWS, CREWS.replace(/"([^"]*)"/, '\u201C$1\u201D'));
    const anchor = anchorFor(curly, '\u201CWe could not guarantee the safety of the crews,\u201D he told reporters');
    const r = reanchor(anchor, ARTICLE);
    expect(r.state).toBe('moved');
    expect(r.quote).toBe('"We could not guarantee the safety of the crews," he told reporters');
    expect(r.start).toBe(anchor.start);
  });

  it('follows a passage whose dash and quotes became typographic, and whose line was wrapped', () => {
    const anchor = anchorFor(ARTICLE, 'ODESA, March 14 — The port authority reopened the main grain terminal');
    const edited = ARTICLE.replace('March 14 — The port authority reopened', 'March 14 - The port authority\nreopened').replace(/"([^"]*)"/g, '\u201C$1\u201D');
    const r = reanchor(anchor, edited);
    expect(r.state).toBe('moved');
    expect(r.quote).toBe('ODESA, March 14 - The port authority\nreopened the main grain terminal');
  });

  it('follows a passage at the very start of the text when a line is added above it', () => {
    const title = 'Port of Odesa reopens after three-week closure';
    const edited = `UPDATED 15 March\n\n${ARTICLE}`;
    const r = reanchor(anchorFor(ARTICLE, title), edited);
    expectAt(r, edited, at(edited, title), ['moved']);
  });

  it('uses context to tell two occurrences apart: the boilerplate sentence of the sixth paragraph, after an insertion', () => {
    const edited = ARTICLE.replace('Grain prices in Europe', 'Wheat futures rose in Chicago. Grain prices in Europe');
    const second = reanchor(anchorFor(ARTICLE, BOILERPLATE, 2), edited);
    expectAt(second, edited, at(edited, BOILERPLATE, 2), ['moved']);
    const first = reanchor(anchorFor(ARTICLE, BOILERPLATE, 1), edited);
    expectAt(first, edited, at(edited, BOILERPLATE, 1), ['exact']);
  });
});

describe('reanchor: the passage itself changed', () => {
  it('offers a lightly reworded passage as fuzzy, with a meaningful score, at its place', () => {
    const edited = ARTICLE.replace('about 40 million dollars', 'about 45 million dollars');
    const r = reanchor(anchorFor(ARTICLE, HARBOUR_MASTER), edited);
    expect(r.state).toBe('fuzzy');
    expect(r.score).toBeGreaterThan(0.6);
    expect(r.score).toBeLessThan(0.99);
    expectAt(r, edited, at(edited, 'The harbour master said the closure had cost exporters about 45 million dollars.'), ['fuzzy']);
  });

  it('never returns exact or moved for a reworded passage, however it was reworded', () => {
    const rewordings = [
      (t: string) => t.replace('six bulk carriers', 'seven bulk carriers'),
      (t: string) => t.replace('Atlas Shipping, which', 'Atlas Shipping Ltd, which'),
      (t: string) => t.replace('resume sailings on Friday', 'resume sailing on Friday'),
      (t: string) => t.replace('resume sailings on Friday', 'resume sailings on Monday'),
      (t: string) => t.replace('which runs six bulk carriers from the port', 'which operates six bulk carriers out of the port'),
    ];
    for (const reword of rewordings) {
      const edited = reword(ARTICLE);
      expect(edited).not.toBe(ARTICLE);
      const r = reanchor(anchorFor(ARTICLE, ATLAS), edited);
      expect(['fuzzy', 'orphaned']).toContain(r.state);
      if (r.state === 'fuzzy') {
        expect(r.score).toBeGreaterThan(0);
        expect(r.score).toBeLessThan(1);
        expect(r.quote).toContain('Atlas Shipping');
      }
    }
  });

  it('orphans a deleted passage, keeping its old quote and offsets', () => {
    const anchor = anchorFor(ARTICLE, PRICES);
    const edited = ARTICLE.replace(`${PRICES} `, '');
    const r = reanchor(anchor, edited);
    expect(r.state).toBe('orphaned');
    expect(r.quote).toBe(PRICES);
    expect(r.start).toBe(anchor.start);
    expect(r.end).toBe(anchor.end);
  });

  it('never attaches a deleted passage to the similar-looking sentence that survives', () => {
    // "Critics said the decision to close the harbour came too late." is gone; "They said the
    // decision to close the terminal had been taken…" looks like it and sits right there.
    const edited = ARTICLE.replace(`${CRITICS} `, '');
    const r = reanchor(anchorFor(ARTICLE, CRITICS), edited);
    expect(['fuzzy', 'orphaned']).toContain(r.state);
  });

  it('never attaches a deleted boilerplate sentence to its twin elsewhere in the text', () => {
    const edited = ARTICLE.replace(`on the quay. ${BOILERPLATE}`, 'on the quay.');
    const r = reanchor(anchorFor(ARTICLE, BOILERPLATE, 1), edited);
    expect(['fuzzy', 'orphaned']).toContain(r.state);
  });

  it('does not let a twin of a deleted sentence slide into its place: the twin brings its own context', () => {
    // The first "The ministry did not respond…" is cut, and the closing paragraph, which opens
    // with the same sentence, is moved up to where it was. The twin now has the passage's old
    // prefix on one side and its own old suffix on the other: with only 32 characters each
    // side that reads like "a sentence was inserted after the passage"; the old text tells.
    const paragraphs = ARTICLE.replace(`on the quay. ${BOILERPLATE}`, 'on the quay.').split('\n\n');
    const closing = paragraphs.splice(6, 1)[0];
    paragraphs[2] += ` ${closing}`;
    const edited = paragraphs.join('\n\n');
    const anchor = anchorFor(ARTICLE, BOILERPLATE, 1);
    const r = reanchor({ ...anchor, oldText: ARTICLE }, edited);
    expect(['fuzzy', 'orphaned']).toContain(r.state);
    // The sentence that stayed, anchored on its own occurrence, is still followed.
    const other = reanchor({ ...anchorFor(ARTICLE, BOILERPLATE, 2), oldText: ARTICLE }, edited);
    expectAt(other, edited, at(edited, BOILERPLATE), ['moved', 'fuzzy']);
  });

  it('does not offer the unchanged twin of a reworded boilerplate sentence in its place', () => {
    // Selectors alone offer the closing paragraph's copy for both of these (fuzzy, ~0.65–0.7).
    for (const reworded of ['The ministry declined to respond to a request.', 'A ministry spokesman did not respond to requests.']) {
      const edited = ARTICLE.replace(`on the quay. ${BOILERPLATE}`, `on the quay. ${reworded}`);
      const r = reanchor({ ...anchorFor(ARTICLE, BOILERPLATE, 1), oldText: ARTICLE }, edited);
      expect(['fuzzy', 'orphaned'], reworded).toContain(r.state);
      // Offered, it is the reworded sentence.
      const own = at(edited, reworded);
      if (r.state === 'fuzzy') expect(r.start >= own.start && r.start < own.end, reworded).toBe(true);
    }
  });

  it('follows a boilerplate sentence whose context changed on both sides, by the text aligned around it, not its twin', () => {
    // New sentences either side of the first "The ministry did not respond…": its context is
    // all new, and the same words stand unchanged in the closing paragraph.
    const edited = ARTICLE.replace(`on the quay. ${BOILERPLATE}`, `on the quay. A second inspection was ordered. ${BOILERPLATE} No date was given.`);
    const alone = reanchor(anchorFor(ARTICLE, BOILERPLATE, 1), edited);
    expect(alone.state === 'moved' && alone.start === at(edited, BOILERPLATE, 1).start).toBe(false); // the selector alone cannot say
    const r = reanchor({ ...anchorFor(ARTICLE, BOILERPLATE, 1), oldText: ARTICLE }, edited);
    expectAt(r, edited, at(edited, BOILERPLATE, 1), ['moved']);
    const other = reanchor({ ...anchorFor(ARTICLE, BOILERPLATE, 2), oldText: ARTICLE }, edited);
    expectAt(other, edited, at(edited, BOILERPLATE, 2), ['moved']);
  });

  it('does not take a boilerplate paragraph moved into the place of its moved-away twin for the passage', () => {
    // Two paragraphs of nothing but the same sentence: the first moves to the end, the
    // second moves up into the first's place. No unique 4-gram of its own betrays the move.
    const paragraphs = [
      'Harbour closure enters second week',
      'Port officials met shipping agents on Monday to discuss the backlog of container ships.',
      BOILERPLATE,
      'Agents said that at least nine vessels had been diverted to Constanta since the closure.',
      'Insurers raised premiums for ships calling at the port for the second time this month.',
      BOILERPLATE,
      'Union leaders warned that dockworkers would strike if the closure lasted another week.',
    ];
    const text = paragraphs.join('\n\n');
    // (The second lands with the first's old context on one side only: a sentence was added
    // before it. Landing with both sides the same, it would read exactly as the passage did.)
    const moved = [paragraphs[0], `${paragraphs[1]} Officials declined to say more.`, paragraphs[5], paragraphs[3], paragraphs[4], paragraphs[6], paragraphs[2]];
    const edited = moved.join('\n\n');
    const r = reanchor({ ...anchorFor(text, BOILERPLATE, 1), oldText: text }, edited);
    // Either followed to the end, where its paragraph went, or flagged: never the twin.
    if (r.state === 'exact' || r.state === 'moved') expect(r.start).toBe(at(edited, BOILERPLATE, 2).start);
    else expect(['fuzzy', 'orphaned']).toContain(r.state);
  });

  it('ignores an old text the anchor does not fit (its quote is not at its offsets there)', () => {
    const anchor = anchorFor(ARTICLE, ATLAS);
    const edited = ARTICLE.replace('Shipping companies said', 'Shipping companies and brokers said');
    expect(reanchor({ ...anchor, oldText: 'something else entirely' }, edited)).toEqual(reanchor(anchor, edited));
  });

  it('orphans an excerpt whose source text is now empty, and one with an empty quote', () => {
    expect(reanchor(anchorFor(ARTICLE, PRICES), '').state).toBe('orphaned');
    expect(reanchor({ start: 3, end: 3, quote: '', prefix: '', suffix: '' }, ARTICLE)).toEqual({ state: 'orphaned', start: 3, end: 3, score: null, quote: '' });
    const beyond = reanchor({ ...anchorFor(ARTICLE, PRICES), start: 9_000, end: 9_060 }, 'Something else entirely.');
    expect(beyond).toMatchObject({ state: 'orphaned', start: 24, end: 24 });
  });
});

describe('reanchor: look-alikes and repeated text', () => {
  it('does not guess between two copies of the passage with identical contexts', () => {
    // The new version repeats a paragraph (a re-extracted PDF printed it twice) and adds a
    // line on top: the excerpt, inside that paragraph, now has two places with the same context.
    const paragraphs = ARTICLE.split('\n\n');
    paragraphs.splice(4, 0, paragraphs[3]);
    const edited = `Corrected version\n\n${paragraphs.join('\n\n')}`;
    expect(findQuote(edited, ATLAS)).toHaveLength(2);
    const r = reanchor(anchorFor(ARTICLE, ATLAS), edited);
    expect(['fuzzy', 'orphaned']).toContain(r.state);
    if (r.state === 'fuzzy') expect(r.score).toBeLessThan(0.8);
  });

  it('does not move an excerpt onto a copy when the passage was reworded in place', () => {
    const paragraphs = ARTICLE.split('\n\n');
    paragraphs.splice(6, 0, paragraphs[3]);
    paragraphs[3] = paragraphs[3].replace('six bulk carriers', 'seven bulk carriers');
    const edited = paragraphs.join('\n\n');
    expect(findQuote(edited, ATLAS)).toHaveLength(1);
    const r = reanchor(anchorFor(ARTICLE, ATLAS), edited);
    expect(['fuzzy', 'orphaned']).toContain(r.state);
  });

  it('re-anchors a one-word excerpt among many occurrences by its context, and flags it when that context is gone', () => {
    const occurrence = (text: string) => findQuote(text, 'said').findIndex((m) => m.start > at(text, ATLAS).start) + 1;
    expect(findQuote(ARTICLE, 'said').length).toBeGreaterThan(5);
    const anchor = anchorFor(ARTICLE, 'said', occurrence(ARTICLE)); // "…from the port, said it would resume…"
    expect(reanchor(anchor, ARTICLE).state).toBe('exact');
    const inserted = ARTICLE.replace('Shipping companies said', 'Brokers were cautious, and shipping companies said');
    expectAt(reanchor(anchor, inserted), inserted, at(inserted, 'said', occurrence(inserted)), ['moved']);
    const rewritten = ARTICLE.replace('bulk carriers from the port, said it would resume sailings', 'bulk carriers, said on Tuesday that it would restart sailing');
    expect(['fuzzy', 'orphaned']).toContain(reanchor(anchor, rewritten).state);
  });

  it('lets excerpts that moved with their paragraph vouch for each other', () => {
    // The paragraph moved far. Its first sentence has a new prefix, so alone it is only offered
    // (fuzzy); but the excerpt in the middle of the paragraph is found intact and shows how far
    // the paragraph went, so together both come back moved.
    const first = 'Shipping companies said insurance premiums had risen sharply.';
    const edited = moveParagraph(ARTICLE, 3, 6);
    expect(reanchor(anchorFor(ARTICLE, first), edited).state).toBe('fuzzy');
    const [a, b] = reanchorAll([anchorFor(ARTICLE, first), anchorFor(ARTICLE, ATLAS)], edited);
    expectAt(a, edited, at(edited, first), ['moved']);
    expectAt(b, edited, at(edited, ATLAS), ['moved']);
  });
});

describe('reanchor: long excerpts', () => {
  // An excerpt of several paragraphs (a whole section of a report) takes the long path.
  const section = Array.from({ length: 12 }, (_, i) => ARTICLE.split('\n\n').slice(1, 7).join('\n\n').replace(/ODESA/g, `ODESA-${i}`)).join('\n\n');
  const report = `Annual report on Black Sea shipping\n\n${section}\n\nAnnex: methodology and sources.`;
  const excerpt = section.slice(section.indexOf('ODESA-3'), section.indexOf('ODESA-7')).trim();

  it('follows a long excerpt that moved, and offers it as fuzzy when a word inside changed', () => {
    expect(excerpt.length).toBeGreaterThan(2000);
    const anchor = anchorFor(report, excerpt);
    const moved = `Foreword by the editors.\n\n${report}`;
    expectAt(reanchor(anchor, moved), moved, at(moved, excerpt), ['moved']);
    const changed = report.replace('ODESA-5, March 14', 'ODESA-5, March 15');
    const r = reanchor(anchor, changed);
    expect(r.state).toBe('fuzzy');
    expect(r.score).toBeGreaterThan(0.9);
    expect(r.quote.startsWith('ODESA-3')).toBe(true);
    expect(r.quote.endsWith(excerpt.slice(-40))).toBe(true);
  });

  it('orphans a long excerpt that was cut from the report', () => {
    const anchor = anchorFor(report, excerpt);
    const cut = report.replace(excerpt, '');
    expect(reanchor(anchor, cut).state).toBe('orphaned');
  });
});

describe('reanchor: folding agrees with findQuote', () => {
  // Every character findQuote treats as equivalent, and some whitespace it lets match.
  const variants = ["'\u2018\u2019\u201A\u201B\u2032\u00B4`", '"\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB', '-\u2010\u2011\u2012\u2013\u2014\u2015\u2212', ' \t\n\u00A0\u2003\u3000'];
  it('moves an excerpt to text that differs only by quote, dash and whitespace variants, as findQuote would match it', () => {
    for (const set of variants) {
      for (const from of set) {
        for (const to of set) {
          const sample = (c: string) => `Before the passage. It${c}s a passage with a${c}b in it. After the passage.`;
          const old = sample(from);
          const text = sample(to);
          const anchor = anchorFor(old, `It${from}s a passage with a${from}b in it.`);
          expect(findQuote(text, anchor.quote)).toHaveLength(1);
          const r = reanchor(anchor, text);
          expect(r.state).toBe(from === to ? 'exact' : 'moved');
          expect(r.quote).toBe(`It${to}s a passage with a${to}b in it.`);
        }
      }
    }
  });
});

function moveParagraph(text: string, from: number, to: number): string {
  const paragraphs = text.split('\n\n');
  const [p] = paragraphs.splice(from, 1);
  paragraphs.splice(to, 0, p);
  return paragraphs.join('\n\n');
}

function rewrap(text: string, width: number): string {
  return text
    .split('\n\n')
    .map((p) => {
      const lines: string[] = [];
      let line = '';
      for (const word of p.split(' ')) {
        if (line && line.length + word.length + 1 > width) {
          lines.push(line);
          line = word;
        } else line = line ? `${line} ${word}` : word;
      }
      return [...lines, line].join('\n');
    })
    .join('\n\n');
}

describe('reanchor: right-to-left text (Arabic, Persian)', () => {
  const ARABIC = [
    'أغلق ميناء طرطوس أمام السفن التجارية',
    'قال مسؤولون في دمشق يوم الاثنين إن الميناء سيبقى مغلقا حتى إشعار آخر. وأضافوا أن شركات الشحن أبلغت بالقرار.',
    'وقالت شركة أطلس للشحن إنها ستستأنف رحلاتها يوم الجمعة. ولم ترد الوزارة على طلب للتعليق.',
  ].join('\n\n');
  const ATLAS_AR = 'وقالت شركة أطلس للشحن إنها ستستأنف رحلاتها يوم الجمعة.';

  it('follows a passage when a sentence is inserted before it', () => {
    const edited = ARABIC.replace('وأضافوا أن', 'وتوقع محللون عودة الحركة في مايو. وأضافوا أن');
    const r = reanchor(anchorFor(ARABIC, ATLAS_AR), edited);
    expectAt(r, edited, at(edited, ATLAS_AR), ['moved']);
  });

  it('follows a passage with diacritics added to a word inside it, and says it changed', () => {
    const edited = ARABIC.replace('ستستأنف', 'سَتَستأنف');
    const r = reanchor(anchorFor(ARABIC, ATLAS_AR), edited);
    expect(['fuzzy', 'moved', 'exact']).toContain(r.state);
    expect(r.quote).toContain('أطلس للشحن');
    expect(r.quote).toContain('سَتَستأنف');
  });
});
