// Dates written in a passage, offered as event-date suggestions: "12 March 2024",
// "March 12, 2024", "2024-03-12", "March 2024", and bare years ("in 2019").
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = `(${MONTHS.join('|')}|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\\.?`;
const monthNumber = (name: string) => MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().replace('.', '').slice(0, 3))) + 1;
const pad = (n: number) => String(n).padStart(2, '0');

function valid(y: number, m?: number, d?: number): boolean {
  if (y < 1000 || y > 2999) return false;
  if (m !== undefined && (m < 1 || m > 12)) return false;
  if (d !== undefined && m !== undefined && (d < 1 || d > new Date(Date.UTC(y, m, 0)).getUTCDate())) return false;
  return true;
}

/** Dates found in `text`, most precise first, without duplicates. */
export function datesIn(text: string): string[] {
  const found: { date: string; at: number }[] = [];
  const taken: [number, number][] = [];
  const add = (date: string, at: number, len: number) => {
    if (taken.some(([s, e]) => at < e && at + len > s)) return;
    taken.push([at, at + len]);
    found.push({ date, at });
  };
  const scan = (re: RegExp, make: (m: RegExpExecArray) => string | null) => {
    for (const m of text.matchAll(re)) {
      const d = make(m as RegExpExecArray);
      if (d) add(d, m.index!, m[0].length);
    }
  };
  scan(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (m) => (valid(+m[1], +m[2], +m[3]) ? `${m[1]}-${m[2]}-${m[3]}` : null));
  scan(new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\s+(\\d{4})\\b`, 'gi'), (m) => {
    const mo = monthNumber(m[2]);
    return valid(+m[3], mo, +m[1]) ? `${m[3]}-${pad(mo)}-${pad(+m[1])}` : null;
  });
  scan(new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'gi'), (m) => {
    const mo = monthNumber(m[1]);
    return valid(+m[3], mo, +m[2]) ? `${m[3]}-${pad(mo)}-${pad(+m[2])}` : null;
  });
  scan(new RegExp(`\\b${MONTH}\\s+(\\d{4})\\b`, 'gi'), (m) => {
    const mo = monthNumber(m[1]);
    return valid(+m[2], mo) ? `${m[2]}-${pad(mo)}` : null;
  });
  scan(/\b(1[89]\d\d|20\d\d)\b/g, (m) => (valid(+m[1]) ? m[1] : null));
  const seen = new Set<string>();
  return found
    .sort((a, b) => b.date.length - a.date.length || a.at - b.at)
    .map((f) => f.date)
    .filter((d) => !seen.has(d) && seen.add(d));
}

/** The sentence around [start, end): from the previous sentence end (or paragraph start) to the next. */
export function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  while (s > 0) {
    const prev = text[s - 1];
    if (prev === '\n') break;
    if (/\s/.test(prev) && /[.!?]["'”’)]*$/.test(text.slice(Math.max(0, s - 4), s - 1))) break;
    s--;
  }
  let e = end;
  while (e < text.length && text[e] !== '\n') {
    if (/[.!?]/.test(text[e]) && (e + 1 >= text.length || /[\s"'”’)]/.test(text[e + 1]))) {
      e++;
      while (e < text.length && /["'”’)]/.test(text[e])) e++;
      break;
    }
    e++;
  }
  return { start: s, end: e };
}
