import escapeStringRegexp from 'escape-string-regexp';
import { InputError } from '../input-error.ts';
import type { Article } from '../model/article.ts';

const MAX_PATTERN = 100;

/**
 * A schedule's include or exclude list: plain keywords match whole words, case-insensitively; `/pattern/`
 * is a regular expression, refused when it could backtrack catastrophically, since it runs against every
 * story and admins of any server can set one.
 */
export function compileKeywords(entries: string[]): RegExp[] {
  return entries.map((entry) => {
    const text = entry.trim();
    const regex = /^\/(.+)\/$/s.exec(text)?.[1];
    if (regex === undefined) return new RegExp(`(?<![\\p{L}\\p{N}])${escapeStringRegexp(text).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`, 'iu');
    if (regex.length > MAX_PATTERN) throw new InputError(`the pattern ${text.slice(0, 40)}… is longer than ${MAX_PATTERN} characters`);
    const unsafe = unsafeReason(regex);
    if (unsafe) throw new InputError(`the pattern ${text} is refused: ${unsafe}`);
    try {
      return new RegExp(regex, 'iu');
    } catch (error) {
      throw new InputError(`the pattern ${text} is not a valid regular expression (${(error as Error).message.split(':').pop()?.trim()})`);
    }
  });
}

/**
 * Hand-written because no maintained package here checks patterns without native code: the shapes that make
 * backtracking explode are a repeated group that itself repeats or alternates, ("(a+)+", "(a|aa)*"), and
 * backreferences; everything else runs in linear-ish time on news-sized text.
 */
function unsafeReason(pattern: string): string | undefined {
  if (/\\[1-9]|\\k</.test(pattern)) return 'backreferences are not allowed';
  // Whether each open group holds a repetition or an alternation so far.
  const groups: Array<{ risky: boolean }> = [];
  for (let index = 0; index < pattern.length; index += 1) {
    const char = pattern[index]!;
    if (char === '\\') {
      index += 1;
      continue;
    }
    if (char === '[') {
      while (index < pattern.length && pattern[index] !== ']') index += pattern[index] === '\\' ? 2 : 1;
      continue;
    }
    if (char === '(') groups.push({ risky: false });
    else if ((char === '+' || char === '*' || char === '{' || char === '|') && groups.length) groups.at(-1)!.risky = true;
    else if (char === ')') {
      const group = groups.pop();
      const next = pattern[index + 1];
      if (group?.risky && (next === '+' || next === '*' || next === '{')) return 'a repeated group may not repeat or alternate inside';
      if (group?.risky && groups.length) groups.at(-1)!.risky = true;
    }
  }
  return undefined;
}

/** What keyword filters read of a story: its lead's headline, standfirst, topics and opening. */
export function filterText(lead: Pick<Article, 'title' | 'dek' | 'topics' | 'paragraphs'>): string {
  return [lead.title, lead.dek ?? '', ...lead.topics, ...lead.paragraphs.slice(0, 2)].join('\n');
}

/** Whether a story's text passes a schedule's filters: any include (when there are some), no exclude. */
export function passesKeywords(text: string, include: RegExp[], exclude: RegExp[]): boolean {
  if (include.length && !include.some((pattern) => pattern.test(text))) return false;
  return !exclude.some((pattern) => pattern.test(text));
}
