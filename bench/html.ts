import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { parseHTML } from 'linkedom';
import { extractFromHtml } from '../src/ingest/html/extract-html.ts';
import { extractFromText } from '../src/ingest/text/extract-text.ts';
import { loadAebPages, loadReadabilityCases } from './corpora.ts';
import { extractionScores, shingleMatch, tokenF1 } from './extraction-score.ts';
import { median, percentile, type BenchSection } from './report.ts';
import { textDump } from './text-dumps.ts';

interface Page {
  html: string;
  url: string;
}

type Extractor = (page: Page) => string;

const herald: Extractor = (page) => {
  try {
    return extractFromHtml(page.html, page.url).paragraphs.join('\n\n');
  } catch {
    return '';
  }
};

// jsdom reports every CSS and script problem of real pages on the console; the baseline's timing should not include printing them.
const quiet = new VirtualConsole();

const readabilityJsdom: Extractor = (page) => {
  let dom: JSDOM | undefined;
  try {
    dom = new JSDOM(page.html, { url: page.url, virtualConsole: quiet });
    return new Readability(dom.window.document).parse()?.textContent ?? '';
  } catch {
    return '';
  } finally {
    dom?.window.close();
  }
};

function run(extract: Extractor, pages: Page[]): { texts: string[]; ms: number[] } {
  for (const page of pages.slice(0, 5)) extract(page);
  const texts: string[] = [];
  const ms: number[] = [];
  for (const page of pages) {
    const started = performance.now();
    texts.push(extract(page));
    ms.push(performance.now() - started);
  }
  return { texts, ms };
}

const fixed = (value: number, digits = 3): string => value.toFixed(digits);

/** HTML extraction: Herald against Readability over jsdom, the usual way of running Readability in Node. */
export default async function benchHtml(): Promise<BenchSection> {
  const aeb = loadAebPages();
  const readability = loadReadabilityCases().map((testCase) => ({
    html: testCase.html,
    url: 'http://fakehost/test/page.html',
    expected: parseHTML(`<html><body>${testCase.expectedHtml}</body></html>`).document.body.textContent ?? '',
  }));
  const pages: Page[] = [...aeb, ...readability];

  const rows = ([['Herald (linkedom + cleaned Readability)', herald], ['Readability 0.6 over jsdom 29', readabilityJsdom]] as const).map(([name, extract]) => {
    const { texts, ms } = run(extract, pages);
    const aebF1 = extractionScores(aeb.map((page, index) => shingleMatch(page.articleBody, texts[index]!))).f1;
    const readabilityF1 = readability.map((testCase, index) => tokenF1(testCase.expected, texts[aeb.length + index]!).f1);
    return { name, median: median(ms), p90: percentile(ms, 90), aebF1, readabilityF1: readabilityF1.reduce((sum, f1) => sum + f1, 0) / readabilityF1.length };
  });
  const [ours, baseline] = rows as [(typeof rows)[number], (typeof rows)[number]];
  const scraped = extractionScores(
    aeb.map((page) => {
      try {
        return shingleMatch(page.articleBody, extractFromText(textDump(page.html)).paragraphs.join('\n\n'));
      } catch {
        return shingleMatch(page.articleBody, '');
      }
    }),
  ).f1;
  return {
    title: 'HTML extraction',
    table: [
      ['extractor', 'ms/page median', 'ms/page p90', 'F1, human-marked (aeb, 127 pages)', "token F1 vs Readability's output (99 pages)"],
      ...rows.map((row) => [row.name, fixed(row.median, 1), fixed(row.p90, 1), fixed(row.aebF1), fixed(row.readabilityF1)]),
      ['ratio (baseline / Herald)', `${fixed(baseline.median / ours.median, 1)}x faster`, `${fixed(baseline.p90 / ours.p90, 1)}x faster`, `${fixed(ours.aebF1 - baseline.aebF1)} F1`, `${fixed(ours.readabilityF1 - baseline.readabilityF1)}`],
    ],
    notes: [
      `${pages.length} pages: ${aeb.length} from ../shared/corpus/aeb and ${readability.length} from ../shared/corpus/readability, each timed once after a warm-up, parse and extraction together.`,
      'aeb F1 is the benchmark’s own metric (4-token shingles, mean precision and recall over pages).',
      `Scraped text: the same 127 pages dumped as plain text (every visible block on a line, menus, ads and comments included) and read by Herald's text extractor, which never sees the markup: F1 ${fixed(scraped)}.`,
      "The Readability corpus's expected text is Readability's own output, so Readability agrees with itself there by construction; Herald loses points mostly by dropping captions, credits and repeated headlines on purpose.",
    ],
  };
}
