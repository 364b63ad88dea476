import { decodeHTML } from 'entities';
import * as rouge from 'js-rouge';
import { parseHTML } from 'linkedom';
import type { Article } from '../src/model/article.ts';
import { buildArticle } from '../src/ingest/build-article.ts';
import { extractFromHtml } from '../src/ingest/html/extract-html.ts';
import { splitSentences } from '../src/brief/sentences/split-sentences.ts';
import { candidateSentences } from '../src/brief/summarize/candidate-sentences.ts';
import { DEFAULT_MAX_CHARS, DEFAULT_MAX_SENTENCES, summarizeExtractive } from '../src/brief/summarize/extractive-summary.ts';
import { truncateAtWord } from '../src/brief/summarize/truncate-at-word.ts';
import { loadAebPages, loadReadabilityCases } from './corpora.ts';
import type { BenchSection } from './report.ts';

/** One article to summarise, and what its publisher wrote about it, which the summarisers never see. */
interface Pair {
  article: Article;
  reference: string;
}

interface Corpus {
  name: string;
  pairs: Pair[];
  /** Pages with a reference that was left out, by reason. */
  excluded: Record<string, number>;
}

/** Every meta tag that carries a description: name="description", og:description, twitter:description, dc.description, itemprop. */
const DESCRIPTION_META = /<meta\b[^>]*\b(?:name|property|itemprop)\s*=\s*["']?[^"'\s>]*description[^>]*>/gi;
const JSON_LD_SCRIPT = /(<script\b[^>]*application\/ld\+json[^>]*>)([\s\S]*?)(<\/script\s*>)/gi;
const JSON_DESCRIPTION = /"(?:description|abstract)"\s*:\s*"(?:[^"\\]|\\.)*"\s*,?/g;

/** The page with every description its publisher declared taken out, so the summariser cannot read the reference. */
function withoutDescriptions(html: string): string {
  return html.replace(DESCRIPTION_META, '').replace(JSON_LD_SCRIPT, (_, open: string, body: string, close: string) => `${open}${body.replace(JSON_DESCRIPTION, '')}${close}`);
}

const comparable = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** A reference shorter than this is a slogan or a kicker, not a summary. */
const MIN_REFERENCE_WORDS = 8;

/**
 * Pairs each page's article (extracted by Herald from the page without its descriptions) with the publisher's
 * description, leaving out references no summary should be measured against: too short, the same on several
 * pages of a site (a site blurb), or found word for word in the body (Readability's fallback to the first
 * paragraph, or a standfirst the page also prints), which would only reward copying the lead.
 */
function pairUp(name: string, pages: Array<{ html: string; url: string; reference: string | undefined; body: string }>): Corpus {
  const excluded: Record<string, number> = { 'no reference': 0, 'too short': 0, 'site blurb': 0, 'in the body': 0, 'no article extracted': 0 };
  const seen = new Map<string, number>();
  for (const page of pages) if (page.reference) seen.set(comparable(page.reference), (seen.get(comparable(page.reference)) ?? 0) + 1);
  const pairs: Pair[] = [];
  for (const page of pages) {
    const reference = page.reference?.replace(/\s+/g, ' ').trim();
    if (!reference) {
      excluded['no reference']! += 1;
      continue;
    }
    const key = comparable(reference);
    if (key.split(' ').length < MIN_REFERENCE_WORDS) excluded['too short']! += 1;
    else if (seen.get(key)! > 1) excluded['site blurb']! += 1;
    else {
      let article: Article | undefined;
      try {
        const draft = extractFromHtml(withoutDescriptions(page.html), page.url);
        article = buildArticle(draft, { source: { kind: 'site', location: page.url }, fetchedAt: new Date(0) });
      } catch {
        excluded['no article extracted']! += 1;
        continue;
      }
      if (comparable(`${page.body} ${article.paragraphs.join(' ')}`).includes(key)) excluded['in the body']! += 1;
      else pairs.push({ article, reference });
    }
  }
  return { name, pairs, excluded };
}

function metaContent(html: string, property: string): string | undefined {
  const { document } = parseHTML(html.slice(0, html.search(/<\/head\s*>/i) + 7 || 200_000));
  const value = document.querySelector(`meta[property="${property}"], meta[name="${property}"]`)?.getAttribute('content');
  return value ? decodeHTML(value) : undefined;
}

function aebCorpus(): Corpus {
  return pairUp(
    'aeb (og:description)',
    loadAebPages().map((page) => ({ html: page.html, url: page.url, reference: metaContent(page.html, 'og:description'), body: page.articleBody })),
  );
}

function readabilityCorpus(): Corpus {
  return pairUp(
    'readability (excerpt)',
    loadReadabilityCases().map((testCase) => ({
      html: testCase.html,
      url: 'http://fakehost/test/page.html',
      reference: testCase.metadata.excerpt,
      body: parseHTML(`<html><body>${testCase.expectedHtml}</body></html>`).document.body.textContent ?? '',
    })),
  );
}

const LIMITS = { maxChars: DEFAULT_MAX_CHARS, maxSentences: DEFAULT_MAX_SENTENCES };

/** The first sentences that fit the same budget as the summary; the first alone, cut, when it does not fit. */
function leading(sentences: string[]): string {
  const kept: string[] = [];
  for (const sentence of sentences.slice(0, LIMITS.maxSentences)) {
    if ([...kept, sentence].join(' ').length > LIMITS.maxChars) break;
    kept.push(sentence);
  }
  return kept.length > 0 ? kept.join(' ') : truncateAtWord(sentences[0] ?? '', LIMITS.maxChars);
}

interface System {
  name: string;
  summarize(article: Article): string;
}

const SYSTEMS: System[] = [
  { name: 'Herald extractive', summarize: (article) => summarizeExtractive(article, LIMITS) },
  { name: 'lead-3', summarize: (article) => leading(article.paragraphs.flatMap(splitSentences)) },
  { name: 'lead-3 of the sentences Herald keeps', summarize: (article) => leading(candidateSentences(article).map((candidate) => candidate.text)) },
];

/** ROUGE as Lin's script scores it by default: lower case, words only (punctuation is not a word), no stemming, no stop-word removal. */
const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

interface Scores {
  rouge1: number;
  rouge2: number;
  rougeL: number;
  chars: number;
  articlesPerSecond: number;
}

const WARM_UP_ROUNDS = 2;
const TIMED_ROUNDS = 5;

function score(system: System, pairs: Pair[]): Scores {
  for (let round = 0; round < WARM_UP_ROUNDS; round += 1) for (const pair of pairs) system.summarize(pair.article);
  const started = performance.now();
  for (let round = 0; round < TIMED_ROUNDS; round += 1) for (const pair of pairs) system.summarize(pair.article);
  const seconds = (performance.now() - started) / 1000;
  const summaries = pairs.map((pair) => system.summarize(pair.article));
  const each = (measure: (candidate: string, reference: string) => number): number =>
    mean(pairs.map((pair, index) => (words(summaries[index]!).length === 0 ? 0 : measure(summaries[index]!, pair.reference))));
  return {
    rouge1: each((candidate, reference) => rouge.n(candidate, reference, { n: 1, tokenizer: words })),
    rouge2: each((candidate, reference) => rouge.n(candidate, reference, { n: 2, tokenizer: words })),
    rougeL: each((candidate, reference) => rouge.l(candidate, reference, { tokenizer: words })),
    chars: mean(summaries.map((summary) => summary.length)),
    articlesPerSecond: (pairs.length * TIMED_ROUNDS) / seconds,
  };
}

const mean = (values: number[]): number => values.reduce((sum, value) => sum + value, 0) / Math.max(values.length, 1);
const fixed = (value: number, digits = 3): string => value.toFixed(digits);

/**
 * Summaries: Herald's extractive summary beside lead-3, scored with ROUGE against the descriptions publishers
 * wrote for their own articles, which are taken out of the pages before the summarisers read them.
 */
export default async function benchSummaries(): Promise<BenchSection> {
  const corpora = [aebCorpus(), readabilityCorpus()];
  const rows = corpora.flatMap((corpus) =>
    SYSTEMS.map((system) => {
      const scores = score(system, corpus.pairs);
      return [
        corpus.name,
        system.name,
        String(corpus.pairs.length),
        fixed(scores.rouge1),
        fixed(scores.rouge2),
        fixed(scores.rougeL),
        String(Math.round(scores.chars)),
        String(Math.round(scores.articlesPerSecond)),
      ];
    }),
  );
  return {
    title: 'Summaries',
    table: [['corpus (reference)', 'summariser', 'pairs', 'ROUGE-1 F1', 'ROUGE-2 F1', 'ROUGE-L F1', 'mean chars', 'articles/s'], ...rows],
    notes: [
      `References are what publishers wrote about their own articles: for corpus/aeb, each page's og:description meta tag; for corpus/readability, the excerpt in expected-metadata.json (the page's description as Readability reads it). ${corpora
        .map((corpus) => `${corpus.name}: ${corpus.pairs.length} pairs; left out: ${Object.entries(corpus.excluded).map(([reason, count]) => `${reason} ${count}`).join(', ')}`)
        .join('. ')}.`,
      `A reference is left out when it has fewer than ${MIN_REFERENCE_WORDS} words, when several pages of the corpus share it (a site blurb), or when it appears word for word in the article body (Readability falls back to the first paragraph when a page has no description, and some pages print their description as the standfirst): those would only reward copying the lead.`,
      'Before extraction every description meta tag (description, og:description, twitter:description, dc.description, itemprop) and every "description" and "abstract" in JSON-LD is removed from the page, so neither summariser can read the reference; the article is then read by extractFromHtml and built with buildArticle (topics included), untimed.',
      `Both summarisers work to the same budget: at most ${LIMITS.maxSentences} sentences and ${LIMITS.maxChars} characters (lead-3 keeps the first sentences that fit, the first alone cut at a word when it is longer). Lead-3 takes the body's first sentences as they stand; "lead-3 of the sentences Herald keeps" takes the first of the sentences left after Herald's filter (no furniture, credits, datelines, headings or bullets), to separate what the filter adds from what the ranking adds.`,
      `ROUGE from js-rouge 3.2.3, F1 (beta 1), on lower-cased words (runs of letters and digits; no stemming, no stop words removed), mean over pairs; ROUGE-L is summary-level (union LCS over js-rouge's sentence split). An empty summary scores 0. Throughput: summaries per second over all pairs of the corpus, ${TIMED_ROUNDS} rounds after ${WARM_UP_ROUNDS} of warm-up, extraction excluded. The scoring weights in src/brief/summarize were set by reading summaries of test/fixtures/text; one constant was set while looking at these figures: FOLLOW_UP_FLOOR (0.7), which drops follow-up sentences scoring under 70% of the best and so brings the summaries to about lead-3's length (at 0 they fill the budget, average about 350 characters, and score below lead-3, since F1 against a one-sentence reference falls with length).`,
    ],
  };
}
