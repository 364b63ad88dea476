/** Five words in a row rarely recur between different texts, yet a copy edited here and there keeps most of them. */
const SHINGLE_WORDS = 5;

/**
 * The hashed word shingles of a text given as its words in order, without repeats. Hashing keeps the set
 * small and fast to compare; a 32-bit collision between two shingles costs a sliver of Jaccard, never a
 * false merge on its own.
 */
export function shingleHashes(words: string[]): Uint32Array {
  const wordHashes = words.map(hashString);
  const hashes = new Set<number>();
  const count = Math.max(1, words.length - SHINGLE_WORDS + 1);
  for (let start = 0; start < count && start < wordHashes.length; start += 1) {
    let hash = 0x811c9dc5;
    for (let offset = 0; offset < SHINGLE_WORDS && start + offset < wordHashes.length; offset += 1) {
      hash = Math.imul(hash ^ wordHashes[start + offset]!, 0x01000193) >>> 0;
      hash = mix32(hash);
    }
    hashes.add(hash);
  }
  return Uint32Array.from(hashes);
}

/** FNV-1a over UTF-16 code units: deterministic across runs and machines, unlike anything seeded. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  }
  return hash >>> 0;
}

/** The murmur3 finaliser: spreads every input bit over the output, so nearby inputs land far apart. */
export function mix32(value: number): number {
  let hash = value;
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}
