import { randomBytes } from 'node:crypto';

// Public ids are short, typed by prefix, and random, so two workspaces never collide
// when their content is merged or shared (the PostgreSQL plan in DESIGN.md).
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

export type IdKind = 'src' | 'exc' | 'ent' | 'brf' | 'rel';

export function newId(kind: IdKind): string {
  const bytes = randomBytes(10);
  let out = '';
  for (const b of bytes) out += ALPHABET[b & 31];
  return `${kind}_${out}`;
}

export function nowIso(): string {
  return new Date().toISOString();
}
