/**
 * A Bloom filter: a set of strings in a few bits each, which may answer "yes" for a
 * string it never held (at the rate it was sized for) but never "no" for one it did.
 * Stored as bytes: the number of hash functions, then the bit array.
 */
export interface BloomFilter {
  add(key: string): void;
  has(key: string): boolean;
  bytes(): Uint8Array;
}

/** A filter sized for `count` keys at false-positive rate `rate`. */
export function emptyBloomFilter(count: number, rate: number): BloomFilter {
  const bits = Math.ceil((-count * Math.log(rate)) / Math.LN2 ** 2);
  const hashes = Math.max(1, Math.round((bits / count) * Math.LN2));
  const data = new Uint8Array(1 + Math.ceil(bits / 8));
  data[0] = hashes;
  return bloomFilter(data);
}

/** A filter from its bytes (as `bytes()` wrote them). */
export function bloomFilter(data: Uint8Array): BloomFilter {
  const hashes = data[0] as number;
  const bits = (data.length - 1) * 8;
  if (hashes === 0 || bits === 0) throw new Error("not a Bloom filter");
  // Double hashing: position i is h1 + i·h2, from two FNV-1a hashes with different seeds.
  const positions = (key: string, visit: (byte: number, mask: number) => boolean) => {
    const h1 = fnv1a(key, 0x811c9dc5);
    const h2 = fnv1a(key, 0x01000193) | 1;
    for (let i = 0; i < hashes; i++) {
      const bit = (h1 + Math.imul(i, h2)) >>> 0;
      const at = bit % bits;
      if (!visit(1 + (at >>> 3), 1 << (at & 7))) return false;
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
    bytes: () => data,
  };
}

function fnv1a(key: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
