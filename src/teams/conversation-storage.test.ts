import { describe, expect, it } from "vitest";
import { boundedMemoryStorage } from "./conversation-storage.js";

describe("boundedMemoryStorage", () => {
  it("keeps the conversations used last and forgets the oldest", async () => {
    const storage = boundedMemoryStorage(2);
    await storage.write({ a: { n: 1 }, b: { n: 2 } });
    await storage.read(["a"]); // a is now used more recently than b
    await storage.write({ c: { n: 3 } });
    expect(Object.keys(await storage.read(["a", "b", "c"])).sort()).toEqual(["a", "c"]);
  });

  it("hands out copies, lets the last write win and deletes", async () => {
    const storage = boundedMemoryStorage(10);
    await storage.write({ a: { n: 1, eTag: "1" } });
    const { a } = await storage.read(["a"]);
    a.n = 99;
    expect((await storage.read(["a"])).a).toMatchObject({ n: 1 });
    await storage.write({ a: { n: 2, eTag: "stale" } });
    expect((await storage.read(["a"])).a).toMatchObject({ n: 2 });
    await storage.delete(["a"]);
    expect(await storage.read(["a"])).toEqual({});
  });
});
