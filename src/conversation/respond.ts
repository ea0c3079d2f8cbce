/**
 * What Hvem says to a message: commands, follow-ups and questions. Plain TypeScript
 * with no Teams types, so tests and any chat platform can drive it; the Teams layer
 * only turns a Reply into an activity.
 */
import { z } from "zod/v4";
import { maskPersonalData } from "../analysis/personal-data.js";
import { formatProblem } from "../knowledge/problem.js";
import { detectLanguage, type Language } from "../analysis/language.js";
import type { Answer, AskResult } from "../search/answer-schema.js";
import { searchedPart } from "../search/searcher.js";
import type { SuggestionDesk } from "../learning/suggestion-desk.js";
import type { Suggestion } from "../learning/suggestions.js";
import { textsFor } from "../presentation/texts.js";
import type { KnowledgeService } from "../service/knowledge-service.js";
import { decideSuggestion, listSuggestions } from "./suggestion-replies.js";

/** What Hvem remembers of a conversation between messages. */
export const conversationMemorySchema = z.object({
  lastQuestion: z.string().optional(),
  /**
   * The unit last shown, by id: after a reindex the same question may rank other
   * units first, and "kontakt" must still name the unit the user saw.
   */
  shownUnitId: z.string().optional(),
  /** How many units of the last result have been listed ("flere"). */
  listed: z.number().int().default(0),
  language: z.enum(["da", "en"]).default("da"),
});
export type ConversationMemory = z.infer<typeof conversationMemorySchema>;

export interface Incoming {
  text: string;
  /** Data of a card button (Action.Submit). */
  value?: unknown;
  /** Entra object id of the sender, when known. */
  userId?: string;
  /** The sender's organisation, as their tenant tells it: answers come from its units. */
  organisation?: string;
}

export type Reply =
  /** `picked`: the user opened this unit from a card's button rather than asking. */
  | { kind: "answer"; result: AskResult; answerIndex: number; language: Language; picked?: boolean }
  | { kind: "more"; result: AskResult; from: number; language: Language }
  | { kind: "contacts"; answer: Answer | undefined; language: Language }
  | { kind: "help"; language: Language }
  | { kind: "suggestions"; suggestions: Suggestion[]; language: Language; admin: AdminAction }
  | { kind: "text"; text: string; admin?: AdminAction };

/** An admin command, whether it was run (the sender is an admin) or refused. */
export interface AdminAction {
  action: "reindex" | "status" | "suggestions" | "acceptSuggestion" | "rejectSuggestion";
  accepted: boolean;
  /** The suggestion decided on. */
  id?: string;
}

export interface ConversationDeps {
  knowledge: KnowledgeService;
  isAdmin(userId: string | undefined): boolean;
  /** Seconds since start, for `status`. */
  uptime(): number;
  /** Suggestions from use, for `forslag`; absent where the server has none set up. */
  suggestions?: SuggestionDesk;
}

/** How many more units "flere" lists at a time. */
export const MORE_COUNT = 3;

const cardActionSchema = z.union([
  z.object({ verb: z.literal("showUnit"), unitId: z.string(), q: z.string() }),
  z.object({ verb: z.literal("ask"), q: z.string() }),
  z.object({ verb: z.enum(["acceptSuggestion", "rejectSuggestion"]), id: z.string() }),
]);

/** Commands are whole messages, so "hvem kan hjælpe med …" is a question, not "hjælp". */
const COMMANDS = {
  help: /^(hjælp|hjaelp|help|\?|hej|hi|hello|start)$/,
  more: /^((vis )?flere|mere|more|show more)$/,
  contacts: /^(kontakt|kontakter|kontaktperson|contact|contacts)$/,
  reindex: /^(genindlæs|genindlaes|reindex)$/,
  status: /^status$/,
  suggestions: /^(forslag|suggestions)$/,
};

export async function respond(
  incoming: Incoming,
  memory: ConversationMemory,
  deps: ConversationDeps,
): Promise<{ reply: Reply; memory: ConversationMemory }> {
  const ask = (question: string) =>
    deps.knowledge.searcher().ask(question, incoming.organisation ? { organisation: incoming.organisation } : {});
  // Most messages carry no card data; parsing nothing would only build error objects.
  const action = incoming.value === undefined ? undefined : cardActionSchema.safeParse(incoming.value);
  if (action?.success) {
    const data = action.data;
    if ("id" in data) {
      const admin = { action: data.verb, accepted: deps.isAdmin(incoming.userId), id: data.id };
      if (!admin.accepted) return refuse(admin, memory.language);
      const decision = data.verb === "acceptSuggestion" ? "accept" : "reject";
      const text = await decideSuggestion(deps.suggestions, deps.knowledge, decision, data.id, memory.language);
      return { reply: { kind: "text", text, admin }, memory };
    }
    const result = ask(data.q);
    const index =
      data.verb === "showUnit" ? Math.max(0, result.answers.findIndex((a) => a.unitId === data.unitId)) : 0;
    return answer(result, index, detectLanguage(data.q), data.verb === "showUnit");
  }

  const text = incoming.text.trim();
  const command = text.toLocaleLowerCase("da").replace(/[.!?]+$/, "").trim();
  const language = command ? detectLanguage(text) : memory.language;
  const last = () => (memory.lastQuestion ? ask(memory.lastQuestion) : undefined);

  if (!command || COMMANDS.help.test(command)) {
    return { reply: { kind: "help", language: command ? language : memory.language }, memory };
  }
  if (COMMANDS.more.test(command)) {
    const result = last();
    if (!result) return { reply: { kind: "help", language: memory.language }, memory };
    const from = Math.max(memory.listed, 1);
    return {
      reply: { kind: "more", result, from, language: memory.language },
      memory: { ...memory, listed: from + MORE_COUNT },
    };
  }
  if (COMMANDS.contacts.test(command)) {
    const shown = last()?.answers.find((a) => a.unitId === memory.shownUnitId);
    return { reply: { kind: "contacts", answer: shown, language: memory.language }, memory };
  }
  if (COMMANDS.suggestions.test(command)) {
    const admin = { action: "suggestions" as const, accepted: deps.isAdmin(incoming.userId) };
    if (!admin.accepted) return refuse(admin, language);
    const listed = await listSuggestions(deps.suggestions, language);
    return listed.kind === "list"
      ? { reply: { kind: "suggestions", suggestions: listed.suggestions, language, admin }, memory: { ...memory, language } }
      : { reply: { kind: "text", text: listed.text, admin }, memory };
  }
  if (COMMANDS.reindex.test(command) || COMMANDS.status.test(command)) {
    const action = COMMANDS.status.test(command) ? "status" : "reindex";
    if (!deps.isAdmin(incoming.userId)) return refuse({ action, accepted: false }, language);
    const text = action === "status" ? statusText(deps) : await reindexText(deps);
    return { reply: { kind: "text", text, admin: { action, accepted: true } }, memory };
  }
  return answer(ask(text), 0, language);

  function refuse(admin: AdminAction, lang: Language) {
    return { reply: { kind: "text" as const, text: textsFor(lang).adminOnly, admin }, memory };
  }

  function answer(result: AskResult, answerIndex: number, lang: Language, picked = false) {
    return {
      reply: { kind: "answer" as const, result, answerIndex, language: lang, ...(picked ? { picked } : {}) },
      memory: {
        // Kept in conversation state (Blob Storage with several instances): no citizen's details.
        lastQuestion: maskPersonalData(searchedPart(result.question)),
        shownUnitId: result.answers[answerIndex]?.unitId,
        listed: 1,
        language: lang,
      },
    };
  }
}

function statusText(deps: ConversationDeps): string {
  const s = deps.knowledge.status();
  const lines = [
    `Videnversion ${s.version}: ${s.units} enheder, ${s.records} poster.`,
    `Sidst genindlæst ${s.loadedAt.toISOString()}; kørt i ${Math.round(deps.uptime())} sekunder.`,
  ];
  if (s.refused) {
    const errors = s.refused.problems.filter((p) => p.severity === "error").length;
    const warnings = s.refused.problems.length - errors;
    const counted = warnings > 0 ? `${errors} fejl og ${warnings} ${warnings === 1 ? "advarsel" : "advarsler"}` : `${errors} fejl`;
    lines.push(
      `Seneste genindlæsning (${s.refused.at.toISOString()}) blev afvist med ${counted}; den gamle viden bruges stadig.`,
    );
  }
  return lines.join("\n");
}

async function reindexText(deps: ConversationDeps): Promise<string> {
  const outcome = await deps.knowledge.reindex();
  if (!outcome.ok) {
    const errors = outcome.problems.filter((p) => p.severity === "error");
    return [
      `Genindlæsningen blev afvist: ${errors.length} fejl i vidensfilerne. Den gamle viden bruges stadig.`,
      ...errors.slice(0, 10).map(formatProblem),
      ...(errors.length > 10 ? [`… og ${errors.length - 10} mere (se hvem check).`] : []),
    ].join("\n");
  }
  const s = deps.knowledge.status();
  return outcome.changed
    ? `Genindlæst: version ${outcome.version}, ${s.units} enheder, ${s.records} poster.`
    : `Ingen ændringer: viden er allerede version ${outcome.version}.`;
}
