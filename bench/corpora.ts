import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decodeText } from '../src/ingest/decode-text.ts';
import { readTarGz } from './read-tar-gz.ts';

/** The corpora the tests and benches read, kept in the repository (corpus/README.md says where each came from). */
export type CorpusName = 'aeb' | 'readability' | 'rss-parser' | 'node-feedparser' | 'feedparser';

/** Every file of one corpus, by its path inside the corpus, in the archive's order: by path (see corpus/README.md). */
export function corpusFiles(name: CorpusName): Map<string, Buffer> {
  return readTarGz(path.resolve(import.meta.dirname, '../corpus', name, 'files.tar.gz'));
}

/** One file of a corpus; a missing one is a broken corpus, not an empty page. */
export function corpusFile(files: Map<string, Buffer>, name: string): Buffer {
  const bytes = files.get(name);
  if (!bytes) throw new Error(`corpus: no file ${name}`);
  return bytes;
}

/** A feed file as the fetcher would hand it to the parser: a gzip content encoding undone, the bytes decoded. */
export function feedText(bytes: Uint8Array): string {
  return decodeText(bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes);
}

export interface AebPage {
  id: string;
  url: string;
  html: string;
  articleBody: string;
}

/** The human-marked pages of scrapinghub's article-extraction benchmark. */
export function loadAebPages(): AebPage[] {
  const files = corpusFiles('aeb');
  const truth = JSON.parse(corpusFile(files, 'ground-truth.json').toString('utf8')) as Record<string, { articleBody: string; url: string }>;
  return Object.entries(truth).map(([id, { articleBody, url }]) => ({
    id,
    url,
    articleBody,
    html: decodeText(corpusFile(files, `html/${id}.html`)),
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
  const files = corpusFiles('readability');
  const read = (name: string, file: string): string => corpusFile(files, `${name}/${file}`).toString('utf8');
  return [...files.keys()]
    .filter((file) => file.endsWith('/source.html'))
    .map((file) => file.slice(0, -'/source.html'.length))
    .sort()
    .map((name) => ({
      name,
      html: read(name, 'source.html'),
      expectedHtml: read(name, 'expected.html'),
      metadata: JSON.parse(read(name, 'expected-metadata.json')),
    }));
}

export interface FeedFile {
  name: string;
  text: string;
}

/** The real-world feeds of rss-parser and node-feedparser (not feedparser's thousands of one-feature cases), decoded as the fetcher would. */
export function loadFeedFiles(): FeedFile[] {
  const rssParser = [...corpusFiles('rss-parser')].filter(([name]) => name.startsWith('input/'));
  const nodeFeedparser = [...corpusFiles('node-feedparser')].map(([name, bytes]) => [`node-feedparser/${name}`, bytes] as const);
  return [...rssParser, ...nodeFeedparser].map(([name, bytes]) => ({ name, text: feedText(bytes) }));
}
