// Which feature file holds a command, by the command's first word, so the command line
// loads only the feature that was named. tests/unit/cli/commandIndex.test.ts checks this
// table against the commands the files define.
import type { Command } from './args';

export const FEATURES = {
  sources: { words: ['import', 'sources', 'source'], load: async () => (await import('./commands/sources')).sourcesCommands },
  excerpts: { words: ['excerpt', 'excerpts', 'search'], load: async () => (await import('./commands/excerpts')).excerptsCommands },
  entities: {
    words: ['entity', 'entities', 'mentions', 'suggestions', 'cooccurrence', 'relation', 'timeline'],
    load: async () => (await import('./commands/entities')).entitiesCommands,
  },
  briefs: { words: ['brief', 'briefs', 'check', 'export'], load: async () => (await import('./commands/briefs')).briefsCommands },
  trash: { words: ['trash'], load: async () => (await import('./commands/trash')).trashCommands },
  workspace: { words: ['backup', 'backups', 'restore', 'merge', 'package', 'verify'], load: async () => (await import('./commands/workspace')).workspaceCommands },
} satisfies Record<string, { words: string[]; load: () => Promise<readonly Command[]> }>;

/** The commands of the feature a command's first word belongs to (none for an unknown word). */
export async function loadFeatureOf(word: string): Promise<readonly Command[]> {
  const feature = Object.values(FEATURES).find((f) => f.words.includes(word));
  return feature ? feature.load() : [];
}
