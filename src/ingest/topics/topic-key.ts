/**
 * The form under which two spellings of one topic meet: "Kim Jong-un" and "Kim Jong Un", "U.S." and "US",
 * "North Korea's" and "North Korea" all share a key.
 */
export function topicKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/\./g, '')
    .replace(/[-‐‑–—_/]+/g, ' ')
    .replace(/[^\p{L}\p{N}\s&]+/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}
