// When does typing open the entity picker? An `@` at the start, after whitespace or an
// opening bracket (not inside an e-mail address), then part of a name. Pure; unit-tested
// in tests/unit/renderer/mentionTrigger.test.ts.
import { matchTrigger, type TriggerMatch } from '../typeaheadTrigger';

export const MAX_MENTION_QUERY = 40;

// Name characters: letters, digits, marks, and the joiners names use (. ' ’ - &).
const TRIGGER = new RegExp(`(?:^|[\\s(\\[“"])(@([\\p{L}\\p{N}\\p{M} .'’&-]{0,${MAX_MENTION_QUERY}}))$`, 'u');

/** `@` and the part of a name typed after it; `@query` is what the inserted mention replaces. */
export function matchMentionTrigger(textBeforeCaret: string): TriggerMatch | null {
  return matchTrigger(TRIGGER, textBeforeCaret);
}

/** Entities whose name or an alias contains every word of the query; name-prefix matches first. */
export function rankEntities<T extends { name: string; aliases: readonly string[] }>(entities: readonly T[], query: string, limit = 8): T[] {
  const q = query.trim().toLowerCase();
  if (!q) return entities.slice(0, limit);
  const words = q.split(/\s+/);
  const scored: { entity: T; score: number }[] = [];
  for (const entity of entities) {
    const names = [entity.name, ...entity.aliases].map((n) => n.toLowerCase());
    if (!names.some((n) => words.every((w) => n.includes(w)))) continue;
    const score = names[0].startsWith(q) ? 0 : names.some((n) => n.startsWith(q)) ? 1 : names.some((n) => n.split(/\s+/).some((part) => part.startsWith(words[0]))) ? 2 : 3;
    scored.push({ entity, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.entity.name.localeCompare(b.entity.name))
    .slice(0, limit)
    .map((s) => s.entity);
}
