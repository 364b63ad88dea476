import { describe, expect, it } from 'vitest';
import { Newsroom } from '../../src/brief/newsroom.ts';
import { createExtractiveSummarizer } from '../../src/brief/summarize/extractive-summarizer.ts';
import { buildArticle } from '../../src/ingest/build-article.ts';
import type { Article } from '../../src/model/article.ts';

const DAY = 86_400_000;
const START = new Date('2024-09-12T09:00:00Z');

function article(feed: string, title: string, paragraphs: string[], fetchedAt: Date): Article {
  const slug = title.toLowerCase().replace(/\W+/g, '-');
  return buildArticle({ title, url: `https://${feed}/${slug}`, siteName: feed, paragraphs, alsoRead: [] }, { source: { kind: 'feed', location: `https://${feed}/feed.xml` }, fetchedAt });
}

const FERRY = [
  'Ferry crews in Harbour City voted on Wednesday to accept a 6% pay offer, ending a nine-day strike, the Maritime Workers Union said.',
  'Harbour Ferries Ltd said full timetables would resume on Friday.',
];
const LIBRARY = ['The Central Library on Quay Street in Harbour City reopened on Wednesday after a two-year restoration.'];

function newsroomAt(clock: { now: Date }): Newsroom {
  return new Newsroom({ summarizer: createExtractiveSummarizer(), now: () => clock.now, retentionMs: 7 * DAY });
}

describe('Newsroom', () => {
  it('finds an article as soon as it is added', () => {
    const newsroom = newsroomAt({ now: START });
    newsroom.add(article('courier.example', 'Ferry strike ends', FERRY, START));
    expect(newsroom.search('ferry strike', { limit: 5 }).map((result) => result.title)).toEqual(['Ferry strike ends']);
  });

  it('forgets articles past retention when pruned, in search and in digests alike', async () => {
    const clock = { now: START };
    const newsroom = newsroomAt(clock);
    newsroom.add(article('courier.example', 'Ferry strike ends', FERRY, START));
    newsroom.add(article('courier.example', 'Library reopens', LIBRARY, new Date(START.getTime() + 5 * DAY)));
    clock.now = new Date(START.getTime() + 8 * DAY);
    expect(newsroom.prune()).toBe(1);
    expect(newsroom.size).toBe(1);
    expect(newsroom.search('ferry', { limit: 5 })).toEqual([]);
    expect((await newsroom.digest({ limit: 5 })).items.map((item) => item.title)).toEqual(['Library reopens']);
  });

  it('shows one server only the sources in its scope', async () => {
    const newsroom = newsroomAt({ now: START });
    newsroom.add(article('courier.example', 'Ferry strike ends', FERRY, START));
    newsroom.add(article('worldwire.example', 'Harbour City ferry crews end strike', FERRY, START));
    const scope = { sourceLocations: ['https://courier.example/feed.xml'] };
    const digest = await newsroom.digest({ ...scope, limit: 5 });
    expect(digest.items.flatMap((item) => item.sources.map((source) => source.name))).toEqual(['courier.example']);
    expect(newsroom.search('ferry', { ...scope, limit: 5 }).map((result) => result.source)).toEqual(['courier.example']);
    expect(newsroom.trending({ ...scope, limit: 5 }).every((topic) => topic.sources === 1)).toBe(true);
  });

  it('reads a folder in a scope as every file below it', () => {
    const newsroom = newsroomAt({ now: START });
    const inFolder = buildArticle({ title: 'Ferry strike ends', paragraphs: FERRY, alsoRead: [] }, { source: { kind: 'file', location: 'config/samples/ferry.txt' }, fetchedAt: START });
    newsroom.add(inFolder);
    expect(newsroom.search('ferry', { sourceLocations: ['config/samples'], limit: 5 })).toHaveLength(1);
    expect(newsroom.search('ferry', { sourceLocations: ['config/sample'], limit: 5 })).toHaveLength(0);
  });

  it('tells a story carried by two sites once, with both sites as sources', async () => {
    const newsroom = newsroomAt({ now: START });
    newsroom.add(article('courier.example', 'Ferry strike ends', FERRY, START));
    newsroom.add(article('worldwire.example', 'Harbour City ferry crews end strike', FERRY, START));
    const { items } = await newsroom.digest({ limit: 5 });
    expect(items).toHaveLength(1);
    expect(items[0]!.sources.map((source) => source.name).sort()).toEqual(['courier.example', 'worldwire.example']);
  });

  it('adds a second site’s report to a story it already gave a digest', async () => {
    const newsroom = newsroomAt({ now: START });
    newsroom.add(article('courier.example', 'Ferry strike ends', FERRY, START));
    expect((await newsroom.digest({ limit: 5 })).items[0]!.sources).toHaveLength(1);
    newsroom.add(article('worldwire.example', 'Harbour City ferry crews end strike', FERRY, START));
    expect((await newsroom.digest({ limit: 5 })).items[0]!.sources).toHaveLength(2);
  });

  it('leaves a pruned article out of the next digest, though an earlier digest showed it', async () => {
    const clock = { now: START };
    const newsroom = newsroomAt(clock);
    newsroom.add(article('courier.example', 'Ferry strike ends', FERRY, START));
    expect((await newsroom.digest({ limit: 5 })).items).toHaveLength(1);
    clock.now = new Date(START.getTime() + 8 * DAY);
    newsroom.prune();
    expect((await newsroom.digest({ limit: 5 })).items).toEqual([]);
  });
});
