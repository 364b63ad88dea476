/** Cuts a text to at most `maxChars` characters at a word boundary, marking the cut with an ellipsis. */
export function truncateAtWord(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const room = text.slice(0, Math.max(0, maxChars - 1));
  const cut = room.replace(/\s+\S*$/, '');
  // One word longer than the budget is cut mid-word rather than dropped: an empty summary says less.
  return `${(cut || room).replace(/[\s,;:–—-]+$/, '')}…`;
}
