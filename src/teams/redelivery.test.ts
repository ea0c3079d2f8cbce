import { describe, expect, it } from "vitest";
import { boundedMemoryStorage } from "./conversation-storage.js";
import { REDELIVERY_WINDOW_MS, recentDeliveries } from "./redelivery.js";

describe("recentDeliveries", () => {
  it("lets an activity through once per conversation within the window, and again after it", async () => {
    let now = 1_000_000;
    const deliveries = recentDeliveries(boundedMemoryStorage(), () => now);
    expect(await deliveries.isFirst("c1", "a")).toBe(true);
    expect(await deliveries.isFirst("c1", "a")).toBe(false);
    expect(await deliveries.isFirst("c2", "a")).toBe(true);
    expect(await deliveries.isFirst("c1", "b")).toBe(true);
    now += REDELIVERY_WINDOW_MS;
    expect(await deliveries.isFirst("c1", "a")).toBe(true);
  });

  it("catches two deliveries arriving at once, and one reaching another instance through shared storage", async () => {
    const shared = boundedMemoryStorage();
    const [one, other] = [recentDeliveries(shared), recentDeliveries(shared)];
    expect(await Promise.all([one.isFirst("c", "a"), one.isFirst("c", "a")])).toEqual([true, false]);
    expect(await other.isFirst("c", "a")).toBe(false);
  });
});
