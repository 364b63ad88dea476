/**
 * Splits a page dump into trimmed lines, one paragraph each. Dumps made by copying from a browser keep a
 * paragraph per line; dumps made by text-mode browsers wrap them at a fixed width, so a line that stops
 * mid-sentence and is followed by a lower-case continuation is joined to it.
 */
export function toLines(text: string): string[] {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]/g, ' ')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim());
  const joined: string[] = [];
  for (const line of lines) {
    const previous = joined.at(-1);
    if (previous && line && isWrapped(previous, line)) joined[joined.length - 1] = previous.endsWith('-') ? previous.slice(0, -1) + line : `${previous} ${line}`;
    else joined.push(line);
  }
  return joined.filter((line) => line.length > 0);
}

function isWrapped(previous: string, next: string): boolean {
  return previous.length >= 40 && !/[.!?…:;"”’»)\]]$/.test(previous) && /^\p{Ll}/u.test(next);
}
