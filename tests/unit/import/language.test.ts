import { describe, expect, it } from 'vitest';
import { detectLanguage, plainlyEnglish } from '../../../electron/services/import/language';

const ENGLISH = 'The port authority reopened the main grain terminal on Tuesday after a closure of three weeks, the longest since the war began. The harbour master said the closure had cost exporters about 40 million dollars, and that the ministry had not yet said when the second berth would open to ships.';
// Without their accents, as a careless export or an OCR pass may leave them: the shortcut must still not call them English.
const OTHERS: Record<string, string> = {
  es: 'La autoridad portuaria reabrio el martes la principal terminal de granos tras un cierre de tres semanas, el mas largo desde el inicio de la guerra. El capitan del puerto dijo que el cierre habia costado a los exportadores unos 40 millones de dolares y que el ministerio no habia dicho cuando abriria el segundo muelle.',
  fr: "L'autorite portuaire a rouvert mardi le principal terminal cerealier apres une fermeture de trois semaines, la plus longue depuis le debut de la guerre. Le capitaine du port a declare que la fermeture avait coute aux exportateurs environ 40 millions de dollars et que le ministere n'avait pas encore dit quand le second quai rouvrirait.",
  de: 'Die Hafenbehorde hat am Dienstag das wichtigste Getreideterminal nach einer dreiwochigen Schliessung wieder geoffnet, der langsten seit Beginn des Krieges. Der Hafenmeister sagte, die Schliessung habe die Exporteure etwa 40 Millionen Dollar gekostet und das Ministerium habe noch nicht gesagt, wann der zweite Liegeplatz fur Schiffe offnen werde.',
  nl: 'De havenautoriteit heeft dinsdag de belangrijkste graanterminal heropend na een sluiting van drie weken, de langste sinds het begin van de oorlog. De havenmeester zei dat de sluiting de exporteurs ongeveer 40 miljoen dollar had gekost en dat het ministerie nog niet had gezegd wanneer de tweede ligplaats voor schepen open zou gaan.',
  it: "L'autorita portuale ha riaperto martedi il principale terminal dei cereali dopo una chiusura di tre settimane, la piu lunga dall'inizio della guerra. Il capitano del porto ha detto che la chiusura era costata agli esportatori circa 40 milioni di dollari e che il ministero non aveva ancora detto quando sarebbe stato aperto il secondo ormeggio.",
  pt: 'A autoridade portuaria reabriu na terca-feira o principal terminal de graos apos um fechamento de tres semanas, o mais longo desde o inicio da guerra. O capitao do porto disse que o fechamento custou aos exportadores cerca de 40 milhoes de dolares e que o ministerio ainda nao disse quando o segundo cais sera aberto aos navios.',
};

describe('language detection', () => {
  it('takes plain English prose as English at once, by its commonest words', async () => {
    expect(plainlyEnglish(ENGLISH)).toBe(true);
    expect(await detectLanguage(ENGLISH)).toBe('en');
  });

  it('never takes Spanish, French, German, Dutch, Italian or Portuguese prose for English, accents or not; the detector names them', async () => {
    for (const [language, text] of Object.entries(OTHERS)) {
      expect(plainlyEnglish(text), language).toBe(false);
      expect(await detectLanguage(text), language).toBe(language);
    }
  });

  it('leaves to the detector English too short to be sure of, and English with an accent in it', async () => {
    expect(plainlyEnglish('The port closed on Monday.')).toBe(false);
    expect(plainlyEnglish(`${ENGLISH} Officials in Bogotá agreed.`)).toBe(false);
    expect(await detectLanguage(`${ENGLISH} Officials in Bogotá agreed.`)).toBe('en');
  });
});
