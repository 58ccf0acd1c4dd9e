import { describe, expect, test } from 'vitest';
import { MAX_MENTION_QUERY, matchMentionTrigger, rankEntities } from '../../../renderer/src/editor/plugins/MentionsPlugin/mentionTrigger';

describe('the @ mention trigger', () => {
  test('opens on @ at the start, after whitespace or an opening bracket', () => {
    expect(matchMentionTrigger('@')).toEqual({ leadOffset: 0, matchingString: '', replaceableString: '@' });
    expect(matchMentionTrigger('The carrier @Nordh')).toEqual({ leadOffset: 12, matchingString: 'Nordh', replaceableString: '@Nordh' });
    expect(matchMentionTrigger('(@Hal')?.matchingString).toBe('Hal');
    expect(matchMentionTrigger('“@Hal')?.matchingString).toBe('Hal');
  });

  test('a query may hold spaces and name punctuation', () => {
    expect(matchMentionTrigger('see @Halvard Mar')?.matchingString).toBe('Halvard Mar');
    expect(matchMentionTrigger("see @O'Neill-Smith & Co.")?.matchingString).toBe("O'Neill-Smith & Co.");
    expect(matchMentionTrigger('see @Zoë Åberg')?.matchingString).toBe('Zoë Åberg');
  });

  test('does not open inside an e-mail address or a word', () => {
    expect(matchMentionTrigger('mail ops@port.example')).toBeNull();
    expect(matchMentionTrigger('a@b')).toBeNull();
  });

  test('closes on a leading space, two spaces, or characters no name has', () => {
    expect(matchMentionTrigger('@ x')).toBeNull();
    expect(matchMentionTrigger('@Halvard  Mar')).toBeNull();
    expect(matchMentionTrigger('@Halvard, said')).toBeNull();
    expect(matchMentionTrigger('@Hal?')).toBeNull();
  });

  test('the query is bounded', () => {
    expect(matchMentionTrigger(`@${'a'.repeat(MAX_MENTION_QUERY)}`)).not.toBeNull();
    expect(matchMentionTrigger(`@${'a'.repeat(MAX_MENTION_QUERY + 1)}`)).toBeNull();
  });
});

describe('ranking entities for the picker', () => {
  const entities = [
    { name: 'Halvard Maritime', aliases: ['HM Group'] },
    { name: 'Nordhavn Spirit', aliases: ['the Spirit'] },
    { name: 'Port of Kestrava', aliases: [] },
    { name: 'Kestrava', aliases: [] },
  ];
  test('name prefix first, then an alias prefix, then a word prefix, then anywhere', () => {
    expect(rankEntities(entities, 'kest').map((e) => e.name)).toEqual(['Kestrava', 'Port of Kestrava']);
    expect(rankEntities(entities, 'hm').map((e) => e.name)).toEqual(['Halvard Maritime']);
    expect(rankEntities(entities, 'spirit').map((e) => e.name)).toEqual(['Nordhavn Spirit']);
    expect(rankEntities(entities, 'the sp').map((e) => e.name)).toEqual(['Nordhavn Spirit']);
  });
  test('an empty query lists the first ones; no match, nothing', () => {
    expect(rankEntities(entities, '', 2)).toHaveLength(2);
    expect(rankEntities(entities, 'zzz')).toEqual([]);
  });
});
