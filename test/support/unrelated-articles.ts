import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'ta', 'vo', 'zi', 'be', 'do', 'fu', 'ga', 'hi', 'jo', 'pe', 'so'];

/** A made-up name that no other `n` gives, so that stories built from them share no word and never cluster together. */
function name(n: number, part: number): string {
  const code = n * 7 + part;
  const word = [SYLLABLES[code % 16], SYLLABLES[Math.floor(code / 16) % 16], SYLLABLES[Math.floor(code / 256) % 16], 'n'].join('');
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The headline of unrelated article `n`: made-up names, about `words` of them. */
export function unrelatedHeadline(n: number, words = 6): string {
  return Array.from({ length: words }, (_, part) => name(n, part % 7) + (part >= 7 ? String(part) : '')).join(' ');
}

/**
 * Writes `count` local articles (from `first` on) about made-up places and people: no two share a name, so each
 * is a story of its own. Each names its picture in og:image, as publishers do.
 */
export async function writeUnrelatedArticles(directory: string, count: number, options: { first?: number; headlineWords?: number } = {}): Promise<string[]> {
  await mkdir(directory, { recursive: true });
  const first = options.first ?? 0;
  const headlines: string[] = [];
  for (let n = first; n < first + count; n += 1) {
    const title = unrelatedHeadline(n, options.headlineWords);
    headlines.push(title);
    const [a, b, c, d, e, f, g] = [0, 1, 2, 3, 4, 5, 6].map((part) => name(n, part));
    const body = [
      `${a} ${b} opened the ${c} bridge on Tuesday, the mayor of ${d} said.`,
      `${e} engineers had worked on the ${c} bridge for three years.`,
      `The mayor of ${d} said ${f} traders expected more visitors from ${g} this summer.`,
      `${b} families who live beside the ${c} river had waited a decade for the crossing.`,
      `${g} council will hold a festival on the ${c} bridge next month, ${a} said.`,
      `Buses from ${f} will use the ${c} bridge from Monday, the operator said.`,
    ]
      .map((sentence) => `<p>${sentence}</p>`)
      .join('');
    await writeFile(
      path.join(directory, `article-${n}.html`),
      `<html><head><title>${title}</title><meta property="og:url" content="https://local.example/article-${n}"><meta property="og:image" content="https://images.example/article-${n}.jpg"></head><body><article><h1>${title}</h1>${body}</article></body></html>`,
    );
  }
  return headlines;
}
