import { describe, expect, it } from "vitest";
import { bloomFilter, emptyBloomFilter } from "./bloom-filter.js";

describe("Bloom filter", () => {
  const words = Array.from({ length: 5000 }, (_, i) => `ord${i}`);
  const filter = emptyBloomFilter(words.length, 0.01);
  for (const w of words) filter.add(w);

  it("holds every word added, also after a round trip through its bytes", () => {
    const loaded = bloomFilter(filter.bytes().slice());
    expect(words.every((w) => filter.has(w) && loaded.has(w))).toBe(true);
  });

  it("says yes to other words only at about the rate it was sized for", () => {
    const others = Array.from({ length: 20_000 }, (_, i) => `andet${i}`);
    const wrong = others.filter((w) => filter.has(w)).length / others.length;
    expect(wrong).toBeLessThan(0.02);
  });

  it("refuses bytes that are no filter", () => {
    expect(() => bloomFilter(new Uint8Array([0, 1, 2]))).toThrow(/Bloom/);
  });
});
