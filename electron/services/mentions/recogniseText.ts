// Offline named-entity recognition of one text (compromise), on bounded chunks: its
// memory grows faster than the text, so a 31 MB text recognised whole exhausted the
// process. Chunks end at a paragraph (else a line, else a sentence) break, so a name is
// never cut in two.
import nlp from 'compromise';
import type { EntityType } from '../../../common/glossary';

export interface Found {
  name: string;
  type: EntityType;
  offset: number;
}

/**
 * Who recognised the names: compromise's version and the version of the filtering below.
 * Stored results of another recogniser are not used (bump the suffix when the filter changes).
 */
export const RECOGNISER = `compromise ${(nlp as unknown as { version?: string }).version ?? '?'}/1`;

export const CHUNK_CHARS = 20_000;

/** [start, end) pieces of `text` of at most about CHUNK_CHARS, cut at the best break in their last quarter. */
export function chunksOf(text: string, size = CHUNK_CHARS): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    if (end < text.length) {
      const from = start + Math.floor(size * 0.75);
      const window = text.slice(from, end);
      // After the break: a chunk ends with its paragraph's blank line, its line's newline, its sentence's full stop.
      const cut = ['\n\n', '\n', '. '].map((sep) => ({ at: window.lastIndexOf(sep), keep: sep === '. ' ? 1 : sep.length })).find((c) => c.at >= 0);
      if (cut) end = from + cut.at + cut.keep;
    }
    out.push([start, end]);
    start = end;
  }
  return out;
}

function recogniseChunk(text: string, base: number, found: Found[]): void {
  const doc = nlp(text);
  const collect = (view: { json(options: object): unknown }, type: EntityType) => {
    for (const m of view.json({ offset: true, text: true }) as { text: string; offset: { start: number } }[]) {
      const name = m.text.replace(/[\s.,;:!?)"'”’]+$/u, '').replace(/^[("'“‘]+/u, '').replace(/[’']s$/u, '').trim();
      if (name.length < 3 || !/\p{Lu}/u.test(name[0]) || name.split(/\s+/).length > 6) continue;
      found.push({ name, type, offset: base + m.offset.start });
    }
  };
  collect(doc.people(), 'person');
  collect(doc.organizations(), 'organization');
  collect(doc.places(), 'location');
}

/** The people, organizations and places named in `text`, with their offsets. */
export function recogniseText(text: string): Found[] {
  const found: Found[] = [];
  for (const [start, end] of chunksOf(text)) recogniseChunk(text.slice(start, end), start, found);
  return found;
}
