import { describe, expect, it } from 'vitest';
import { fuzzyScore } from '../../../common/fuzzy';

describe('fuzzy matching of commands', () => {
  it('matches the query as a subsequence, ignoring case and spaces', () => {
    expect(fuzzyScore('tog side', 'View: Toggle Sidebar')).not.toBeNull();
    expect(fuzzyScore('TGSB', 'View: Toggle Sidebar')).not.toBeNull();
    expect(fuzzyScore('sidebar toggle', 'View: Toggle Sidebar')).toBeNull(); // order matters
    expect(fuzzyScore('pdfx', 'Export: Export Brief as PDF…')).toBeNull();
    expect(fuzzyScore('', 'anything')).toBe(0);
  });

  it('ranks runs and word starts above scattered letters', () => {
    const exp = fuzzyScore('exp', 'Export: Export Brief as PDF…')!;
    const scattered = fuzzyScore('exp', 'Edit: Find in Workspace… (examples)')!;
    expect(exp).toBeGreaterThan(scattered);
    expect(fuzzyScore('search', 'View: Search')!).toBeGreaterThan(fuzzyScore('search', 'Edit: Find in Workspace… search')!);
  });
});
