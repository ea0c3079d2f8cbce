/**
 * The only place that knows Teams: teams-ai's Application over botbuilder's
 * TeamsAdapter. It turns activities into calls to the plain conversation logic and
 * replies into activities; nothing else imports teams-ai or botbuilder, so a move
 * to the Teams SDK touches this folder only.
 */
import { Application, type DefaultConversationState, TurnState } from "@microsoft/teams-ai";
import {
  type Activity,
  ActivityTypes,
  CardFactory,
  type MessagingExtensionResult,
  type Storage,
  type TurnContext,
} from "botbuilder";
import type { Logger } from "pino";
import {
  type ConversationDeps,
  type ConversationMemory,
  conversationMemorySchema,
  type Reply,
  respond,
} from "../conversation/respond.js";
import { anonymousId, type FeedbackLog, type NewEvent } from "../feedback/feedback-log.js";
import { maskPersonalData } from "../analysis/personal-data.js";
import { unitCard } from "../presentation/answer-card.js";
import { detectLanguage, type Language } from "../analysis/language.js";
import { searchedPart } from "../search/searcher.js";
import { type CardMessage, cardMessage, helpMessage } from "../presentation/reply-cards.js";
import { activityEndpoint } from "./activity-endpoint.js";
import { type AppConfig, createAdapter } from "./adapter.js";
import { boundedMemoryStorage } from "./conversation-storage.js";
import { recentDeliveries } from "./redelivery.js";

/** The message extension's search command, as declared in the manifest. */
export const SEARCH_COMMAND = "findUnit";
/** Answers remembered per conversation, so 👍/👎 can be tied to their question. */
const REMEMBERED_ANSWERS = 20;

export interface TeamsBotOptions {
  config: AppConfig;
  deps: ConversationDeps;
  /** The bot records; whoever made the log closes it. */
  feedback: Pick<FeedbackLog, "record">;
  logger: Logger;
  /**
   * Conversation state and the activity ids answered lately; in memory by default, a
   * shared store for several instances.
   */
  storage?: Storage;
  /** Where the Bot Framework publishes its token signing keys (OpenID metadata); botbuilder's default unless set. */
  openIdMetadataUrl?: string;
  /** The organisation a tenant's users belong to (TENANT_ORGANISATIONS), when known. */
  organisationOf?: (tenantId: string) => string | undefined;
}

interface Remembered {
  question: string;
  unitId?: string;
}

/** What Hvem keeps per conversation in the state storage. */
interface ConversationState extends DefaultConversationState {
  memory?: unknown;
  answered?: Record<string, Remembered>;
}
type HvemTurnState = TurnState<ConversationState>;

export function createTeamsBot(options: TeamsBotOptions) {
  const { deps, feedback, logger, organisationOf = () => undefined } = options;
  /** The asker's organisation, from the tenant Teams says they are in. */
  const askerOrganisation = (context: TurnContext) => {
    const tenantId = context.activity.conversation.tenantId ?? context.activity.channelData?.tenant?.id;
    return typeof tenantId === "string" ? organisationOf(tenantId) : undefined;
  };
  // The answer is already sent: a log that cannot be written is an admin's problem, not the user's.
  const record = (event: NewEvent) =>
    feedback.record(event).catch((error: unknown) => {
      logger.error({ error: error instanceof Error ? error.message : String(error), kind: event.kind }, "feedback log not written");
    });
  const appId = options.config.MicrosoftAppId;
  const adapter = createAdapter(options.config, options.openIdMetadataUrl);
  adapter.onTurnError = async (context, error) => {
    // The message and stack, not the whole error: connector errors carry entire HTTP requests.
    logger.error({ error: error.message, stack: error.stack, conversation: conversationOf(context) }, "turn failed");
    if (context.activity.type === ActivityTypes.Message) {
      await context.sendActivity("Beklager, noget gik galt hos mig. Prøv igen om lidt.");
    }
  };
  const storage = options.storage ?? boundedMemoryStorage();
  const app = new Application<HvemTurnState>({
    adapter,
    turnStateFactory: () => new TurnState<ConversationState>(),
    storage,
    removeRecipientMention: true,
    startTypingTimer: false,
  });

  // An activity Teams delivers again is answered once. Invokes are left alone: each
  // needs its response, and answering 👍/👎 or a search twice does no harm.
  const deliveries = recentDeliveries(storage);
  app.turn("beforeTurn", async (context) => {
    const { id, type, conversation } = context.activity;
    if (!id || type === ActivityTypes.Invoke) return true;
    const first = await deliveries.isFirst(conversation.id, id).catch((error: unknown) => {
      // Better to answer twice than not at all.
      logger.warn({ error: error instanceof Error ? error.message : String(error) }, "redelivery check failed");
      return true;
    });
    if (!first) logger.info({ conversation: conversationOf(context), type }, "redelivered activity ignored");
    return first;
  });

  app.conversationUpdate("membersAdded", async (context) => {
    const botAdded = context.activity.membersAdded?.some((m) => m.id === context.activity.recipient.id);
    if (botAdded) await context.sendActivity(cardActivity(helpMessage(localeLanguage(context.activity))));
  });

  app.activity(ActivityTypes.Message, async (context, state) => {
    // In a channel Hvem speaks only when spoken to; a click on one of its card buttons
    // is meant for it, though Teams sends it without a mention.
    if (context.activity.conversation.conversationType === "channel" && !mentionsBot(context) && !isCardClick(context)) {
      return;
    }
    const started = performance.now();
    const memory = readMemory(state.conversation.memory);
    const { reply, memory: next } = await respond(
      {
        text: context.activity.text ?? "",
        value: context.activity.value,
        userId: context.activity.from.aadObjectId,
        organisation: askerOrganisation(context),
      },
      memory,
      deps,
    );
    state.conversation.memory = next;
    const sent = await context.sendActivity(replyActivity(reply));
    const conversation = conversationOf(context);
    // Who asked, as a pseudonym: suggestions count distinct users, and admin actions say who.
    const user = userOf(context);
    if (reply.kind === "answer") {
      const shown = reply.result.answers[reply.answerIndex];
      const question = maskPersonalData(searchedPart(reply.result.question));
      const remembered = { ...(state.conversation.answered ?? {}) };
      if (sent?.id) remembered[sent.id] = { question, unitId: shown?.unitId };
      state.conversation.answered = Object.fromEntries(Object.entries(remembered).slice(-REMEMBERED_ANSWERS));
      if (reply.picked && shown) {
        const first = reply.result.answers[0];
        await record({ kind: "pick", conversation, user, question, unitId: shown.unitId, ...(first ? { firstUnitId: first.unitId } : {}) });
      } else {
        await record({
          kind: "question",
          conversation,
          user,
          question: reply.result.question,
          confident: reply.result.confident,
          ...(shown ? { unitId: shown.unitId } : {}),
        });
      }
      logger.debug({ conversation, question }, "question text");
    }
    if ("admin" in reply && reply.admin) logger.info({ ...reply.admin, user, conversation }, "admin action");
    logger.info(
      {
        conversation,
        reply: reply.kind,
        ...(reply.kind === "answer" ? { confident: reply.result.confident, answers: reply.result.answers.length } : {}),
        ms: Math.round(performance.now() - started),
      },
      "message answered",
    );
  });

  app.feedbackLoop(async (context, state, data) => {
    // teams-ai answers the invoke with no body, which Teams rejects ("Payload cannot be null").
    context.onSendActivities(async (_context, activities, next) => {
      for (const a of activities) {
        if (a.type === ActivityTypes.InvokeResponse && a.value && a.value.body === undefined) {
          a.value = { ...a.value, body: {} };
        }
      }
      return next();
    });
    const answer = state.conversation.answered?.[data.replyToId];
    const comment = feedbackText(data.actionValue.feedback);
    await record({
      kind: "feedback",
      conversation: conversationOf(context),
      user: userOf(context),
      reaction: data.actionValue.reaction,
      ...(answer ? { question: answer.question, unitId: answer.unitId } : {}),
      ...(comment ? { comment } : {}),
    });
    logger.info({ conversation: conversationOf(context), reaction: data.actionValue.reaction }, "feedback");
  });

  app.messageExtensions.query(SEARCH_COMMAND, async (context, _state, query) => {
    const text = String(query.parameters.queryText ?? "").trim();
    if (!text) {
      return { type: "message", text: "Skriv en opgave, fx gravetilladelse, løn eller rotter." };
    }
    const language = detectLanguage(text);
    const organisation = askerOrganisation(context);
    const result = deps.knowledge.searcher().ask(text, organisation ? { organisation } : {});
    return {
      type: "result",
      attachmentLayout: "list",
      attachments: result.answers.slice(query.skip, query.skip + query.count).map((answer) => ({
        ...CardFactory.adaptiveCard(unitCard(answer, language)),
        preview: CardFactory.heroCard(answer.unit, [answer.department, answer.chiefArea].join(" › ")),
      })),
    } satisfies MessagingExtensionResult;
  });

  return {
    app,
    adapter,
    /** Handles POST /api/messages (restify or express request and response). */
    handle: activityEndpoint({
      adapter,
      logger,
      localMode: !appId,
      logic: async (context) => {
        await app.run(context);
      },
    }),
  };
}

function readMemory(value: unknown): ConversationMemory {
  const parsed = conversationMemorySchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : conversationMemorySchema.parse({});
}

function replyActivity(reply: Reply): Partial<Activity> {
  if (reply.kind === "text") return { type: ActivityTypes.Message, text: reply.text, textFormat: "plain" };
  const activity = cardActivity(cardMessage(reply));
  // Teams shows its own 👍/👎 under an answer and sends the click to feedbackLoop.
  return reply.kind === "answer" ? { ...activity, channelData: { feedbackLoopEnabled: true } } : activity;
}

function cardActivity({ card, summary }: CardMessage): Partial<Activity> {
  return { type: ActivityTypes.Message, summary, attachments: [CardFactory.adaptiveCard(card)] };
}

/** Teams gives the user's locale on the activity, or in its clientInfo entity. */
function localeLanguage(activity: Activity): Language {
  const clientInfo = activity.entities?.find((e) => e.type === "clientInfo") as { locale?: unknown } | undefined;
  const locale = activity.locale ?? (typeof clientInfo?.locale === "string" ? clientInfo.locale : "");
  return /^en\b/i.test(locale) ? "en" : "da";
}

function mentionsBot(context: TurnContext): boolean {
  return (context.activity.entities ?? []).some(
    (e) => e.type === "mention" && (e as { mentioned?: { id?: string } }).mentioned?.id === context.activity.recipient.id,
  );
}

/** A card button (Action.Submit) sends its data as the value of a message without text. */
function isCardClick(context: TurnContext): boolean {
  return context.activity.value !== undefined && !context.activity.text?.trim();
}

/** The sender as a pseudonym: the same person gets the same id in every line, and nothing more. */
function userOf(context: TurnContext): string {
  return anonymousId(context.activity.from.aadObjectId ?? context.activity.from.id);
}

function conversationOf(context: TurnContext): string {
  return anonymousId(context.activity.conversation?.id ?? "");
}

/** Teams sends the comment as JSON ({"feedbackText": "…"}); other clients as text. */
function feedbackText(feedback: string | Record<string, unknown>): string | undefined {
  let value: unknown = feedback;
  if (typeof feedback === "string") {
    try {
      value = JSON.parse(feedback);
    } catch {
      return feedback.trim() || undefined;
    }
  }
  const text = (value as { feedbackText?: unknown })?.feedbackText;
  return typeof text === "string" && text.trim() ? text.trim() : undefined;
}
