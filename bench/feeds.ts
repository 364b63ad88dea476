import Parser from 'rss-parser';
import { parseFeed } from '../src/ingest/feed/parse-feed.ts';
import { loadFeedFiles, type FeedFile } from './corpora.ts';
import type { BenchSection } from './report.ts';

type Reader = (text: string) => Promise<number>;

const rssParser = new Parser();
const readers: Array<[string, Reader]> = [
  ['Herald parseFeed', async (text) => parseFeed(text, { url: 'https://feeds.example/feed' }).items.length],
  ['rss-parser 3.13 parseString', async (text) => (await rssParser.parseString(text)).items.length],
];

/** Reads every feed once; a feed that throws or yields no items counts as not read. */
async function readAll(reader: Reader, feeds: FeedFile[]): Promise<{ items: number; failed: Set<string> }> {
  let items = 0;
  const failed = new Set<string>();
  for (const feed of feeds) {
    try {
      const count = await reader(feed.text);
      items += count;
      if (count === 0) failed.add(feed.name);
    } catch {
      failed.add(feed.name);
    }
  }
  return { items, failed };
}

/** Feed parsing: Herald against rss-parser (xml2js underneath), items per second over the same feeds. */
export default async function benchFeeds(): Promise<BenchSection> {
  const feeds = loadFeedFiles();
  const bytes = feeds.reduce((sum, feed) => sum + feed.text.length, 0);
  const results = [];
  for (const [name, reader] of readers) {
    const { items, failed } = await readAll(reader, feeds);
    await readAll(reader, feeds);
    const rounds = 10;
    const started = performance.now();
    for (let round = 0; round < rounds; round += 1) await readAll(reader, feeds);
    const seconds = (performance.now() - started) / 1000 / rounds;
    results.push({ name, items, failed, itemsPerSecond: items / seconds, msPerRound: seconds * 1000 });
  }
  const [ours, baseline] = results as [(typeof results)[number], (typeof results)[number]];
  const lost = [...ours.failed].filter((name) => !baseline.failed.has(name));
  const theirsLost = [...baseline.failed].filter((name) => !ours.failed.has(name));
  const both = [...ours.failed].filter((name) => baseline.failed.has(name));
  return {
    title: 'Feed parsing',
    table: [
      ['parser', 'items/s', 'ms per pass over all feeds', 'items read', 'feeds not read'],
      ...results.map((result) => [result.name, Math.round(result.itemsPerSecond).toLocaleString('en'), result.msPerRound.toFixed(1), String(result.items), String(result.failed.size)]),
      ['ratio (Herald / rss-parser)', `${(ours.itemsPerSecond / baseline.itemsPerSecond).toFixed(1)}x faster`, '', '', ''],
    ],
    notes: [
      `${feeds.length} real-world feeds (${(bytes / 1024 / 1024).toFixed(1)} MB of text) from corpus/rss-parser (its input/ folder) and corpus/node-feedparser, 10 timed passes after a warm-up.`,
      `Feeds only Herald fails to read: ${lost.length ? lost.join(', ') : 'none'}. Only rss-parser fails: ${theirsLost.length ? theirsLost.join(', ') : 'none'}. Both (not feeds): ${both.length ? both.join(', ') : 'none'}.`,
    ],
  };
}
