/**
 * `forslag` and its card's Accept/Reject buttons, for admins: the pending suggestions
 * from use, and a decision written through the validated knowledge path, followed by
 * a reindex so the rule answers at once. The admin check is the caller's.
 */
import type { Language } from "../analysis/language.js";
import { formatProblem } from "../knowledge/problem.js";
import type { DeskOutcome, SuggestionDesk } from "../learning/suggestion-desk.js";
import type { Suggestion } from "../learning/suggestions.js";
import { suggestionTextsFor } from "../presentation/texts.js";
import type { KnowledgeService } from "../service/knowledge-service.js";

export type SuggestionsOutcome = { kind: "list"; suggestions: Suggestion[] } | { kind: "text"; text: string };

export async function listSuggestions(desk: SuggestionDesk | undefined, language: Language): Promise<SuggestionsOutcome> {
  if (!desk) return { kind: "text", text: suggestionTextsFor(language).unavailable };
  const listed = await desk.list();
  if (!listed.ok) return { kind: "text", text: problemText(listed.message, listed.problems) };
  return { kind: "list", suggestions: listed.suggestions };
}

export async function decideSuggestion(
  desk: SuggestionDesk | undefined,
  knowledge: KnowledgeService,
  decision: "accept" | "reject",
  id: string,
  language: Language,
): Promise<string> {
  const t = suggestionTextsFor(language);
  if (!desk) return t.unavailable;
  const outcome: DeskOutcome = await (decision === "accept" ? desk.accept(id) : desk.reject(id));
  if (!outcome.ok) return problemText(outcome.message, outcome.problems);
  const { suggestion } = outcome;
  if (decision === "reject") return t.rejected(suggestion.id);
  const reindexed = await knowledge.reindex();
  if (!reindexed.ok) return problemText(t.accepted(suggestion.id, suggestion.adds, suggestion.file), reindexed.problems);
  const question = suggestion.examples[0] ?? suggestion.from;
  const first = knowledge.searcher().ask(question, { organisation: suggestion.organisation }).answers[0];
  return [
    t.accepted(suggestion.id, suggestion.adds, suggestion.file),
    first?.unitId === suggestion.unitId ? t.first(question, suggestion.unit) : t.notFirst(question, first?.unit ?? "?"),
  ].join("\n");
}

function problemText(message: string, problems: readonly Parameters<typeof formatProblem>[0][] = []): string {
  const errors = problems.filter((p) => p.severity === "error");
  return [message, ...errors.slice(0, 5).map(formatProblem)].join("\n");
}
