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

  it("refuses bytes that are not an intact filter: truncated, altered or foreign", () => {
    const bytes = filter.bytes();
    expect(() => bloomFilter(bytes.slice(0, bytes.length - 10))).toThrow(/Bloom/);
    const altered = bytes.slice();
    altered[altered.length - 1] = (altered[altered.length - 1] as number) ^ 0xff;
    expect(() => bloomFilter(altered)).toThrow(/Bloom/);
    expect(() => bloomFilter(new TextEncoder().encode("version https://git-lfs.github.com/spec/v1"))).toThrow(/Bloom/);
  });
});
