// The few parts of snowball-stemmers (the Snowball algorithms in JavaScript) that db/stemming.ts uses.
declare module 'snowball-stemmers' {
  export function newStemmer(algorithm: string): { stem(word: string): string };
  export function algorithms(): string[];
}
