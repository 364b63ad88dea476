import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { expect } from 'vitest';
import { buildArticle } from '../../src/ingest/build-article.ts';
import { InputError } from '../../src/input-error.ts';
import type { ArticleDraft } from '../../src/model/article.ts';

/**
 * Hostile inputs for the extractors: mutations of real documents (the seeds) and the constructs that break
 * parsers (deep nesting, huge attribute lists, entity expansion, nested CDATA, enormous lines, stray encodings).
 * Mutations are plain data, so a failing property prints the shrunk recipe, not only its megabytes of output.
 */

const FIXTURES = new URL('../fixtures/', import.meta.url);

export function fixtureText(path: string): string {
  return readFileSync(new URL(path, FIXTURES), 'utf8');
}

/** How many times more inputs each property tries than in `npm test`: `FUZZ_SCALE` (`npm run fuzz` sets 5). */
const FUZZ_SCALE = Number(process.env.FUZZ_SCALE) > 0 ? Number(process.env.FUZZ_SCALE) : 1;

/** How many generated inputs a property tries: a modest default, multiplied for a long run. */
export function fuzzRuns(defaultRuns: number): number {
  return Math.round(defaultRuns * FUZZ_SCALE);
}

/** Long enough for a default run on a loaded machine, and for a long run of any scale. */
export const FUZZ_TIMEOUT = 120_000 * FUZZ_SCALE;

/** Characters that have broken text handling elsewhere: NUL, lone surrogates, bidi overrides, zero-width and BOM characters. */
export const HOSTILE_CHARACTERS = ['\u0000', '\uD800', '\uDFFF', '\uDBFF\uDBFF', '\u202E', '\u202D', '\u2066', '\u200B', '\u200D', '\u2060', '\uFEFF', '\uFFFE', '\uFFFF', '\r', '\u2028', '\u0085'];

export type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'sprinkle'; character: string; every: number }
  | { kind: 'tag-soup'; at: number; markup: string }
  | { kind: 'one-line' }
  | { kind: 'nest'; at: number; tag: string; depth: number; closed: boolean }
  | { kind: 'attributes'; at: number; count: number }
  | { kind: 'entity-expansion'; levels: number }
  | { kind: 'nested-cdata'; at: number; depth: number }
  | { kind: 'repeat'; times: number };

/** Markup fragments a broken or malicious page is made of. */
const SOUP = [
  '<', '>', '</', '<p', '</p>', '<div>', '</div></div></div>', '<br/>', '<!--', '-->', '<![CDATA[', ']]>', '<?xml version="1.0"?>', '<!DOCTYPE html>',
  '<script>', '</script>', '<style>', '<item>', '</item>', '<entry>', '<channel>', '<rss>', '</rss>', '<feed xmlns="http://www.w3.org/2005/Atom">',
  '&', '&amp;', '&#0;', '&#xD800;', '&#x110000;', '&#99999999999;', '&nbsp', '&unknown;', '"', "'", '=', '<a href="javascript:alert(1)">',
  '<a href="http://[::1">', '<a href="//">', '<base href="::">', '<meta charset="utf-16">', '<link rel="canonical" href="http://%zz">',
  '<script type="application/ld+json">{"@type":"NewsArticle","headline":', '</script>', '<html>', '<body>', '<article>', '<title>', '<time datetime="99999-99-99">',
];

/** A position as a fraction of the text, so a mutation means the same thing whatever the seed's length. */
const position = fc.double({ min: 0, max: 1, noNaN: true });

export const hostileCharacter = fc.constantFrom(...HOSTILE_CHARACTERS);

export function mutation(scale: { maxDepth: number; maxAttributes: number; maxRepeat: number }): fc.Arbitrary<Mutation> {
  return fc.oneof(
    fc.record({ kind: fc.constant('truncate' as const), at: position }),
    fc.record({ kind: fc.constant('insert' as const), at: position, text: fc.oneof(hostileCharacter, fc.string({ unit: 'binary', maxLength: 20 }), fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 20 })) }),
    fc.record({ kind: fc.constant('sprinkle' as const), character: hostileCharacter, every: fc.integer({ min: 1, max: 50 }) }),
    fc.record({ kind: fc.constant('tag-soup' as const), at: position, markup: fc.array(fc.constantFrom(...SOUP), { minLength: 1, maxLength: 8 }).map((parts) => parts.join('')) }),
    fc.constant({ kind: 'one-line' as const }),
    fc.record({ kind: fc.constant('nest' as const), at: position, tag: fc.constantFrom('div', 'p', 'item', 'entry', 'b', 'table', 'li', 'a'), depth: fc.integer({ min: 1, max: scale.maxDepth }), closed: fc.boolean() }),
    fc.record({ kind: fc.constant('attributes' as const), at: position, count: fc.integer({ min: 1, max: scale.maxAttributes }) }),
    fc.record({ kind: fc.constant('entity-expansion' as const), levels: fc.integer({ min: 1, max: 10 }) }),
    fc.record({ kind: fc.constant('nested-cdata' as const), at: position, depth: fc.integer({ min: 1, max: 20 }) }),
    fc.record({ kind: fc.constant('repeat' as const), times: fc.integer({ min: 2, max: scale.maxRepeat }) }),
  );
}

function cut(text: string, at: number): [string, string] {
  const index = Math.floor(at * text.length);
  return [text.slice(0, index), text.slice(index)];
}

export function nestedElements(tag: string, depth: number, inner = '', closed = true): string {
  return `${`<${tag}>`.repeat(depth)}${inner}${closed ? `</${tag}>`.repeat(depth) : ''}`;
}

export function manyAttributes(count: number): string {
  let attributes = '';
  for (let index = 0; index < count; index += 1) attributes += ` data-a${index}="${index}"`;
  return `<p${attributes} class="body" id="a">`;
}

/** The billion laughs: each entity expands to ten of the one before. A parser that expands them needs 10^levels copies. */
export function billionLaughs(levels: number): string {
  const entities = ['<!ENTITY lol0 "lol">'];
  for (let level = 1; level <= levels; level += 1) entities.push(`<!ENTITY lol${level} "${`&lol${level - 1};`.repeat(10)}">`);
  return `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n${entities.join('\n')}\n]>\n`;
}

export function nestedCdata(depth: number, inner = 'text'): string {
  return `${'<![CDATA[ '.repeat(depth)}${inner}${' ]]>'.repeat(depth)}`;
}

export function applyMutation(text: string, mutation: Mutation): string {
  switch (mutation.kind) {
    case 'truncate':
      return cut(text, mutation.at)[0];
    case 'insert':
    case 'tag-soup': {
      const [before, after] = cut(text, mutation.at);
      return before + (mutation.kind === 'insert' ? mutation.text : mutation.markup) + after;
    }
    case 'sprinkle': {
      let out = '';
      for (let index = 0; index < text.length; index += mutation.every) out += text.slice(index, index + mutation.every) + mutation.character;
      return out;
    }
    case 'one-line':
      return text.replace(/[\r\n]+/g, ' ');
    case 'nest': {
      const [before, after] = cut(text, mutation.at);
      return before + nestedElements(mutation.tag, mutation.depth, '', mutation.closed) + after;
    }
    case 'attributes': {
      const [before, after] = cut(text, mutation.at);
      return before + manyAttributes(mutation.count) + after;
    }
    case 'entity-expansion': {
      // The declaration goes first and the reference into every text, where an expanding parser would meet it.
      const body = text.replace(/^\s*<\?xml[^>]*>/, '').replace(/>([^<]{3})/g, `>&lol${mutation.levels};$1`);
      return billionLaughs(mutation.levels) + body;
    }
    case 'nested-cdata': {
      const [before, after] = cut(text, mutation.at);
      return before + nestedCdata(mutation.depth) + after;
    }
    case 'repeat':
      return text.repeat(mutation.times);
  }
}

export function mutated(seeds: string[], scale: { maxDepth: number; maxAttributes: number; maxRepeat: number }): fc.Arbitrary<{ seed: number; mutations: Mutation[]; text: string }> {
  return fc
    .record({ seed: fc.integer({ min: 0, max: seeds.length - 1 }), mutations: fc.array(mutation(scale), { minLength: 1, maxLength: 4 }) })
    .map(({ seed, mutations }) => ({ seed, mutations, text: mutations.reduce(applyMutation, seeds[seed]!) }));
}

/** How the bytes of a document may disagree with what it says about them. */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'latin1' | 'utf-16le' | 'utf-16le-bom' | 'utf-16be-bom' | 'cesu';

export const DECLARED_CHARSETS = [undefined, 'utf-8', 'utf-16', 'utf-32', 'iso-8859-1', 'windows-1252', 'shift_jis', 'gb18030', 'koi8-r', 'x-no-such-charset', '"', 'utf-8;;', ''] as const;

/** Encodes text the way a misconfigured server might; 'cesu' writes lone surrogates as the three bytes a careless encoder emits. */
export function encode(text: string, encoding: Encoding): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return new TextEncoder().encode(text);
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'latin1':
      return Buffer.from(text, 'latin1');
    case 'utf-16le':
      return Buffer.from(text, 'utf16le');
    case 'utf-16le-bom':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be-bom':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    case 'cesu': {
      const bytes: number[] = [];
      for (const unit of text) {
        const code = unit.charCodeAt(0);
        if (unit.length === 1 && code >= 0xd800 && code <= 0xdfff) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
        else bytes.push(...Buffer.from(unit, 'utf8'));
      }
      return Uint8Array.from(bytes);
    }
  }
}

/** Declares a charset inside the document, whether or not the bytes are in it. */
export function declareCharset(text: string, charset: string | undefined): string {
  if (charset === undefined) return text;
  if (/^\s*<\?xml/.test(text)) return text.replace(/^\s*<\?xml[^>]*\?>/, `<?xml version="1.0" encoding="${charset}"?>`);
  return `<meta charset="${charset}">${text}`;
}

/**
 * Runs an extractor on hostile input: its answer, or the InputError by which it refuses the input.
 * Anything else it throws escapes, and fails the property with the shrunk input.
 */
export function answerOrRefusal<T>(extract: () => T): T | InputError {
  try {
    return extract();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
}

/** What every extractor promises: a draft with a title and prose, or a one-line refusal. */
export function expectArticleOrRefusal(answer: ArticleDraft | InputError): void {
  if (answer instanceof InputError) {
    expect(answer.message).not.toMatch(/[\r\n]/);
    return;
  }
  expect(typeof answer.title).toBe('string');
  expect(answer.paragraphs.every((paragraph) => typeof paragraph === 'string')).toBe(true);
  expect(Array.isArray(answer.alsoRead)).toBe(true);
  // Herald gives every draft an identity, a language and topics next; hostile text must not break that either.
  expect(buildArticle(answer, { source: { kind: 'file', location: 'fuzz' }, fetchedAt: new Date(0) }).id).toMatch(/^[0-9a-f]{24}$/);
}

/** Any UTF-16 string, lone surrogates included: what a decoder can hand an extractor. */
export const anyText = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 2_000 });

/** Strings made of markup fragments and hostile characters, which reach a parser's corners faster than random characters. */
export const markupSoup = fc
  .array(fc.oneof(fc.constantFrom(...SOUP), hostileCharacter, fc.string({ maxLength: 30 }), fc.constant('A sentence of ordinary article prose, long enough to count. ')), { maxLength: 200 })
  .map((parts) => parts.join(''));
