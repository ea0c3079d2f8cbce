/**
 * Teams delivers an activity again when it thinks the bot did not get it (a slow
 * answer, a lost response), with the same id. Hvem answers each activity once: every
 * instance remembers the ids it saw lately, and the ids are also kept per
 * conversation in the conversation storage, so when that is shared (Blob Storage) a
 * redelivery that reaches another instance is recognised too.
 */
import type { Storage } from "botbuilder";

/** Teams redelivers within seconds to a minute; this leaves room. */
export const REDELIVERY_WINDOW_MS = 5 * 60_000;
/** Bounds the in-memory set however many activities arrive within the window. */
const MAX_IN_MEMORY = 10_000;
/** Bounds what one conversation's record holds, however busy the conversation. */
const MAX_PER_CONVERSATION = 200;

export interface Deliveries {
  /** True the first time an activity is seen within the window; it is then remembered. */
  isFirst(conversationId: string, activityId: string): Promise<boolean>;
}

/** What the storage keeps per conversation: activity id → when it was first seen (ms). */
interface Seen {
  seen: Record<string, number>;
}

export function recentDeliveries(storage: Storage, now: () => number = Date.now): Deliveries {
  // Insertion order is arrival order, so the oldest come first.
  const inMemory = new Map<string, number>();
  const forgetOld = (at: number) => {
    for (const [key, seenAt] of inMemory) {
      if (at - seenAt < REDELIVERY_WINDOW_MS && inMemory.size <= MAX_IN_MEMORY) break;
      inMemory.delete(key);
    }
  };
  return {
    async isFirst(conversationId, activityId) {
      const at = now();
      forgetOld(at);
      const key = JSON.stringify([conversationId, activityId]);
      // Checked and set before any await: two deliveries to this instance cannot both pass.
      if (inMemory.has(key)) return false;
      inMemory.set(key, at);
      const storageKey = `deliveries/${conversationId}`;
      const stored = (await storage.read([storageKey]))[storageKey] as Partial<Seen> | undefined;
      const recent = Object.entries(stored?.seen ?? {}).filter(
        ([, seenAt]) => typeof seenAt === "number" && at - seenAt < REDELIVERY_WINDOW_MS,
      );
      if (recent.some(([id]) => id === activityId)) return false;
      const seen = Object.fromEntries([...recent, [activityId, at]].slice(-MAX_PER_CONVERSATION));
      await storage.write({ [storageKey]: { seen } satisfies Seen });
      return true;
    },
  };
}
