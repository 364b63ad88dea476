/**
 * Splits a page dump into trimmed lines, one paragraph each. Dumps made by copying from a browser keep a
 * paragraph per line; dumps made by text-mode browsers wrap them at a fixed width, and only there is a line
 * that stops near that width mid-sentence, followed by a lower-case continuation, joined to the next.
 */
export function toLines(text: string): string[] {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]/g, ' ')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim());
  const width = wrapWidth(lines);
  if (width === undefined) return lines.filter((line) => line.length > 0);
  const joined: string[] = [];
  for (const line of lines) {
    const previous = joined.at(-1);
    if (previous && line && isWrapped(previous, line, width)) joined[joined.length - 1] = previous.endsWith('-') ? previous.slice(0, -1) + line : `${previous} ${line}`;
    else joined.push(line);
  }
  return joined.filter((line) => line.length > 0);
}

/** Text-mode browsers wrap at 72 to 100 columns; a page whose longest line is wider was not wrapped. */
const MAX_WRAP_WIDTH = 100;

/**
 * The column a dump was wrapped at, or undefined when it was not: in a wrapped dump no line is much wider
 * than the rest, and a good share of the lines that carry text end close to that width.
 */
function wrapWidth(lines: string[]): number | undefined {
  const textLines = lines.filter((line) => line.length >= 40);
  if (textLines.length < 2) return undefined;
  const width = textLines.reduce((widest, line) => Math.max(widest, line.length), 0);
  if (width > MAX_WRAP_WIDTH) return undefined;
  const nearMargin = textLines.filter((line) => line.length >= width * 0.8).length;
  return nearMargin >= textLines.length * 0.5 ? width : undefined;
}

function isWrapped(previous: string, next: string, width: number): boolean {
  return previous.length >= width - 20 && !/[.!?…:;"”’»)\]]$/.test(previous) && /^\p{Ll}/u.test(next);
}
