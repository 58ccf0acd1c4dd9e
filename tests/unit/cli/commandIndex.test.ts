import { describe, expect, it } from 'vitest';
import { FEATURES } from '../../../electron/cli/commandIndex';

describe('the command index', () => {
  it('names every command by the first word of the feature file that defines it, and no word twice', async () => {
    const words = Object.values(FEATURES).flatMap((f) => f.words);
    expect(new Set(words).size).toBe(words.length);
    for (const [name, feature] of Object.entries(FEATURES)) {
      const firstWords = new Set((await feature.load()).map((c) => c.name.split(' ')[0]));
      expect([...firstWords].sort(), name).toEqual([...feature.words].sort());
    }
  });
});
