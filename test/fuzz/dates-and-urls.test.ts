import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/ingest/dates/parse-date.ts';
import { canonicalUrl, resolveUrl } from '../../src/model/canonical-url.ts';
import { anyText, applyMutation, FUZZ_TIMEOUT, fuzzRuns, hostileCharacter, mutation } from '../support/hostile-input.ts';

const DATES = ['Tue, 10 Jun 2003 04:00:00 GMT', '2024-09-26T06:30:00.123+01:00', 'March 3, 2024, 10:30 a.m. EST', '10 de junio de 2003', '24/11/2024', '20030610T0400Z', 'Sept. 12, 2023 at 5:47 PM ET'];
const URLS = ['https://news.example/a/b?utm_source=x&id=3#top', 'http://user:pass@EXAMPLE.com:80/%7Euser/', '/relative/path?q=1', '//cdn.example/x', 'https://xn--bcher-kva.example/ä?ö=ü'];

const smallMutation = mutation({ maxDepth: 20, maxAttributes: 20, maxRepeat: 3 });
const mutatedFrom = (seeds: string[]) =>
  fc.tuple(fc.constantFrom(...seeds), fc.array(smallMutation, { minLength: 1, maxLength: 3 })).map(([seed, mutations]) => mutations.reduce(applyMutation, seed));
const withHostileCharacters = (seeds: string[]) =>
  fc.tuple(fc.constantFrom(...seeds), fc.nat(), hostileCharacter).map(([seed, at, character]) => seed.slice(0, at % (seed.length + 1)) + character + seed.slice(at % (seed.length + 1)));

describe('the date reader on hostile input', () => {
  it('reads any string as an ISO 8601 UTC date between 1900 and 2200, or as no date, and never throws', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.string({ unit: 'binary', maxLength: 60 }), mutatedFrom(DATES), withHostileCharacters(DATES)), (text) => {
        const date = parseDate(text);
        if (date === undefined) return;
        expect(new Date(date).toISOString()).toBe(date);
        expect(Number(date.slice(0, 4))).toBeGreaterThanOrEqual(1899);
        expect(Number(date.slice(0, 4))).toBeLessThanOrEqual(2200);
      }),
      { numRuns: fuzzRuns(2_000) },
    );
  }, FUZZ_TIMEOUT);
});

describe('the URL reader on hostile input', () => {
  const anyUrlText = fc.oneof(anyText, fc.webUrl({ withFragments: true, withQueryParameters: true }), mutatedFrom(URLS), withHostileCharacters(URLS));
  const anyBase = fc.option(fc.oneof(fc.webUrl(), fc.constantFrom(...URLS), anyText), { nil: undefined });

  it('gives an absolute http(s) URL without fragment or credentials, the same when given again, or no URL, and never throws', () => {
    fc.assert(
      fc.property(anyUrlText, anyBase, (raw, base) => {
        const canonical = canonicalUrl(raw, base);
        if (canonical === undefined) return;
        const url = new URL(canonical);
        expect(['http:', 'https:']).toContain(url.protocol);
        expect(url.hash + url.username + url.password).toBe('');
        expect(canonicalUrl(canonical)).toBe(canonical);
      }),
      { numRuns: fuzzRuns(2_000) },
    );
  }, FUZZ_TIMEOUT);

  it('resolves any link against any base to a URL, or to no URL, and never throws', () => {
    fc.assert(
      fc.property(fc.option(anyUrlText, { nil: undefined }), anyBase, (raw, base) => {
        const resolved = resolveUrl(raw, base);
        if (resolved !== undefined) expect(new URL(resolved).href).toBe(resolved);
      }),
      { numRuns: fuzzRuns(2_000) },
    );
  }, FUZZ_TIMEOUT);
});
