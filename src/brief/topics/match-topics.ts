/**
 * Topics for autocomplete: those with a word that begins with what the user typed, ignoring case and
 * accents ("sao" finds "São Paulo", "putin" finds "Vladimir Putin"). Topics whose first word matches
 * come first; otherwise the given order, which is the trending order, is kept.
 */
export function matchTopics<T extends { topic: string }>(prefix: string, topics: readonly T[], limit = 25): T[] {
  const wanted = fold(prefix);
  if (!wanted) return topics.slice(0, limit);
  const atStart: T[] = [];
  const inside: T[] = [];
  for (const candidate of topics) {
    const words = fold(candidate.topic);
    if (words.startsWith(wanted)) atStart.push(candidate);
    else if (` ${words}`.includes(` ${wanted}`)) inside.push(candidate);
  }
  return [...atStart, ...inside].slice(0, limit);
}

/** Lower case, accents dropped, and every run of punctuation or space one space: "Kim Jong-un's" is "kim jong un s". */
function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
