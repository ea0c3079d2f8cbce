/**
 * A question as weighted search terms, in named steps: the words as typed (or their
 * correction) and their compound parts, compounds of neighbouring words, word
 * families, then the admin's synonyms and one-way rules, which weigh less than what
 * the user wrote.
 */
import type { Related } from "./synonym-groups.js";
import { tokenizeAsWritten } from "./tokenize.js";
import type { Vocabulary, WordSteps } from "./vocabulary.js";
import { fullForm, nounForms, verbForm } from "./word-families.js";

/**
 * Why a query term is there: the user's word, a part of it, a compound of it and
 * the next word ("skade på arbejdet" → arbejdsskade), its verb or noun (flytte ↔
 * flytning), a synonym, or a one-way rule of the admin's vocabulary.
 */
export type TermOrigin = "word" | "part" | "joined" | "family" | "synonym" | "rule";

export interface QueryTerm {
  term: string;
  weight: number;
  origin: TermOrigin;
  /** The word of the question the term came from, as typed. */
  word: string;
  /** Other words of the question the term also stands for: a synonym two share, the rest of a phrase. */
  others?: readonly string[];
  /** The knowledge's own word, when the typed word was a misspelling of it. */
  correction?: string;
}

/** How much each kind of term counts, the user's own word being 1. */
export interface TermWeights {
  word: number;
  /** A misspelled word's correction counts this share of the word. */
  corrected: number;
  joined: number;
  family: number;
  synonym: number;
  /** A synonym of a part, a compound or a family member. */
  partSynonym: number;
  part: number;
  /** One-way rules: everyday words → the catalogue's term… */
  rule: number;
  /** …and English → Danish. */
  english: number;
}

export interface QueryContext {
  steps: WordSteps;
  vocabulary: Vocabulary;
  synonyms(term: string, questionTerms: readonly string[]): Related[];
  rules(term: string, questionTerms: readonly string[]): (Related & { kind: "everyday" | "english" })[];
}

/** The question's words, as the steps read them. */
interface Question {
  /** Tokens without stop words… */
  asked: string[];
  /** …as the user wrote them: "IT-support" is one word, not three. */
  written: string[];
  /** Each asked word's term (of its correction, when misspelled) and compound parts. */
  typed: { term: string; parts: string[]; correction?: string }[];
  /** Every term of the question, small words too, that a phrase may need. */
  allTerms: string[];
}

export function queryTerms(question: string, context: QueryContext, weights: TermWeights): QueryTerm[] {
  const read = readQuestion(question, context);
  const found = new TermSet();
  const loose = addTypedWords(read, context, weights, found);
  addJoined(read, context, weights, found);
  addFamilies(read, context, weights, found);
  addRelated(read, context, weights, found);
  // Loose parts last: they bring no synonyms.
  for (const t of loose) found.add(t);
  return found.sorted();
}

function readQuestion(question: string, { steps, vocabulary }: QueryContext): Question {
  // A question typed in capitals throughout has no abbreviations to tell apart.
  const all = tokenizeAsWritten(/\p{Ll}/u.test(question) ? question : question.toLocaleLowerCase("da"));
  const tokens = all.filter((t) => !steps.isStopWord(t.token));
  const asked = tokens.map((t) => t.token);
  const typed = asked.map((word) => {
    const parts = vocabulary.partsOf(steps.fold(word));
    // A compound of known words is not a misspelling.
    const correction = parts.length > 0 ? undefined : vocabulary.correct(word);
    return { term: steps.term(correction ?? word), parts, ...(correction ? { correction } : {}) };
  });
  const small = all.filter((t) => steps.isStopWord(t.token)).map((t) => steps.term(t.token));
  return { asked, written: tokens.map((t) => t.written), typed, allTerms: [...typed.map((w) => w.term), ...small] };
}

/** The words as typed or corrected, and their compound parts; returns the loose parts of unknown words. */
function addTypedWords(q: Question, { steps, vocabulary }: QueryContext, w: TermWeights, found: TermSet): QueryTerm[] {
  const loose: QueryTerm[] = [];
  q.asked.forEach((token, i) => {
    const word = q.written[i] as string;
    const { term, parts, correction } = q.typed[i] as Question["typed"][number];
    const weight = correction ? w.word * w.corrected : w.word;
    found.add({ term, weight, origin: "word", word, ...(correction ? { correction } : {}) });
    // Snowball stems a definite form half-way ("blanketten" → blanket, "blanket" → blank):
    // stemmed once more, it meets the indefinite form when the knowledge has that.
    const further = steps.term(term);
    if (further !== term && vocabulary.hasTerm(further)) found.add({ term: further, weight, origin: "word", word });
    if (correction) return;
    for (const part of parts) found.add({ term: part, weight: w.part, origin: "part", word });
    const folded = steps.fold(token);
    if (parts.length === 0 && !vocabulary.hasWord(folded) && !vocabulary.hasTerm(term)) {
      for (const part of vocabulary.looseParts(folded)) loose.push({ term: part, weight: w.part, origin: "part", word });
    }
  });
  return loose;
}

/** The compound of two neighbouring words stands for its head word: "seddel" in "løn seddel". */
function addJoined(q: Question, { vocabulary }: QueryContext, w: TermWeights, found: TermSet): void {
  for (let i = 0; i + 1 < q.asked.length; i++) {
    for (const [modifier, head] of [[i, i + 1], [i + 1, i]] as const) {
      const joined = vocabulary.joinedTerm(q.asked[modifier] as string, q.asked[head] as string);
      if (joined) found.add({ term: joined, weight: w.joined, origin: "joined", word: q.written[head] as string });
    }
  }
}

/** A verb's nouns, a noun's verb and full form, when the knowledge has them: "bortvise" → bortvisning. */
function addFamilies(q: Question, { steps, vocabulary }: QueryContext, w: TermWeights, found: TermSet): void {
  q.asked.forEach((token, i) => {
    if (q.typed[i]?.correction) return;
    const folded = steps.fold(token);
    const verb = verbForm(folded);
    // Only for a word the knowledge lacks: "ældre" and "sikre" are words of their own.
    const full = vocabulary.hasWord(folded) ? undefined : fullForm(folded);
    const relatives = [...nounForms(folded), ...[verb, full].filter((f) => f !== undefined)].map(steps.term);
    for (const term of new Set(relatives)) {
      if (term !== q.typed[i]?.term && vocabulary.hasTerm(term)) {
        found.add({ term, weight: w.family, origin: "family", word: q.written[i] as string });
      }
    }
  });
}

/** Synonyms of the question's words, parts and compounds, and the rules they start. */
function addRelated(q: Question, context: QueryContext, w: TermWeights, found: TermSet): void {
  for (const t of found.all()) {
    const own = t.origin === "word";
    const related = [
      ...context.synonyms(t.term, q.allTerms).map((r) => ({
        ...r,
        origin: "synonym" as const,
        weight: r.part || !own ? w.partSynonym : w.synonym,
      })),
      ...(t.origin === "part"
        ? []
        : context.rules(t.term, q.allTerms).map((r) => ({
            ...r,
            origin: "rule" as const,
            weight: r.kind === "english" ? w.english : w.rule,
          }))),
    ];
    for (const r of related) {
      // The rest of the phrase that brought it: "building permit" stands for both words.
      const phraseWords = q.written.filter((word, i) => word !== t.word && r.phrase.includes(q.typed[i]?.term ?? ""));
      found.add({
        term: r.term,
        weight: r.weight,
        origin: r.origin,
        word: t.word,
        ...(phraseWords.length > 0 ? { others: [...new Set(phraseWords)] } : {}),
      });
    }
  }
}

/** One term per entry, standing for every question word that brought it, the best weight kept. */
class TermSet {
  private readonly terms = new Map<string, QueryTerm>();

  add(t: QueryTerm): void {
    const existing = this.terms.get(t.term);
    if (!existing) {
      this.terms.set(t.term, t);
      return;
    }
    const [kept, other] = existing.weight < t.weight ? [t, existing] : [existing, t];
    const others = new Set([...(kept.others ?? []), ...(other.others ?? []), other.word]);
    others.delete(kept.word);
    this.terms.set(t.term, others.size > 0 ? { ...kept, others: [...others] } : kept);
  }

  all(): QueryTerm[] {
    return [...this.terms.values()];
  }

  /** The admin's vocabulary last: the index records which terms matched for the first 32 only. */
  sorted(): QueryTerm[] {
    const related = (t: QueryTerm) => Number(t.origin === "synonym" || t.origin === "rule");
    return this.all().sort((a, b) => related(a) - related(b) || b.weight - a.weight);
  }
}
