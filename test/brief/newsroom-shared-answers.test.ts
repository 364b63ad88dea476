import { expect, it } from 'vitest';
import { createMemoryCatalog } from '../../src/brief/memory-catalog.ts';
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
const FERRY_FARES = ['Harbour Ferries Ltd will raise ferry fares by 4% from November to pay for the new agreement with its crews, the company said.'];
const LIBRARY = ['The Central Library on Quay Street in Harbour City reopened on Wednesday after a two-year restoration.'];

function newsroomOver(articles: Article[], clock: { now: Date }) {
  const catalog = createMemoryCatalog({ retentionMs: 7 * DAY });
  for (const each of articles) catalog.added(each);
  let searches = 0;
  const counted = { ...catalog, search: (...args: Parameters<typeof catalog.search>) => ((searches += 1), catalog.search(...args)) };
  const newsroom = new Newsroom({ catalog: counted, summarizer: createExtractiveSummarizer(), now: () => clock.now });
  return { newsroom, catalog, searches: () => searches };
}

const feeds = ['https://courier.example/feed.xml', 'https://harbour.example/feed.xml'];

it('gives a topic briefing asked again, with nothing stored since, from the one already worked out', async () => {
  const { newsroom } = newsroomOver([article('courier.example', 'Ferry strike ends', FERRY, START)], { now: START });

  const first = await newsroom.topicBriefing('ferry', { sourceLocations: feeds, limit: 5 });
  const again = await newsroom.topicBriefing('ferry', { sourceLocations: [...feeds].reverse(), limit: 5 });

  expect(again).toBe(first);
});

it('works a topic briefing out afresh once an article has arrived, and the new article is in it', async () => {
  const { newsroom, catalog } = newsroomOver([article('courier.example', 'Ferry strike ends', FERRY, START)], { now: START });
  const before = await newsroom.topicBriefing('ferry', { limit: 5 });

  const fares = article('harbour.example', 'Ferry fares to rise', FERRY_FARES, START);
  catalog.added(fares);
  const after = await newsroom.topicBriefing('ferry', { limit: 5 });

  expect(before.items.flatMap((item) => item.articleIds)).not.toContain(fares.id);
  expect(after.items.flatMap((item) => item.articleIds)).toContain(fares.id);
});

it('works a digest out afresh once an article has arrived', async () => {
  const { newsroom, catalog } = newsroomOver([article('courier.example', 'Ferry strike ends', FERRY, START)], { now: START });
  const before = await newsroom.digest({ limit: 5, newest: 500 });

  catalog.added(article('courier.example', 'Library reopens', LIBRARY, START));
  const after = await newsroom.digest({ limit: 5, newest: 500 });

  expect(before.items).toHaveLength(1);
  expect(after.items.map((item) => item.title).sort()).toEqual(['Ferry strike ends', 'Library reopens']);
});

it('works out once a topic briefing asked several times at once, and gives each asker that one', async () => {
  const { newsroom, searches } = newsroomOver([article('courier.example', 'Ferry strike ends', FERRY, START)], { now: START });

  const briefings = await Promise.all(Array.from({ length: 4 }, () => newsroom.topicBriefing('ferry', { limit: 5 })));

  expect(new Set(briefings).size).toBe(1);
  expect(searches()).toBe(1);
});

it('works a briefing out afresh in the next minute', async () => {
  const clock = { now: START };
  const { newsroom } = newsroomOver([article('courier.example', 'Ferry strike ends', FERRY, START)], clock);
  const first = await newsroom.digest({ limit: 5, newest: 500 });

  clock.now = new Date(START.getTime() + 60_000);
  const next = await newsroom.digest({ limit: 5, newest: 500 });

  expect(next).not.toBe(first);
  expect(next.generatedAt).toBe(clock.now.toISOString());
});

it('keeps briefings for other words, readers or scopes apart', async () => {
  const { newsroom } = newsroomOver([article('courier.example', 'Ferry strike ends', FERRY, START), article('harbour.example', 'Library reopens', LIBRARY, START)], { now: START });
  const ferry = await newsroom.topicBriefing('ferry', { limit: 5 });

  expect(await newsroom.topicBriefing('library', { limit: 5 })).not.toBe(ferry);
  expect(await newsroom.topicBriefing('ferry', { limit: 5, language: 'fr' })).not.toBe(ferry);
  expect((await newsroom.topicBriefing('ferry', { limit: 5, sourceLocations: ['https://harbour.example/feed.xml'] })).items).toEqual([]);
});

it('gives every caller that leaves stories out a digest of its own', async () => {
  const { newsroom } = newsroomOver([article('courier.example', 'Ferry strike ends', FERRY, START), article('harbour.example', 'Library reopens', LIBRARY, START)], { now: START });
  const everything = await newsroom.digest({ limit: 5 });

  const withoutFerry = await newsroom.digest({ limit: 5, accept: (story) => !story.lead.title.startsWith('Ferry') });

  expect(everything.items).toHaveLength(2);
  expect(withoutFerry.items.map((item) => item.title)).toEqual(['Library reopens']);
});
