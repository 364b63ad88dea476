import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decodeText } from '../src/ingest/decode-text.ts';

/** The shared corpora live beside the repository, at ../shared, for tests, benches and CI alike. */
export const SHARED = path.resolve(import.meta.dirname, '../../shared');

export interface AebPage {
  id: string;
  url: string;
  html: string;
  articleBody: string;
}

/** The human-marked pages of scrapinghub's article-extraction benchmark. */
export function loadAebPages(): AebPage[] {
  const root = path.join(SHARED, 'corpus/aeb');
  const truth = JSON.parse(readFileSync(path.join(root, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string; url: string }>;
  return Object.entries(truth).map(([id, { articleBody, url }]) => ({
    id,
    url,
    articleBody,
    html: decodeText(gunzipSync(readFileSync(path.join(root, 'html', `${id}.html.gz`)))),
  }));
}

export interface ReadabilityCase {
  name: string;
  html: string;
  expectedHtml: string;
  metadata: { title?: string; byline?: string; excerpt?: string; siteName?: string; publishedTime?: string; lang?: string };
}

/** Pages from Mozilla Readability's test suite, with Readability's own output. */
export function loadReadabilityCases(): ReadabilityCase[] {
  const root = path.join(SHARED, 'corpus/readability');
  return readdirSync(root)
    .filter((name) => !name.startsWith('.'))
    .sort()
    .map((name) => ({
      name,
      html: readFileSync(path.join(root, name, 'source.html'), 'utf8'),
      expectedHtml: readFileSync(path.join(root, name, 'expected.html'), 'utf8'),
      metadata: JSON.parse(readFileSync(path.join(root, name, 'expected-metadata.json'), 'utf8')),
    }));
}
