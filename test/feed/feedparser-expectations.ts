import { htmlToParagraphs } from '../../src/ingest/html/html-to-paragraphs.ts';
import type { Feed, FeedItem } from '../../src/ingest/feed/parse-feed.ts';

/**
 * Reads the `Expect:` line of a Python feedparser test case and checks it against Herald's reading of
 * the feed, for the expressions that map onto Herald's model (titles, links, ids, descriptions, content,
 * authors, languages, dates). Everything else (bozo flags, encodings, feedparser-only keys) is "skipped".
 */
export type Verdict = 'pass' | 'fail' | 'skip';

export interface FeedparserCase {
  description: string;
  expect: string;
  /** The Content-Location header the case was served with, which is the feed's base URL. */
  contentLocation?: string;
}

export function readCase(source: string): FeedparserCase | undefined {
  const comment = /<!--([\s\S]*?)-->/.exec(source)?.[1] ?? /\/\*([\s\S]*?)\*\//.exec(source)?.[1];
  if (!comment) return undefined;
  const field = (name: string): string => new RegExp(`^\\s*${name}:\\s*(.*)$`, 'm').exec(comment)?.[1]?.trim() ?? '';
  const contentLocation = /^\s*Header:\s*Content-Location:\s*(\S+)/im.exec(comment)?.[1];
  return { description: field('Description'), expect: field('Expect'), ...(contentLocation ? { contentLocation } : {}) };
}

type Literal = string | number | number[];

export function evaluate(expect: string, feed: Feed): Verdict {
  const comparison = /^(?:not bozo and )?\(?\s*(.+?)\s*==\s*(.+?)\)?\s*$/s.exec(expect.trim());
  if (!comparison) return 'skip';
  const expected = parseLiteral(comparison[2]!.trim());
  if (expected === undefined) return 'skip';
  const actual = lookup(comparison[1]!.trim(), feed);
  if (actual === SKIP) return 'skip';
  return matches(actual, expected, comparison[1]!) ? 'pass' : 'fail';
}

const SKIP = Symbol('skip');

function lookup(path: string, feed: Feed): unknown {
  const steps = [...path.matchAll(/\[(\d+)\]|\['([^']+)'\]|\["([^"]+)"\]|\.(\w+)|^(\w+)/g)].map((match) => match[1] ?? match[2] ?? match[3] ?? match[4] ?? match[5]!);
  const [root, ...rest] = steps;
  if (root === 'feed') return feedField(feed, rest);
  if (root === 'entries') {
    const item = feed.items[Number(rest[0])];
    return item ? itemField(item, rest.slice(1)) : undefined;
  }
  return SKIP;
}

function feedField(feed: Feed, path: string[]): unknown {
  const key = path.join('.');
  switch (key) {
    case 'title':
    case 'title_detail.value':
      return feed.title;
    case 'link':
      return feed.link;
    case 'subtitle':
    case 'tagline':
    case 'description':
    case 'subtitle_detail.value':
    case 'tagline_detail.value':
      return feed.description;
    case 'language':
      return feed.language;
    default:
      return SKIP;
  }
}

function itemField(item: FeedItem, path: string[]): unknown {
  const key = path.join('.');
  switch (key) {
    case 'title':
    case 'title_detail.value':
      return item.title;
    case 'link':
      return item.link;
    case 'id':
    case 'guid':
      return item.guid;
    case 'summary':
    case 'description':
    case 'summary_detail.value':
      return item.summaryHtml ?? item.contentHtml;
    case 'content.0.value':
      return item.contentHtml;
    case 'author':
    case 'author_detail.name':
      return item.author;
    case 'published_parsed':
    case 'issued_parsed':
    case 'created_parsed':
    case 'date_parsed':
      return item.publishedAt;
    case 'updated_parsed':
    case 'modified_parsed':
      return item.updatedAt ?? item.publishedAt;
    default:
      return SKIP;
  }
}

function matches(actual: unknown, expected: Literal, path: string): boolean {
  if (Array.isArray(expected)) {
    if (typeof actual !== 'string') return false;
    const date = new Date(actual);
    const fields = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()];
    return fields.every((value, index) => value === expected[index]);
  }
  if (typeof expected === 'number') return actual === expected;
  if (typeof actual !== 'string') return expected === '' && actual === undefined;
  if (actual === expected) return true;
  // feedparser keeps "email (Name)" or "Name (email)"; Herald keeps the name.
  if (/author/.test(path)) return actual === expected.replace(/^\S+@\S+\s*\((.+)\)$/, '$1').replace(/^(.+?)\s*\(\S+@\S+\)$/, '$1');
  // Herald keeps titles and descriptions as plain text and bodies as HTML it renders later, so markup that
  // renders to the same words reads the same.
  return HTML_FIELDS.test(path) ? visibleText(actual) === visibleText(expected) : actual === visibleText(expected);
}

const HTML_FIELDS = /summary|content|entries\[\d+\]\['description'\]/;

function visibleText(html: string): string {
  return htmlToParagraphs(html).join(' ').replace(/\s+/g, ' ').trim();
}

/** Python string, number and tuple literals, with their escapes. */
function parseLiteral(source: string): Literal | undefined {
  if (/^-?\d+(\.\d+)?$/.test(source)) return Number(source);
  const tuple = /^\(([\d,\s-]+)\)$/.exec(source);
  if (tuple) return tuple[1]!.split(',').map((part) => part.trim()).filter(Boolean).map(Number);
  const string = /^[uUbBrR]?(?:"""([\s\S]*)"""|'''([\s\S]*)'''|'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")$/.exec(source);
  if (!string) return undefined;
  const raw = string[1] ?? string[2] ?? string[3] ?? string[4] ?? '';
  return /^[rR]/.test(source) ? raw : unescapePython(raw);
}

function unescapePython(text: string): string {
  return text.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{2}|[\\'"nrt0]|\n)/g, (_, escape: string) => {
    if (/^[uUx]/.test(escape)) return String.fromCodePoint(Number.parseInt(escape.slice(1), 16));
    return ({ n: '\n', r: '\r', t: '\t', '0': '\0', '\n': '' } as Record<string, string>)[escape] ?? escape;
  });
}
