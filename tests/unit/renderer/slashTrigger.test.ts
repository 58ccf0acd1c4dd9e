import { describe, expect, test } from 'vitest';
import { filterSlashItems, MAX_SLASH_QUERY, matchSlashTrigger } from '../../../renderer/src/editor/plugins/SlashMenuPlugin/slashTrigger';

describe('the / slash-menu trigger', () => {
  test('opens on / at the start of the text, with an empty query', () => {
    expect(matchSlashTrigger('/')).toEqual({ leadOffset: 0, matchingString: '', replaceableString: '/' });
  });

  test('opens on / after a space, and reports the query and what to replace', () => {
    expect(matchSlashTrigger('Findings /head')).toEqual({ leadOffset: 9, matchingString: 'head', replaceableString: '/head' });
    const text = 'a line /bullet list';
    const match = matchSlashTrigger(text)!;
    expect(match.matchingString).toBe('bullet list');
    expect(text.slice(match.leadOffset)).toBe(match.replaceableString);
  });

  test('opens after a tab or a line break too (both are whitespace)', () => {
    expect(matchSlashTrigger('x\t/ta')?.matchingString).toBe('ta');
    expect(matchSlashTrigger('x\n/ta')?.matchingString).toBe('ta');
  });

  test('does not open inside a word, a URL, a date or a fraction', () => {
    expect(matchSlashTrigger('and/or')).toBeNull();
    expect(matchSlashTrigger('see https://example.org/')).toBeNull();
    expect(matchSlashTrigger('https://example.org/path')).toBeNull();
    expect(matchSlashTrigger('on 3/4')).toBeNull();
    expect(matchSlashTrigger('1/2')).toBeNull();
  });

  test('closes when the user moves on: a space right after /, two spaces, another slash', () => {
    expect(matchSlashTrigger('/ ')).toBeNull();
    expect(matchSlashTrigger('text / and more')).toBeNull();
    expect(matchSlashTrigger('/bullet  list')).toBeNull();
    expect(matchSlashTrigger('/a/b')).toBeNull();
    expect(matchSlashTrigger('//')).toBeNull();
  });

  test('the query is short', () => {
    expect(matchSlashTrigger(`/${'x'.repeat(MAX_SLASH_QUERY)}`)).not.toBeNull();
    expect(matchSlashTrigger(`/${'x'.repeat(MAX_SLASH_QUERY + 1)}`)).toBeNull();
  });

  test('looks only at the text just before the caret', () => {
    expect(matchSlashTrigger('earlier /x text /ta')?.matchingString).toBe('ta');
    // Words after the slash stay its query (the menu empties when nothing matches them).
    expect(matchSlashTrigger('/head more')?.matchingString).toBe('head more');
  });
});

describe('filtering the slash menu', () => {
  const items = [
    { label: 'Heading 1', keywords: ['title', 'h1'] },
    { label: 'Bullet list', keywords: ['unordered', 'ul'] },
    { label: 'Numbered list', keywords: ['ordered', 'ol'] },
    { label: 'Table', keywords: ['grid'] },
    { label: 'Divider', keywords: ['horizontal rule', 'hr'] },
  ];
  test('an empty query keeps every item, in order', () => {
    expect(filterSlashItems(items, '')).toEqual(items);
  });
  test('matches word prefixes of labels and keywords, case-insensitively', () => {
    expect(filterSlashItems(items, 'list').map((i) => i.label)).toEqual(['Bullet list', 'Numbered list']);
    expect(filterSlashItems(items, 'TAB').map((i) => i.label)).toEqual(['Table']);
    expect(filterSlashItems(items, 'hr').map((i) => i.label)).toEqual(['Divider']);
    expect(filterSlashItems(items, 'rule').map((i) => i.label)).toEqual(['Divider']);
    expect(filterSlashItems(items, 'num li').map((i) => i.label)).toEqual(['Numbered list']);
  });
  test('every word must match something', () => {
    expect(filterSlashItems(items, 'table list')).toEqual([]);
    expect(filterSlashItems(items, 'xyz')).toEqual([]);
  });
});
