/** The Snowball Danish stemmer: "rotter" and "rotte" both become "rot". */
import snowball from "snowball-stemmers";

const danish = snowball.newStemmer("danish");

export function stem(word: string): string {
  return danish.stem(word);
}
