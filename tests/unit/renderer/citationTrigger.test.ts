import { describe, expect, test } from 'vitest';
import { MAX_QUERY_LENGTH, matchCitationTrigger } from '../../../renderer/src/editor/plugins/CitationTypeaheadPlugin/citationTrigger';

describe('the [[ citation trigger', () => {
  test('opens on [[ with an empty query, at the start or after any text', () => {
    expect(matchCitationTrigger('[[')).toEqual({ leadOffset: 0, matchingString: '', replaceableString: '[[' });
    expect(matchCitationTrigger('Pilots saw lights [[')).toEqual({ leadOffset: 18, matchingString: '', replaceableString: '[[' });
    expect(matchCitationTrigger('a claim[[')).toEqual({ leadOffset: 7, matchingString: '', replaceableString: '[[' });
  });

  test('reports the query typed after [[, spaces included, and what to replace', () => {
    expect(matchCitationTrigger('As reported [[navigation lights')).toEqual({
      leadOffset: 12,
      matchingString: 'navigation lights',
      replaceableString: '[[navigation lights',
    });
  });

  test('the lead offset points at the first [ so the whole [[query is replaced', () => {
    const text = 'see [[Nordhavn';
    const match = matchCitationTrigger(text)!;
    expect(text.slice(match.leadOffset)).toBe(match.replaceableString);
  });

  test('does not open for a single [, a closed [[…]], or three brackets', () => {
    expect(matchCitationTrigger('[')).toBeNull();
    expect(matchCitationTrigger('see [note')).toBeNull();
    expect(matchCitationTrigger('[[cite:exc_1]]')).toBeNull();
    expect(matchCitationTrigger('[[done]] and more')).toBeNull();
    expect(matchCitationTrigger('[[[')).toBeNull();
  });

  test('closes when the user moves on: a leading space, two spaces, a line break, a long query', () => {
    expect(matchCitationTrigger('[[ gas')).toBeNull();
    expect(matchCitationTrigger('[[gas  carrier')).toBeNull();
    expect(matchCitationTrigger('[[gas\ncarrier')).toBeNull();
    expect(matchCitationTrigger(`[[${'a'.repeat(MAX_QUERY_LENGTH)}`)).not.toBeNull();
    expect(matchCitationTrigger(`[[${'a'.repeat(MAX_QUERY_LENGTH + 1)}`)).toBeNull();
  });

  test('only the text right before the caret counts', () => {
    expect(matchCitationTrigger('[[old query]] then [[new')).toEqual({ leadOffset: 19, matchingString: 'new', replaceableString: '[[new' });
  });
});
