/**
 * What a question gets back: the contract of `hvem ask --json` and `--batch`, and
 * what the card and the message extension draw. Defined once here.
 */
import { z } from "zod/v4";

export const answerTaskSchema = z.object({
  group: z.string().describe("Task group heading ('' when none)."),
  text: z.string().describe("The full task text."),
  highlight: z.array(z.string()).describe("Words of the text that matched the question."),
});

export const answerContactSchema = z.object({
  name: z.string(),
  role: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
  via: z
    .enum(["chiefArea", "organisation"])
    .optional()
    .describe("Set when the unit has no contact of its own: the contact is its chief area's or organisation's."),
});

export const answerSchema = z.object({
  unitId: z.string(),
  unit: z.string().describe("The unit's display name."),
  chiefArea: z.string(),
  department: z.string(),
  organisation: z.string(),
  score: z.number().describe("Ranking score; only comparable within one question."),
  matched: z.array(z.string()).describe("Words of the question this unit matched."),
  coverage: z
    .number()
    .min(0)
    .max(1)
    .describe("Share of the question's words matched, weighted by how well."),
  tasks: z.array(answerTaskSchema).describe("The 1–3 best matching task texts."),
  contacts: z.array(answerContactSchema),
});

export const askResultSchema = z.object({
  question: z.string(),
  confident: z.boolean().describe("True when the first answer is good enough to state plainly."),
  organisation: z.string().optional().describe("The asker's organisation the answers were chosen for, when known."),
  elsewhere: z
    .boolean()
    .describe("True when the answers are another organisation's, because nothing of the asker's own matched."),
  answers: z.array(answerSchema).max(10).describe("Best first."),
  suggestions: z.array(z.string()).describe("'Did you mean' words when a word matched nothing."),
  truncated: z.boolean().describe("True when a very long question was cut before searching."),
});

export type AnswerTask = z.infer<typeof answerTaskSchema>;
export type AnswerContact = z.infer<typeof answerContactSchema>;
export type Answer = z.infer<typeof answerSchema>;
export type AskResult = z.infer<typeof askResultSchema>;
