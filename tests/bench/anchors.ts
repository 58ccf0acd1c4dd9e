// Robustness bench for re-anchoring (npm run bench:anchors).
//
// A deterministic corpus of synthetic news articles (seeded PRNG; sentence templates over
// a vocabulary, with repeated boilerplate sentences and look-alike paragraphs) is edited
// in each of the ways a new version of a source differs from the old one. Each article is
// kept as paragraphs of sentences with ids, so the true new place of every excerpt is
// known after the edit. The table says, per edit kind, how often re-anchoring was right,
// flagged, or silently wrong; the process exits 1 if anything was silently wrong.
//
// Nothing here reads files: a fresh clone runs it as is. BENCH_SEED=n draws another
// corpus; BENCH_DEBUG=<edit kind|all> prints each silently wrong case (with
// BENCH_DEBUG_VERDICT=flagged, each flagged one) with its old and new surroundings.
// Anchors carry the whole text they were made on, as the app's do (versions are kept);
// BENCH_SELECTOR_ONLY=1 leaves it out, to see what the selector alone (quote and 32
// characters each side) achieves.

import { performance } from 'node:perf_hooks';
import { quoteContext } from '../../electron/services/anchoring/quote';
import { type Anchor, type Reanchored, DEFAULT_MIN_FUZZY_SCORE, reanchorAll } from '../../electron/services/anchoring/reanchor';
import { prng } from './corpus';

// ---------------------------------------------------------------------------------------
// Seeded randomness.

const mulberry32 = prng;

/** BENCH_SEED=n varies the corpus (the default seed is what the table in the report was measured on). */
const SEED = Number(process.env.BENCH_SEED ?? 20261121);
const SELECTOR_ONLY = process.env.BENCH_SELECTOR_ONLY === '1';
let rand = mulberry32(SEED);
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const chance = (p: number) => rand() < p;

// ---------------------------------------------------------------------------------------
// Vocabulary and templates.

const PEOPLE = [
  'Maria Kovalenko', 'Ahmed Haddad', 'Lena Fischer', 'Tomás Ribeiro', 'Grace Okafor', 'Ivan Petrenko', 'Sofia Marin',
  'Daniel Weiss', 'Amina Yusuf', 'Kenji Sato', 'Olga Nowak', 'Pierre Laurent', 'Fatima Rahman', 'Jonas Berg',
  'Elena Rossi', 'Samuel Mensah', 'Hana Novak', 'Victor Almeida', 'Nadia Karim', 'Arjun Mehta', 'Clara Jensen',
  'Mikhail Orlov', 'Yara Saleh', 'Lucas Moreau', 'Ingrid Dahl', 'Omar Farouk', 'Beatriz Costa', 'Dmytro Shevchuk',
];
const ROLES = [
  'the defense minister', 'a senior official', 'the regional governor', 'the company spokesperson', 'a local councillor',
  'the head of the agency', 'an independent analyst', 'the deputy prosecutor', 'a union representative', 'the harbour master',
  'the finance minister', 'a former ambassador', 'the police chief', 'an aid worker', 'the party leader',
];
const ORGS = [
  'the Ministry of Energy', 'Northwind Logistics', 'the port authority', 'the national grid operator', 'Helios Mining',
  'the electoral commission', 'the central bank', 'Baltic Freight', 'the health ministry', 'the city council',
  'the opposition alliance', 'Meridian Telecom', 'the customs service', 'the border guard', 'Atlas Shipping',
  'the anti-corruption bureau', 'the state broadcaster', 'Vostok Grain', 'the water utility', 'the transport ministry',
];
const PLACES = [
  'Odesa', 'Gdańsk', 'Mombasa', 'Valparaíso', 'Tbilisi', 'Rotterdam', 'Chittagong', 'Tromsø', 'Batumi', 'Constanța',
  'Lagos', 'Manila', 'Riga', 'Klaipėda', 'Durban', 'Cartagena', 'Izmir', 'Antwerp', 'Kherson', 'Mersin', 'Tallinn',
  'the northern province', 'the coastal district', 'the capital', 'the border region', 'the industrial zone',
];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const NOUNS = [
  'contract', 'pipeline', 'shipment', 'investigation', 'agreement', 'budget', 'ceasefire', 'tender', 'audit', 'blockade',
  'strike', 'embargo', 'merger', 'inquiry', 'deal', 'plan', 'report', 'project', 'licence', 'loan', 'curfew', 'reform',
];
const VERBS = [
  'suspended', 'approved', 'rejected', 'delayed', 'cancelled', 'extended', 'criticised', 'defended', 'announced',
  'postponed', 'questioned', 'signed', 'blocked', 'endorsed', 'reviewed', 'revised',
];
const ADJS = [
  'unprecedented', 'controversial', 'long-awaited', 'temporary', 'sweeping', 'modest', 'secret', 'costly', 'fragile',
  'disputed', 'routine', 'urgent', 'partial', 'formal', 'informal', 'limited',
];
const THINGS = [
  'fuel prices', 'grain exports', 'the harbour', 'electricity tariffs', 'public hospitals', 'the rail line',
  'the night shift', 'refugee housing', 'the drinking water', 'container traffic', 'the old bridge', 'the school year',
];
const REPORTERS = ['Anna Lind', 'Marco Bianchi', 'Tariq Aziz', 'Julia Santos', 'Peter Novak', 'Rosa Ortega'];

const num = () => pick([String(int(2, 99)), String(int(100, 999)), `${int(1, 40)},${String(int(0, 999)).padStart(3, '0')}`, `${int(2, 9)}.${int(1, 9)} million`]);

type Style = { curly: boolean; emDash: boolean };

const cap = (x: string) => x.replace(/^./, (c) => c.toUpperCase());
const said = () => pick(['said', 'told reporters', 'wrote in a statement', 'argued', 'insisted', 'confirmed']);

// Sentence templates with varied wording (news prose repeats structures, rarely the same
// thirty characters); the word-for-word traps are BOILERPLATE and the look-alike paragraphs.
const TEMPLATES: ((s: Style) => string)[] = [
  () => `${cap(pick(ORGS))} ${pick(VERBS)} the ${pick(ADJS)} ${pick(NOUNS)} on ${pick(DAYS)}, ${pick(['citing concerns about', 'pointing to the risk to', 'blaming the state of', 'after complaints about'])} ${pick(THINGS)}.`,
  () => `${pick(PEOPLE)}, ${pick(ROLES)}, ${said()} the ${pick(NOUNS)} would be ${pick(VERBS)} ${pick(['before the end of', 'no later than', 'some time in', 'early in'])} ${pick(MONTHS)}.`,
  (s) => `${q(s, `We will not accept a ${pick(ADJS)} ${pick(NOUNS)} that ${pick(['puts', 'leaves', 'places'])} ${pick(THINGS)} at risk`)}, ${pick(PEOPLE)} ${pick(['told reporters in', 'said in', 'declared in', 'warned in'])} ${pick(PLACES)}.`,
  () => `${pick(['At least', 'More than', 'Nearly', 'Some'])} ${num()} people were ${pick(['affected', 'evacuated', 'left without power', 'displaced'])} in ${pick(PLACES)}, according to ${pick(ORGS)}.`,
  (s) => `The ${pick(NOUNS)}${dash(s)}${pick(['worth about', 'valued at', 'estimated at'])} ${num()} dollars${dash(s)}was ${pick(VERBS)} after ${pick(['months of talks', 'a long delay', 'a heated debate', 'weeks of pressure'])}.`,
  () => `${pick(['Critics', 'Opponents', 'Local businesses', 'Economists'])} ${pick(['said', 'warned', 'argued'])} the decision would hit ${pick(THINGS)} hardest, and that ${pick(ORGS)} had ${pick(['ignored earlier warnings', 'been slow to act', 'misjudged the mood'])}.`,
  () => `${cap(pick(ORGS))} has ${pick(VERBS)} ${num()} ${pick(['requests', 'applications', 'complaints', 'claims'])} since ${pick(MONTHS)}, a figure that ${pick(PEOPLE)} called ${pick(ADJS)}.`,
  (s) => `${q(s, `It's a ${pick(ADJS)} moment for ${pick(PLACES)}`)}, said ${pick(PEOPLE)}, who has ${pick(['followed', 'covered', 'studied', 'opposed'])} the ${pick(NOUNS)} since it began.`,
  () => `${pick(['Traffic near', 'Rail services to', 'Ferries from', 'Flights out of'])} ${pick(PLACES)} ${pick(['were', 'was'])} ${pick(VERBS)} for ${int(2, 14)} hours on ${pick(DAYS)} while inspectors examined ${pick(THINGS)}.`,
  () => `${pick(['In a statement,', 'On its website,', 'In a letter to staff,', 'Late on Tuesday,'])} ${pick(ORGS)} said it had ${pick(VERBS)} the ${pick(NOUNS)} and would publish ${pick(['the', 'a new', 'its'])} ${pick(NOUNS)} in ${pick(MONTHS)}.`,
  () => `${pick(PEOPLE)} ${pick(['denied any wrongdoing', 'rejected the accusations', 'declined to apologise'])} and said the ${pick(NOUNS)} had been ${pick(VERBS)} by ${pick(ORGS)} without notice.`,
  () => `${pick(['Documents seen by this newspaper show', 'Records obtained by reporters suggest', 'Leaked e-mails indicate', 'Bank statements reveal'])} that ${num()} payments were made to ${pick(ORGS)} between ${pick(MONTHS)} and ${pick(MONTHS)}.`,
  (s) => `The ${pick(ADJS)} ${pick(NOUNS)} was, in the words of ${pick(ROLES)}, ${q(s, pick(['the only option left on the table', 'a mistake we will regret', 'better than nothing', 'long overdue']))}.`,
  () => `${pick(['Residents of', 'Fishermen in', 'Shopkeepers in', 'Teachers in'])} ${pick(PLACES)} said they had not been ${pick(['consulted', 'warned', 'told'])} about the ${pick(NOUNS)}, which affects ${pick(THINGS)}.`,
  () => `The ${pick(['vote', 'hearing', 'ruling', 'decision'])} is expected on ${pick(DAYS)}, ${int(1, 28)} ${pick(MONTHS)}, after ${pick(ROLES)} ${pick(VERBS)} an earlier draft.`,
  () => `${cap(pick(ROLES))} ${said()} ${num()} workers at ${pick(ORGS)} had been ${pick(['told to stay home', 'sent on leave', 'laid off', 'moved to other sites'])}.`,
  (s) => `Asked whether ${pick(ORGS)} had known about the ${pick(NOUNS)}, ${pick(PEOPLE)} replied: ${q(s, pick(['Not at the time, no.', 'That is a question for the courts.', 'We knew enough.', 'I cannot say.']))}`,
  () => `Prices for ${pick(THINGS)} rose by ${int(2, 40)} percent in ${pick(PLACES)} last ${pick(['month', 'week', 'quarter'])}, the ${pick(['highest rise', 'sharpest increase', 'biggest jump'])} since ${int(1990, 2020)}.`,
  () => `${pick(PEOPLE)} is due to appear before ${pick(ORGS)} in ${pick(MONTHS)}; the hearing has been ${pick(VERBS)} ${pick(['twice', 'once already', 'three times'])}.`,
  () => `${pick(['Satellite images reviewed by analysts show', 'Ship-tracking data showed', 'Aerial photographs suggest there were', 'Port records list'])} ${int(3, 60)} vessels ${pick(['waiting outside', 'anchored off', 'idling near'])} ${pick(PLACES)} on ${pick(DAYS)}.`,
];

// Repeated word for word within and across articles: the trap for "moved".
const BOILERPLATE = [
  'The ministry did not respond to a request for comment.',
  'Officials declined to comment on the record.',
  'This article has been updated with additional reporting.',
  'The company did not reply to questions sent by e-mail.',
  'Independent verification of the figures was not possible.',
];

function q(s: Style, words: string): string {
  return s.curly ? `\u201C${words}\u201D` : `"${words}"`;
}
function dash(s: Style): string {
  return s.emDash ? '\u2014' : ' - ';
}

// ---------------------------------------------------------------------------------------
// Articles as paragraphs of sentences with ids, so that every edit keeps the ground truth.

interface Sentence {
  id: number;
  text: string;
}
interface Paragraph {
  id: number;
  sentences: Sentence[];
}
interface Doc {
  title: string;
  paragraphs: Paragraph[];
  /** Hard-wrap column (0 = one line per paragraph), as re-extracted PDFs come out. */
  wrap: number;
  /** Separator between sentences: one or two spaces. */
  gap: string;
}

let nextId = 1;
const sentence = (text: string): Sentence => ({ id: nextId++, text });

function makeSentence(style: Style): string {
  return chance(0.08) ? pick(BOILERPLATE) : pick(TEMPLATES)(style);
}

function makeArticle(): Doc {
  const style: Style = { curly: chance(0.5), emDash: chance(0.5) };
  const targetWords = int(400, 1500);
  const paragraphs: Paragraph[] = [];
  let words = 0;
  let first = true;
  while (words < targetWords) {
    const sentences: Sentence[] = [];
    for (let n = int(1, 5); n > 0; n--) {
      let text = makeSentence(style);
      if (first) text = `${cap(pick(PLACES))}, ${pick(MONTHS)} ${int(1, 28)}${dash(style)}${text}`;
      first = false;
      sentences.push(sentence(text));
      words += text.split(' ').length;
    }
    paragraphs.push({ id: nextId++, sentences });
    // A look-alike paragraph: an earlier one again, with one or two words changed.
    if (chance(0.12) && paragraphs.length > 2) {
      const model = pick(paragraphs.slice(0, -1));
      const copy = model.sentences.map((s) => sentence(s.text));
      for (let n = int(1, 2); n > 0; n--) {
        const s = pick(copy);
        s.text = s.text.replace(/\b(Monday|Tuesday|Wednesday|Thursday|Friday|\d+)\b/, (w) => (/\d/.test(w) ? String(Number(w) + int(1, 9)) : pick(DAYS)));
      }
      paragraphs.push({ id: nextId++, sentences: copy });
    }
  }
  paragraphs.push({ id: nextId++, sentences: [sentence(`Reporting by ${pick(REPORTERS)}; editing by ${pick(REPORTERS)}.`)] });
  const title = `${cap(pick(ORGS))} ${pick(VERBS)} ${pick(NOUNS)} in ${pick(PLACES)}`;
  return { title, paragraphs, wrap: chance(0.25) ? int(60, 80) : 0, gap: ' ' };
}

const clone = (d: Doc): Doc => ({ ...d, paragraphs: d.paragraphs.map((p) => ({ id: p.id, sentences: p.sentences.map((s) => ({ ...s })) })) });

/** The text of a document, and where each sentence starts in it. */
function render(d: Doc): { text: string; at: Map<number, number> } {
  const at = new Map<number, number>();
  let text = `${d.title}\n\n`;
  d.paragraphs.forEach((p, pi) => {
    if (pi > 0) text += '\n\n';
    let line = '';
    p.sentences.forEach((s, si) => {
      if (si > 0) line += d.gap;
      at.set(s.id, text.length + line.length);
      line += s.text;
    });
    // Wrapping turns spaces into line breaks one for one, so offsets do not move.
    if (d.wrap > 0) {
      const chars = line.split('');
      let col = 0;
      let lastSpace = -1;
      for (let i = 0; i < chars.length; i++) {
        if (chars[i] === ' ') lastSpace = i;
        if (++col > d.wrap && lastSpace >= 0) {
          chars[lastSpace] = '\n';
          col = i - lastSpace;
          lastSpace = -1;
        }
      }
      line = chars.join('');
    }
    text += line;
  });
  return { text, at };
}

// ---------------------------------------------------------------------------------------
// Passages: one sentence, two sentences, or a clause, 40–300 characters.

interface Passage {
  first: number; // sentence id
  last: number;
  startIn: number; // offset in the first sentence
  endIn: number; // offset in the last sentence
}

function passageSpan(d: Doc, p: Passage): { start: number; end: number } | null {
  const { at } = render(d);
  const a = at.get(p.first);
  const b = at.get(p.last);
  if (a === undefined || b === undefined) return null;
  return { start: a + p.startIn, end: b + p.endIn };
}

function choosePassage(d: Doc): Passage | null {
  for (let attempt = 0; attempt < 20; attempt++) {
    const para = pick(d.paragraphs);
    const i = int(0, para.sentences.length - 1);
    const s = para.sentences[i];
    const r = rand();
    let p: Passage;
    if (r < 0.2 && i + 1 < para.sentences.length) {
      const t = para.sentences[i + 1];
      p = { first: s.id, last: t.id, startIn: 0, endIn: t.text.length };
    } else if (r < 0.4 && s.text.includes(', ')) {
      const comma = s.text.indexOf(', ');
      p = chance(0.5) ? { first: s.id, last: s.id, startIn: 0, endIn: comma } : { first: s.id, last: s.id, startIn: comma + 2, endIn: s.text.length };
    } else {
      p = { first: s.id, last: s.id, startIn: 0, endIn: s.text.length };
    }
    const span = passageSpan(d, p)!;
    const len = span.end - span.start;
    if (len >= 40 && len <= 300) return p;
  }
  return null;
}

function anchorOf(d: Doc, p: Passage): Anchor {
  const { text } = render(d);
  const { start, end } = passageSpan(d, p)!;
  return { start, end, quote: text.slice(start, end), ...quoteContext(text, start, end), ...(SELECTOR_ONLY ? {} : { oldText: text }) };
}

// ---------------------------------------------------------------------------------------
// Edits. Each returns the new document and the truth about the passage in it.

type Truth = { kind: 'same'; passage: Passage } | { kind: 'changed'; passage: Passage } | { kind: 'gone' };
type Edit = (d: Doc, p: Passage) => { doc: Doc; truth: Truth } | null;
/** An edit of the whole text (every passage keeps its words): all excerpts of an article are re-anchored together. */
type WholeEdit = (d: Doc) => Doc;
interface EditKind {
  /** The passage's own words are untouched: it must come back exact/moved at its true place. */
  outside: boolean;
  edit?: Edit;
  whole?: WholeEdit;
}

// Deleting a sentence equal to a neighbour could as well have deleted the neighbour (and
// inserting one next to its twin, inserted it on the other side): such edits have no
// single truth, so the bench does not make them.
function neighbours(d: Doc, pi: number, si: number): (Sentence | undefined)[] {
  const ss = d.paragraphs[pi].sentences;
  const prev = si > 0 ? ss[si - 1] : d.paragraphs[pi - 1]?.sentences.at(-1);
  const next = si + 1 < ss.length ? ss[si + 1] : d.paragraphs[pi + 1]?.sentences[0];
  return [prev, next];
}
function deletionIsAmbiguous(d: Doc, pi: number, si: number): boolean {
  const text = d.paragraphs[pi].sentences[si].text;
  return neighbours(d, pi, si).some((n) => n?.text === text);
}
function insertionIsAmbiguous(d: Doc, pi: number, at: number, text: string): boolean {
  const ss = d.paragraphs[pi].sentences;
  const prev = at > 0 ? ss[at - 1] : d.paragraphs[pi - 1]?.sentences.at(-1);
  const next = at < ss.length ? ss[at] : d.paragraphs[pi + 1]?.sentences[0];
  return prev?.text === text || next?.text === text;
}

function locate(d: Doc, id: number): { pi: number; si: number } {
  for (let pi = 0; pi < d.paragraphs.length; pi++) {
    const si = d.paragraphs[pi].sentences.findIndex((s) => s.id === id);
    if (si >= 0) return { pi, si };
  }
  throw new Error(`sentence ${id} not found`);
}

/** Sentence positions in reading order, with their character distance from the passage. */
function sentencesByDistance(d: Doc, p: Passage): { pi: number; si: number; distance: number }[] {
  const { at } = render(d);
  const span = passageSpan(d, p)!;
  const out: { pi: number; si: number; distance: number }[] = [];
  d.paragraphs.forEach((para, pi) =>
    para.sentences.forEach((s, si) => {
      if (s.id === p.first || s.id === p.last) return;
      const a = at.get(s.id)!;
      const b = a + s.text.length;
      out.push({ pi, si, distance: b <= span.start ? span.start - b : a >= span.end ? a - span.end : 0 });
    }),
  );
  return out;
}

const newSentence = (d: Doc) => sentence(makeSentence({ curly: render(d).text.includes('\u201C'), emDash: chance(0.5) }));

const WORD_RE = /[A-Za-z]{4,}/g;

const EDITS: Record<string, EditKind> = {
  'typo fixed outside': {
    outside: true,
    edit: (d0, p) => {
      const d = clone(d0);
      // Half of the fixes land right next to the passage, inside its 32-character context.
      const near = chance(0.5);
      const pool = sentencesByDistance(d, p).filter((s) => (near ? s.distance <= 40 : s.distance > 40));
      if (!pool.length) return null;
      const target = pick(pool);
      const s = d.paragraphs[target.pi].sentences[target.si];
      const words = [...s.text.matchAll(WORD_RE)];
      if (!words.length) return null;
      const before = render(d).at.get(s.id)! < passageSpan(d, p)!.start;
      const w = near ? (before ? words[words.length - 1] : words[0]) : pick(words);
      const word = w[0];
      const i = int(1, word.length - 2);
      const op = int(0, 2);
      const fixed =
        op === 0 ? word.slice(0, i) + word.slice(i + 1) // a doubled letter removed
        : op === 1 ? word.slice(0, i) + 'e' + word.slice(i) // a missing letter added
        : word.slice(0, i - 1) + word[i] + word[i - 1] + word.slice(i + 1); // swapped letters
      s.text = s.text.slice(0, w.index!) + fixed + s.text.slice(w.index! + word.length);
      return { doc: d, truth: { kind: 'same', passage: p } };
    },
  },
  'sentence inserted near': {
    outside: true,
    edit: (d0, p) => {
      const d = clone(d0);
      const before = chance(0.5);
      const { pi, si } = locate(d, before ? p.first : p.last);
      const added = newSentence(d);
      if (insertionIsAmbiguous(d, pi, before ? si : si + 1, added.text)) return null;
      d.paragraphs[pi].sentences.splice(before ? si : si + 1, 0, added);
      return { doc: d, truth: { kind: 'same', passage: p } };
    },
  },
  'sentence inserted far': {
    outside: true,
    edit: (d0, p) => {
      const d = clone(d0);
      const far = sentencesByDistance(d, p).filter((s) => s.distance > 300);
      if (!far.length) return null;
      const t = pick(far);
      const added = newSentence(d);
      const at = t.si + (chance(0.5) ? 1 : 0);
      if (insertionIsAmbiguous(d, t.pi, at, added.text)) return null;
      d.paragraphs[t.pi].sentences.splice(at, 0, added);
      return { doc: d, truth: { kind: 'same', passage: p } };
    },
  },
  'sentence deleted near': {
    outside: true,
    edit: (d0, p) => {
      const d = clone(d0);
      const near = sentencesByDistance(d, p).filter((s) => s.distance <= 100 && s.distance > 0);
      if (!near.length) return null;
      const t = near.reduce((a, b) => (b.distance < a.distance ? b : a));
      if (deletionIsAmbiguous(d, t.pi, t.si)) return null;
      d.paragraphs[t.pi].sentences.splice(t.si, 1);
      d.paragraphs = d.paragraphs.filter((x) => x.sentences.length);
      return { doc: d, truth: { kind: 'same', passage: p } };
    },
  },
  'sentence deleted far': {
    outside: true,
    edit: (d0, p) => {
      const d = clone(d0);
      const far = sentencesByDistance(d, p).filter((s) => s.distance > 300);
      if (!far.length) return null;
      const t = pick(far);
      if (deletionIsAmbiguous(d, t.pi, t.si)) return null;
      d.paragraphs[t.pi].sentences.splice(t.si, 1);
      d.paragraphs = d.paragraphs.filter((x) => x.sentences.length);
      return { doc: d, truth: { kind: 'same', passage: p } };
    },
  },
  'paragraphs moved': {
    outside: true,
    whole: (d0) => {
      const d = clone(d0);
      for (let n = int(2, 4); n > 0; n--) {
        const [para] = d.paragraphs.splice(int(0, d.paragraphs.length - 2), 1);
        d.paragraphs.splice(int(0, d.paragraphs.length - 1), 0, para);
      }
      return d;
    },
  },
  'whitespace reflow': {
    outside: true,
    whole: (d0) => {
      const d = clone(d0);
      d.wrap = d.wrap > 0 ? (chance(0.5) ? 0 : int(40, 100)) : int(40, 100);
      d.gap = chance(0.5) ? '  ' : ' ';
      return d;
    },
  },
  'quotes straight<->curly': {
    outside: true,
    whole: (d0) => {
      const d = clone(d0);
      for (const para of d.paragraphs) {
        for (const s of para.sentences) {
          s.text = s.text.includes('"')
            ? s.text.replace(/"([^"]*)"/g, '\u201C$1\u201D').replace(/'/g, '\u2019')
            : s.text.replace(/[\u201C\u201D]/g, '"').replace(/\u2019/g, "'").replace(/\u2014/g, '-');
        }
      }
      return d;
    },
  },
  'passage reworded': {
    outside: false,
    edit: (d0, p) => {
      const d = clone(d0);
      const replacements = [...PEOPLE.flatMap((x) => x.split(' ')), ...NOUNS, ...VERBS, ...ADJS, ...DAYS, ...MONTHS, 'officials', 'reportedly', 'several'];
      const n = int(1, 2);
      let done = 0;
      for (let k = 0; k < n; k++) {
        const id = chance(0.5) ? p.first : p.last;
        const s = d.paragraphs[locate(d, id).pi].sentences[locate(d, id).si];
        const lo = id === p.first ? p.startIn : 0;
        const hi = id === p.last ? p.endIn : s.text.length;
        const words = [...s.text.matchAll(/[A-Za-z]{3,}/g)].filter((m) => m.index! >= lo && m.index! + m[0].length <= hi);
        if (!words.length) continue;
        const w = pick(words);
        let r = pick(replacements);
        while (r.toLowerCase() === w[0].toLowerCase()) r = pick(replacements);
        s.text = s.text.slice(0, w.index!) + r + s.text.slice(w.index! + w[0].length);
        const delta = r.length - w[0].length;
        if (id === p.last) p = { ...p, endIn: p.endIn + delta };
        done++;
      }
      // A second replacement can undo the first: then nothing was reworded.
      if (!done || render(d).text === render(d0).text) return null;
      return { doc: d, truth: { kind: 'changed', passage: p } };
    },
  },
  'passage deleted': {
    outside: false,
    edit: (d0, p) => {
      const d = clone(d0);
      for (const id of new Set([p.first, p.last])) {
        const { pi, si } = locate(d, id);
        if (deletionIsAmbiguous(d, pi, si)) return null;
        d.paragraphs[pi].sentences.splice(si, 1);
      }
      d.paragraphs = d.paragraphs.filter((x) => x.sentences.length);
      return { doc: d, truth: { kind: 'gone' } };
    },
  },
};

// ---------------------------------------------------------------------------------------
// Judging.

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  const inter = Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  const union = Math.max(a.end, b.end) - Math.min(a.start, b.start);
  return union > 0 ? inter / union : 0;
}

const foldForJudging = (s: string) => s.replace(/\s+/g, ' ').replace(/[\u201C\u201D]/g, '"').replace(/[\u2018\u2019]/g, "'").replace(/\u2014/g, '-');

/**
 * Whether the old anchor could not be told from another place even before the edit: its
 * quote with both full contexts occurred more than once in the old text. Only the old
 * offsets told the copies apart, and an edit that moves the passage makes them useless.
 */
function inherentlyAmbiguous(anchor: Anchor, oldText: string): boolean {
  const key = foldForJudging(anchor.prefix + anchor.quote + anchor.suffix);
  const f = foldForJudging(oldText);
  const first = f.indexOf(key);
  return first >= 0 && f.indexOf(key, first + 1) >= 0;
}

/** Whether the result sits on an identical copy of the anchor: same words, same full contexts. */
function onIdenticalCopy(anchor: Anchor, r: Reanchored, newText: string): boolean {
  const { prefix, suffix } = quoteContext(newText, r.start, r.end);
  return foldForJudging(prefix + r.quote + suffix) === foldForJudging(anchor.prefix + anchor.quote + anchor.suffix);
}

type Verdict = 'correct' | 'flagged' | 'wrong' | 'indistinguishable';

function judge(r: Reanchored, truth: Truth, newDoc: Doc, anchor: Anchor, ambiguous: boolean): { verdict: Verdict; misplacedFlag: boolean } {
  const newText = render(newDoc).text;
  const silent = r.state === 'exact' || r.state === 'moved';
  if (silent && onIdenticalCopy(anchor, r, newText)) {
    const span = truth.kind === 'gone' ? null : passageSpan(newDoc, truth.passage)!;
    if (!(truth.kind === 'same' && r.start === span!.start && r.end === span!.end)) return { verdict: 'indistinguishable', misplacedFlag: false };
  }
  if (truth.kind === 'gone') return { verdict: silent ? 'wrong' : r.state === 'orphaned' ? 'correct' : 'flagged', misplacedFlag: r.state === 'fuzzy' };
  const span = passageSpan(newDoc, truth.passage)!;
  if (truth.kind === 'changed') {
    if (silent) return { verdict: 'wrong', misplacedFlag: false };
    const at = r.state === 'fuzzy' && overlap(r, span) >= 0.5;
    return { verdict: at ? 'correct' : 'flagged', misplacedFlag: r.state === 'fuzzy' && !at };
  }
  const atTruth = r.start === span.start && r.end === span.end;
  if (silent) return { verdict: atTruth ? 'correct' : 'wrong', misplacedFlag: false };
  return { verdict: ambiguous ? 'correct' : 'flagged', misplacedFlag: r.state === 'fuzzy' && overlap(r, span) < 0.5 };
}

// ---------------------------------------------------------------------------------------
// Run.

const ARTICLES = 200;
const DEBUG = process.env.BENCH_DEBUG;
const PASSAGES_PER_ARTICLE = 5;

interface Row {
  n: number;
  correct: number;
  flagged: number;
  wrong: number;
  indistinguishable: number;
  misplaced: number;
  /** Passages with no twin in the old text, and how many of those were correct. */
  plain: number;
  plainCorrect: number;
  ms: number;
  scores: number[];
  examples: string[];
}

/**
 * Whether a passage has a twin: one of its sentences occurs elsewhere in the article word
 * for word, or with only a number or weekday changed (how look-alike paragraphs are made).
 * For those, a flag is often the only honest answer.
 */
function hasTwin(d: Doc, p: Passage): boolean {
  const norm = (t: string) => t.replace(/\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\d+)\b/g, '#');
  const mine = new Set([p.first, p.last]);
  const texts = new Set([...mine].map((id) => norm(d.paragraphs[locate(d, id).pi].sentences[locate(d, id).si].text)));
  return d.paragraphs.some((para) => para.sentences.some((s) => !mine.has(s.id) && texts.has(norm(s.text))));
}

const isDebugging = (kind: string) => DEBUG !== undefined && (DEBUG === kind || DEBUG === 'all');

function trace(kind: string, anchor: Anchor, r: Reanchored, truth: Truth, oldText: string, newDoc: Doc): void {
  const newText = render(newDoc).text;
  const truthSpan = truth.kind === 'gone' ? null : passageSpan(newDoc, truth.passage);
  console.log(`--- ${kind}: ${r.state} score ${r.score} at ${r.start}-${r.end}; truth ${truthSpan ? `${truthSpan.start}-${truthSpan.end}` : 'gone'}; old ${anchor.start}-${anchor.end}`);
  console.log(`  anchor: ${JSON.stringify({ ...anchor, oldText: undefined })}`);
  console.log(`  old:   ${JSON.stringify(oldText.slice(Math.max(0, anchor.start - 80), anchor.end + 80))}`);
  if (truthSpan) console.log(`  truth: ${JSON.stringify(newText.slice(Math.max(0, truthSpan.start - 80), truthSpan.end + 80))}`);
  console.log(`  got:   ${JSON.stringify(newText.slice(Math.max(0, r.start - 80), r.end + 80))}`);
}

function main(): number {
  const t0 = performance.now();
  const docs = Array.from({ length: ARTICLES }, makeArticle);
  const rows = new Map<string, Row>();
  const rejected: number[] = [];

  for (const [kind, spec] of Object.entries(EDITS)) {
    rand = mulberry32(hash(kind) ^ SEED);
    const row: Row = { n: 0, correct: 0, flagged: 0, wrong: 0, indistinguishable: 0, misplaced: 0, plain: 0, plainCorrect: 0, ms: 0, scores: [], examples: [] };
    rows.set(kind, row);
    for (const doc of docs) {
      const oldText = render(doc).text;
      // The cases of this article: per-passage edits get a text each; a whole-text edit one text for all.
      const cases: { passage: Passage; anchor: Anchor; doc: Doc; truth: Truth }[] = [];
      const passages: Passage[] = [];
      for (let k = 0; k < PASSAGES_PER_ARTICLE; k++) {
        const passage = choosePassage(doc);
        if (passage) passages.push(passage);
      }
      const wholeDoc = spec.whole ? spec.whole(doc) : null;
      for (const passage of passages) {
        const edited = wholeDoc ? { doc: wholeDoc, truth: { kind: 'same', passage } as Truth } : spec.edit!(doc, passage);
        if (edited) cases.push({ passage, anchor: anchorOf(doc, passage), ...edited });
      }
      const groups = wholeDoc ? [cases] : cases.map((c) => [c]);
      for (const group of groups) {
        if (!group.length) continue;
        const newText = render(group[0].doc).text;
        const anchors = group.map((c) => c.anchor);
        const t = performance.now();
        const results = reanchorAll(anchors, newText);
        row.ms += performance.now() - t;
        group.forEach((c, i) => {
          const r = results[i];
          const { verdict, misplacedFlag } = judge(r, c.truth, c.doc, c.anchor, inherentlyAmbiguous(c.anchor, oldText));
          const twin = hasTwin(doc, c.passage);
          row.n++;
          if (!twin) row.plain++;
          if (verdict === 'correct') {
            row.correct++;
            if (!twin) row.plainCorrect++;
          }
          if (verdict === 'indistinguishable') row.indistinguishable++;
          if (r.state === 'fuzzy' || r.state === 'orphaned') row.flagged++;
          if (misplacedFlag) row.misplaced++;
          if (verdict === 'wrong') {
            row.wrong++;
            if (row.examples.length < 3) row.examples.push(`${r.state} ${JSON.stringify(c.anchor.quote)} -> ${JSON.stringify(r.quote)}`);
          }
          if (isDebugging(kind) && verdict === (process.env.BENCH_DEBUG_VERDICT ?? 'wrong')) trace(kind, c.anchor, r, c.truth, oldText, c.doc);
          if (r.state === 'fuzzy') row.scores.push(r.score!);
          if (r.state === 'orphaned' && r.score !== null && c.truth.kind === 'gone') rejected.push(r.score);
        });
      }
    }
  }

  const pct = (a: number, n: number) => (n ? `${((100 * a) / n).toFixed(1)}%` : '-');
  const pad = (x: string | number, w: number) => String(x).padStart(w);
  console.log(`\nRe-anchoring bench (seed ${SEED}): ${ARTICLES} synthetic articles, up to ${PASSAGES_PER_ARTICLE} passages each per edit kind; min fuzzy score ${DEFAULT_MIN_FUZZY_SCORE}; ${SELECTOR_ONLY ? 'selectors alone (no old text)' : 'anchors know the text they were made on'}\n`);
  console.log(
    `${'edit kind'.padEnd(24)}${pad('N', 6)}${pad('correct', 9)}${pad('no twin', 14)}${pad('flagged', 9)}${pad('wrong', 7)}${pad('indist.', 9)}${pad('fuzzy@else', 12)}${pad('µs/excerpt', 12)}   target`,
  );
  let totalWrong = 0;
  let missed = false;
  for (const [kind, row] of rows) {
    const outside = EDITS[kind].outside;
    const ok = row.wrong === 0 && (outside ? row.plainCorrect >= 0.99 * row.plain : row.flagged === row.n);
    if (!ok) missed = true;
    totalWrong += row.wrong;
    console.log(
      `${kind.padEnd(24)}${pad(row.n, 6)}${pad(pct(row.correct, row.n), 9)}${pad(`${pct(row.plainCorrect, row.plain)} (${row.plain})`, 14)}${pad(pct(row.flagged, row.n), 9)}${pad(row.wrong, 7)}${pad(row.indistinguishable, 9)}${pad(row.misplaced, 12)}${pad(((1000 * row.ms) / Math.max(1, row.n)).toFixed(0), 12)}   ${outside ? '0 wrong, ≥99% correct w/o twin' : '0 wrong, 100% flagged'} ${ok ? 'ok' : 'MISSED'}`,
    );
    for (const e of row.examples) console.log(`    wrong: ${e}`);
  }
  const q = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))].toFixed(2) : '-');
  const reworded = rows.get('passage reworded')!.scores;
  const deletedFuzzy = rows.get('passage deleted')!.scores;
  console.log(`\nFuzzy scores of reworded passages: min ${q(reworded, 0)}  p10 ${q(reworded, 0.1)}  median ${q(reworded, 0.5)}  max ${q(reworded, 1)}`);
  console.log(`Deleted passages: fuzzy (a look-alike offered, flagged) n=${deletedFuzzy.length} median ${q(deletedFuzzy, 0.5)}; orphaned, best rejected score median ${q(rejected, 0.5)} p90 ${q(rejected, 0.9)} max ${q(rejected, 1)}`);
  console.log(`
Definitions
  correct    edit outside the passage: exact/moved at its true new offsets (a flag also counts when the
             old anchor was ambiguous: its quote with both 32-character contexts occurred twice);
             passage reworded (1-2 words): fuzzy overlapping the true new span by >= 50% (IoU);
             passage deleted: orphaned.
  no twin    the same, over passages none of whose sentences occurs elsewhere in the article word for
             word or with only a number/weekday changed (boilerplate, look-alike paragraphs); the
             number of such passages in brackets. With a twin, a flag is often the right answer.
  flagged    fuzzy or orphaned: the analyst is asked.
  wrong      silently wrong (gates the exit code): exact/moved anywhere but the true new offsets, or
             exact/moved for a passage whose words changed or that was deleted.
  indist.    exact/moved onto a place where the anchor's whole selector (quote and both 32-character
             contexts) matches exactly, but not the true one: no text-quote selector can tell them
             apart; not counted as wrong, listed so it is seen.
  fuzzy@else flagged as fuzzy but pointing away from the true place (not silent).
  whole-text edits (paragraphs moved, reflow, quotes) re-anchor all passages of an article together
  (reanchorAll), as the app does; the others re-anchor one passage per edited text.`);

  console.log(`\n${performanceRun()}`);
  console.log(`\nTotal bench time ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  if (totalWrong > 0) {
    console.error(`\nFAIL: ${totalWrong} excerpt(s) silently attached to the wrong passage.`);
    return 1;
  }
  if (missed) console.log('\nNote: a correctness target was missed (only silent errors fail the run).');
  return 0;
}

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** A 2 MB text with 500 excerpts: unchanged, then with 200 sentences inserted and reflowed. */
function performanceRun(): string {
  rand = mulberry32(7);
  const docs: Doc[] = [];
  let size = 0;
  while (size < 2_000_000) {
    const d = makeArticle();
    docs.push(d);
    size += render(d).text.length + 2;
  }
  const book: Doc = { title: 'Collected articles', paragraphs: docs.flatMap((d) => d.paragraphs), wrap: 0, gap: ' ' };
  const oldText = render(book).text;
  const passages: Passage[] = [];
  while (passages.length < 500) {
    const p = choosePassage(book);
    if (p) passages.push(p);
  }
  const anchors = passages.map((p) => anchorOf(book, p));
  const time = (text: string) => {
    const t = performance.now();
    const results = reanchorAll(anchors, text);
    return { ms: performance.now() - t, results };
  };
  const same = time(oldText);
  const edited = clone(book);
  for (let n = 0; n < 200; n++) {
    const para = pick(edited.paragraphs);
    para.sentences.splice(int(0, para.sentences.length), 0, newSentence(edited));
  }
  edited.wrap = 72;
  const changed = time(render(edited).text);
  const states = (rs: Reanchored[]) => {
    const c: Record<string, number> = {};
    for (const r of rs) c[r.state] = (c[r.state] ?? 0) + 1;
    return JSON.stringify(c);
  };
  return [
    `Scale: ${(oldText.length / 1e6).toFixed(2)} MB text, ${anchors.length} excerpts (target: well under a few seconds)`,
    `  unchanged text:                          ${same.ms.toFixed(0)} ms  ${states(same.results)}`,
    `  200 sentences inserted + re-wrapped:     ${changed.ms.toFixed(0)} ms  ${states(changed.results)}`,
  ].join('\n');
}

process.exitCode = main();
