import { randomFillSync } from 'node:crypto';

// Public ids are short, typed by prefix, and random, so two workspaces never collide
// when their content is merged or shared (the PostgreSQL plan in DESIGN.md).
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

export type IdKind = 'src' | 'exc' | 'ent' | 'brf' | 'rel' | 'sch';

const ID_LENGTH = 10;
// Random bytes drawn from the system a few kilobytes at a time: a call to the system's
// generator per id cost more than the rest of making it (an import makes one per file).
const pool = Buffer.alloc(4096);
let used = pool.length;

export function newId(kind: IdKind): string {
  if (used + ID_LENGTH > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  let out = '';
  for (let i = used; i < used + ID_LENGTH; i++) out += ALPHABET[pool[i] & 31];
  used += ID_LENGTH;
  return `${kind}_${out}`;
}

export function nowIso(): string {
  return new Date().toISOString();
}
