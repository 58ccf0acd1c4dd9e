// The multilingual part of bench:search (issue #14): a generated corpus of Chinese,
// Japanese, Arabic, Persian and Russian articles, written from the team's own word lists,
// imported through the app's importer; then the recall of a fixed set of queries, each
// against what the generator knows it put in each article:
//   - two-character Chinese and Japanese words, inside running text without spaces;
//   - Arabic words typed bare and typed with harakat, in articles that write them with
//     and without harakat and tatweel, and in Persian letter forms (ی ک ه);
//   - Russian names typed in Latin letters (BGN/PCGN), written in Cyrillic, half of them
//     in another case (genitive, dative, instrumental: Russian stemming finds those).
// Target: 100% of each. Also the p50 time of those queries.
import { performance } from 'node:perf_hooks';
import { openWorkspace } from '../../db/workspace';
import { search } from '../../electron/services/search';
import { bigWorkspace, type GeneratedFile } from './bigWorkspace';
import { prng } from './corpus';

const CJK_WORDS = ['外交', '制裁', '谈判', '石油', '出口', '港口', '海关', '船只', '货物', '记者', '部长', '政府', '经济', '安全', '会议', '协议', '边境', '军队', '银行', '能源'];
const JAPANESE_WORDS = ['東京', '交渉', '輸出', '港湾', '税関', '貨物', '会談', '首相'];
const CJK_FILLER = ['的', '在', '了', '和', '是', '表示', '今天', '已经', '继续', '方面', '进行', '问题', '发展', '国家', '人民'];
const JAPANESE_FILLER = ['は', 'が', 'を', 'に', 'で', 'と', 'した', 'です', 'ます', 'について', 'ため', 'こと'];

/** Arabic words, bare; the generator writes them with random harakat, tatweel and Persian letter forms. */
const ARABIC_WORDS = ['العقوبات', 'المحادثات', 'الوزير', 'الحكومة', 'النفط', 'الميناء', 'السفينة', 'الجمارك', 'المدينة', 'الاتفاق', 'الطاقة', 'الحدود', 'مدرسة', 'كبير', 'الرئيس', 'الشركة'];
/** The same words as a person might type them with their vowels. */
const ARABIC_VOWELLED: Record<string, string> = {
  العقوبات: 'العُقُوبَات',
  المحادثات: 'المُحَادَثَات',
  الوزير: 'الوَزِير',
  الحكومة: 'الحُكُومَة',
  النفط: 'النِّفْط',
  الميناء: 'المِينَاء',
  السفينة: 'السَّفِينَة',
  الجمارك: 'الجَمَارِك',
  المدينة: 'المَدِينَة',
  الاتفاق: 'الاتِّفَاق',
  الطاقة: 'الطَّاقَة',
  الحدود: 'الحُدُود',
  مدرسة: 'مَدْرَسَة',
  كبير: 'كَبِير',
  الرئيس: 'الرَّئِيس',
  الشركة: 'الشَّرِكَة',
};
const ARABIC_FILLER = ['في', 'من', 'على', 'أن', 'مع', 'قال', 'هذا', 'بعد', 'عن', 'حتى', 'اليوم', 'أيضا'];
const HARAKAT = ['\u064E', '\u064F', '\u0650', '\u0652', '\u0651'];

/** Russian names in Cyrillic and as the press writes them in Latin letters. */
const RUSSIAN_NAMES: [string, string][] = [
  ['Патрушев', 'Patrushev'],
  ['Лавров', 'Lavrov'],
  ['Шойгу', 'Shoygu'],
  ['Медведев', 'Medvedev'],
  ['Песков', 'Peskov'],
  ['Набиуллина', 'Nabiullina'],
  ['Захарова', 'Zakharova'],
  ['Нарышкин', 'Naryshkin'],
  ['Бортников', 'Bortnikov'],
  ['Кириенко', 'Kiriyenko'],
  ['Володин', 'Volodin'],
  ['Мишустин', 'Mishustin'],
  ['Собянин', 'Sobyanin'],
  ['Силуанов', 'Siluanov'],
  ['Дегтярёв', 'Degtyarev'],
  ['Николай', 'Nikolai'],
];
const RUSSIAN_FILLER = ['заявил', 'что', 'санкции', 'останутся', 'в', 'силе', 'министр', 'переговоры', 'порт', 'груз', 'по', 'словам', 'на', 'встрече', 'года'];

interface Article {
  file: GeneratedFile;
  /** The query words it holds, as the generator put them in. */
  words: Set<string>;
}

const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];

function cjkArticle(rand: () => number, i: number, japanese: boolean): Article {
  const words = new Set<string>();
  let text = '';
  for (let s = 0; s < 12; s++) {
    for (let w = 0; w < 6; w++) {
      if (rand() < 0.3) {
        const word = pick(rand, japanese ? JAPANESE_WORDS : CJK_WORDS);
        words.add(word);
        text += word;
      } else text += pick(rand, japanese ? JAPANESE_FILLER : CJK_FILLER);
    }
    text += rand() < 0.5 ? '，' : '。';
  }
  return { file: { name: `${japanese ? 'ja' : 'zh'}-${i}.txt`, bytes: Buffer.from(text) }, words };
}

/** An Arabic word as an article might write it: harakat here and there, a tatweel, Persian letter forms. */
function writtenArabic(rand: () => number, word: string, persian: boolean): string {
  let out = '';
  for (const ch of word) {
    let c = persian ? (({ ي: 'ی', ك: 'ک', ة: 'ه' }) as Record<string, string>)[ch] ?? ch : ch;
    if (rand() < 0.25) c += pick(rand, HARAKAT);
    if (rand() < 0.05 && ch !== 'ا' && ch !== 'ة') c += '\u0640';
    out += c;
  }
  return out;
}

function arabicArticle(rand: () => number, i: number): Article {
  const persian = i % 3 === 0;
  const words = new Set<string>();
  const parts: string[] = [];
  for (let w = 0; w < 80; w++) {
    if (rand() < 0.2) {
      const word = pick(rand, ARABIC_WORDS);
      words.add(word);
      parts.push(writtenArabic(rand, word, persian));
    } else parts.push(pick(rand, ARABIC_FILLER));
  }
  return { file: { name: `ar-${i}.txt`, bytes: Buffer.from(`${parts.join(' ')}.`) }, words };
}

/** A Russian surname in the genitive, dative or instrumental ("Патрушев" → "Патрушева"); Шойгу does not decline. */
function declension(name: string, rand: () => number): string {
  if (name.endsWith('а')) return name.slice(0, -1) + pick(rand, ['ой', 'у']);
  if (/[вн]$/.test(name)) return name + pick(rand, ['а', 'у', 'ым']);
  return name;
}

function russianArticle(rand: () => number, i: number): Article {
  const words = new Set<string>();
  const parts: string[] = [];
  for (let w = 0; w < 80; w++) {
    if (rand() < 0.1) {
      const [cyrillic, latin] = pick(rand, RUSSIAN_NAMES);
      // Half the time in another case ("Патрушева", "Захаровой"): found by Russian stemming.
      const declined = rand() < 0.5 ? declension(cyrillic, rand) : cyrillic;
      words.add(declined === cyrillic ? latin : `${latin} declined`);
      parts.push(declined);
    } else parts.push(pick(rand, RUSSIAN_FILLER));
  }
  return { file: { name: `ru-${i}.txt`, bytes: Buffer.from(`${parts.join(' ')}.`) }, words };
}

/** The corpus: `perScript` articles in each of Chinese, Japanese, Arabic/Persian and Russian. */
export function multilingualArticles(perScript: number): Article[] {
  const rand = prng(1414);
  const out: Article[] = [];
  for (let i = 0; i < perScript; i++) out.push(cjkArticle(rand, i, false), cjkArticle(rand, i, true), arabicArticle(rand, i), russianArticle(rand, i));
  return out;
}

interface Check {
  group: string;
  /** What the person types. */
  input: string;
  /** The word the generator recorded. */
  word: string;
}

const CHECKS: Check[] = [
  ...CJK_WORDS.map((w) => ({ group: 'Chinese two-character words', input: w, word: w })),
  ...JAPANESE_WORDS.map((w) => ({ group: 'Japanese two-character words', input: w, word: w })),
  ...ARABIC_WORDS.map((w) => ({ group: 'Arabic words typed bare', input: w, word: w })),
  ...ARABIC_WORDS.map((w) => ({ group: 'Arabic words typed with harakat', input: ARABIC_VOWELLED[w], word: w })),
  ...RUSSIAN_NAMES.map(([, latin]) => ({ group: 'Russian names typed in Latin', input: latin, word: latin })),
  ...RUSSIAN_NAMES.map(([, latin]) => ({ group: 'Russian names in another case, typed in Latin', input: latin, word: `${latin} declined` })),
];

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

/** Imports the corpus (cached like the others) and prints the recall of each group. */
export async function multilingualRecall(perScript: number): Promise<void> {
  const articles = multilingualArticles(perScript);
  const { path } = await bigWorkspace('multilingual', articles.map((a) => a.file));
  const db = openWorkspace(path);
  const idByName = new Map((db.prepare(`SELECT original_name, id FROM sources`).raw().all() as [string, string][]).map(([name, id]) => [name, id]));
  const groups = new Map<string, { expected: number; found: number; missed: string[]; ms: number[] }>();
  for (const c of CHECKS) {
    const expected = new Set(articles.filter((a) => a.words.has(c.word)).map((a) => idByName.get(a.file.name)!));
    const t0 = performance.now();
    const hits = search(db, c.input, { limit: articles.length });
    const ms = performance.now() - t0;
    const found = new Set(hits.filter((h) => h.kind === 'source').map((h) => h.id));
    const g = groups.get(c.group) ?? { expected: 0, found: 0, missed: [], ms: [] };
    const got = [...expected].filter((id) => found.has(id)).length;
    g.expected += expected.size;
    g.found += got;
    g.ms.push(ms);
    if (got < expected.size) g.missed.push(`${c.input} (${expected.size - got} of ${expected.size})`);
    groups.set(c.group, g);
  }
  console.log(`\nbench:search — multilingual: ${articles.length.toLocaleString('en')} generated articles (Chinese, Japanese, Arabic/Persian, Russian); recall of a fixed set of queries`);
  console.log(`${'group'.padEnd(34)} ${'queries'.padStart(7)} ${'expected'.padStart(9)} ${'found'.padStart(7)} ${'recall'.padStart(8)} ${'p50 ms'.padStart(7)}`);
  let all = 0;
  let hit = 0;
  for (const [group, g] of groups) {
    all += g.expected;
    hit += g.found;
    console.log(
      `${group.padEnd(34)} ${String(g.ms.length).padStart(7)} ${String(g.expected).padStart(9)} ${String(g.found).padStart(7)} ${`${((100 * g.found) / g.expected).toFixed(1)}%`.padStart(8)} ${percentile(g.ms, 50).toFixed(2).padStart(7)}${g.missed.length ? `   missed: ${g.missed.join(', ')}` : ''}`,
    );
  }
  console.log(`recall ${((100 * hit) / all).toFixed(1)}% (${hit} of ${all})   target 100%`);
  db.close();
}
