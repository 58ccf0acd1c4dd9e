// A deterministic, generated corpus of news-like articles for benchmarks: the same
// seed gives the same articles on every machine, and nothing is read from outside.

export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    // mulberry32
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ['Ilse Varga', 'Tomas Brenner', 'Amara Okoye', 'Yusuf Demir', 'Lena Holm', 'Rafael Ortiz', 'Mei Tan', 'Oleksandr Kovalenko', 'Nadia Rahman', 'Pieter de Vries'];
const ORGS = ['Meridian Stevedoring', 'the harbour board', 'Northgate Logistics', 'the customs service', 'Baltic Quay', 'the port authority', 'Halvard Maritime', 'the finance ministry'];
const PLACES = ['Kestrava', 'the East Terminal', 'Sandmere', 'the free zone', 'Port Alder', 'the northern corridor'];
const VERBS = ['said', 'confirmed', 'denied', 'reported', 'warned', 'disclosed', 'announced', 'suggested'];
const OBJECTS = ['the concession', 'the shipment', 'the tender', 'an inspection backlog', 'the new cranes', 'a change of ownership', 'the screening schedule', 'a customs seizure'];
const TAILS = ['on Tuesday', 'in a statement', 'according to filings', 'after months of dispute', 'without giving details', 'at a press conference', 'in a letter to the council', 'despite objections'];

export interface Article {
  title: string;
  paragraphs: string[];
  author: string;
  publisher: string;
  date: string;
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)];
}

export function sentence(rand: () => number): string {
  const s = `${pick(rand, [...NAMES, ...ORGS])} ${pick(rand, VERBS)} that ${pick(rand, ORGS)} had ${pick(rand, ['approved', 'delayed', 'blocked', 'reviewed', 'financed'])} ${pick(rand, OBJECTS)} in ${pick(rand, PLACES)} ${pick(rand, TAILS)}`;
  const n = Math.floor(rand() * 9000) + 100;
  return `${s[0].toUpperCase()}${s.slice(1)}, with ${n} containers involved.`;
}

export function article(rand: () => number, i: number, words = 750): Article {
  const paragraphs: string[] = [];
  let count = 0;
  while (count < words) {
    const p = Array.from({ length: 2 + Math.floor(rand() * 4) }, () => sentence(rand)).join(' ');
    paragraphs.push(p);
    count += p.split(' ').length;
  }
  return {
    title: `${pick(rand, ORGS).replace(/^the /, 'The ')} and ${pick(rand, OBJECTS)}: report ${i}`,
    paragraphs,
    author: pick(rand, NAMES),
    publisher: pick(rand, ['Coastal Ledger', 'Northline Freight Review', 'Harbour Watch', 'The Kestrava Post']),
    date: `2026-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`,
  };
}

export function asText(a: Article): string {
  return `${a.title}\n\n${a.paragraphs.join('\n\n')}\n`;
}

export function asMarkdown(a: Article): string {
  return `---\ntitle: ${a.title}\nauthor: ${a.author}\npublisher: ${a.publisher}\ndate: ${a.date}\n---\n\n# ${a.title}\n\n${a.paragraphs.join('\n\n')}\n`;
}

export function asHtml(a: Article, i: number): string {
  const related = Array.from({ length: 8 }, (_, k) => `<li><a href="/story/${i}-${k}">Related story ${k}</a></li>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${a.title} | ${a.publisher}</title>
<meta name="author" content="${a.author}"><meta property="og:site_name" content="${a.publisher}">
<meta property="article:published_time" content="${a.date}T08:00:00Z"><link rel="canonical" href="https://news.example/${i}">
<script>var tracking = {id: ${i}};</script><style>body{font-family:serif}</style></head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav></header>
<div class="cookie-banner">We use cookies. <button>Accept</button></div>
<main><article><h1>${a.title}</h1><p class="byline">By ${a.author}</p>
${a.paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</article><aside><h2>Related</h2><ul>${related}</ul></aside></main>
<footer><p>© ${a.publisher}. All rights reserved.</p></footer></body></html>`;
}
