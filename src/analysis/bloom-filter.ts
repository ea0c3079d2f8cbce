/**
 * A Bloom filter: a set of strings in a few bits each, which may answer "yes" for a
 * string it never held (at the rate it was sized for) but never "no" for one it did.
 * Stored as bytes: a magic number, the number of hash functions, a SHA-256 of the
 * bits (so a truncated or foreign file is refused, not read as nonsense), the bits.
 */
import { createHash } from "node:crypto";

export interface BloomFilter {
  add(key: string): void;
  has(key: string): boolean;
  bytes(): Uint8Array;
}

const MAGIC = [0x48, 0x42, 0x46, 0x31]; // "HBF1"
const HEADER = MAGIC.length + 1 + 32;

/** A filter sized for `count` keys at false-positive rate `rate`. */
export function emptyBloomFilter(count: number, rate: number): BloomFilter {
  const bits = Math.ceil((-count * Math.log(rate)) / Math.LN2 ** 2);
  const hashes = Math.max(1, Math.round((bits / count) * Math.LN2));
  const data = new Uint8Array(HEADER + Math.ceil(bits / 8));
  data.set(MAGIC);
  data[MAGIC.length] = hashes;
  return filterOver(data);
}

/** A filter from its bytes (as `bytes()` wrote them); throws when they are not one. */
export function bloomFilter(data: Uint8Array): BloomFilter {
  const intact =
    data.length > HEADER &&
    MAGIC.every((b, i) => data[i] === b) &&
    data[MAGIC.length] !== 0 &&
    Buffer.from(data.subarray(MAGIC.length + 1, HEADER)).equals(checksum(data));
  if (!intact) throw new Error("not an intact Bloom filter");
  return filterOver(data);
}

function filterOver(data: Uint8Array): BloomFilter {
  const hashes = data[MAGIC.length] as number;
  const bits = (data.length - HEADER) * 8;
  // Double hashing: position i is h1 + i·h2, from two FNV-1a hashes with different seeds.
  const positions = (key: string, visit: (byte: number, mask: number) => boolean) => {
    const h1 = fnv1a(key, 0x811c9dc5);
    const h2 = fnv1a(key, 0x01000193) | 1;
    for (let i = 0; i < hashes; i++) {
      const at = ((h1 + Math.imul(i, h2)) >>> 0) % bits;
      if (!visit(HEADER + (at >>> 3), 1 << (at & 7))) return false;
    }
    return true;
  };
  return {
    add(key) {
      positions(key, (byte, mask) => {
        data[byte] = (data[byte] as number) | mask;
        return true;
      });
    },
    has(key) {
      return positions(key, (byte, mask) => ((data[byte] as number) & mask) !== 0);
    },
    bytes() {
      data.set(checksum(data), MAGIC.length + 1);
      return data;
    },
  };
}

function checksum(data: Uint8Array): Buffer {
  return createHash("sha256").update(data.subarray(HEADER)).digest();
}

function fnv1a(key: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
