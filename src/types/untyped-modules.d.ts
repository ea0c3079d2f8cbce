// nspell ships no types; this is the part Hvem uses.
declare module "nspell" {
  interface Dictionary {
    aff: Uint8Array | string;
    dic: Uint8Array | string;
  }
  interface NSpell {
    correct(word: string): boolean;
  }
  export default function nspell(dictionary: Dictionary): NSpell;
}

// snowball-stemmers ships no types; this is the part Hvem uses.
declare module "snowball-stemmers" {
  interface Stemmer {
    stem(word: string): string;
  }
  const snowball: { newStemmer(language: string): Stemmer };
  export default snowball;
}
