import { afterEach, expect, it } from 'vitest';
import type { Scope } from '../../src/brief/article-catalog.ts';
import { createMemoryCatalog } from '../../src/brief/memory-catalog.ts';
import { Newsroom } from '../../src/brief/newsroom.ts';
import { ENOUGH_CANDIDATES } from '../../src/brief/search/search-windows.ts';
import { createExtractiveSummarizer } from '../../src/brief/summarize/extractive-summarizer.ts';
import { buildArticle } from '../../src/ingest/build-article.ts';
import type { Article } from '../../src/model/article.ts';
import type { StoreEngine } from '../../src/store/store-engine.ts';
import { describeEachEngine, engineOpener } from '../support/store-engines.ts';

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
/** The same wire copy as another site runs it: the store keeps both, and the newsroom tells them as one story. */
const FERRY_WIRE = [...FERRY, 'World Wire contributed reporting.'];
const MUSEUM = ['The Maritime Museum in Harbour City will open until 9pm on Thursdays from October, its director said, after visitor numbers doubled over the summer.'];
/** Another event with the ferry strike's two leading subjects, the union and the city: related coverage. */
const PARADE = [
  'A century after dockers founded it in a pub cellar, the Maritime Workers Union celebrated with brass bands, banners and a parade along the promenade of Harbour City on Saturday.',
  'Veterans in flat caps led the procession, followed by apprentices carrying portraits of the founders; the mayor unveiled a bronze plaque outside the old seamen’s mission.',
];
const LIBRARY = ['The Central Library on Quay Street in Harbour City reopened on Wednesday after a two-year restoration.'];
const FERRY_FARES = ['Harbour Ferries Ltd will raise ferry fares by 4% from November to pay for the new agreement with its crews, the company said.'];

describeEachEngine('Newsroom', (engine) => {
  const stores = engineOpener(engine);
  afterEach(() => stores.closeAll());

  async function newsroomAt(clock: { now: Date }): Promise<{ newsroom: Newsroom; store: StoreEngine }> {
    const store = await stores.fresh({ retentionMs: 7 * DAY, now: () => clock.now });
    return { newsroom: new Newsroom({ catalog: store.catalog, summarizer: createExtractiveSummarizer(), now: () => clock.now }), store };
  }

  it('finds an article as soon as it is stored', async () => {
    const { newsroom, store } = await newsroomAt({ now: START });
    await store.articles.add(article('courier.example', 'Ferry strike ends', FERRY, START));
    expect((await newsroom.search('ferry strike', { limit: 5 })).map((result) => result.title)).toEqual(['Ferry strike ends']);
  });

  it('keeps a search to what arrived since the time asked, the day just begun included', async () => {
    const clock = { now: new Date('2024-09-12T00:30:00Z') };
    const { newsroom, store } = await newsroomAt(clock);
    await store.articles.add(article('courier.example', 'Ferry strike begins', FERRY, new Date(clock.now.getTime() - 3 * DAY)));
    await store.articles.add(article('worldwire.example', 'Ferry strike ends', FERRY_WIRE, new Date('2024-09-11T23:50:00Z')));
    await store.articles.add(article('harbour.example', 'Ferry timetables resume', FERRY, clock.now));
    const since = new Date(clock.now.getTime() - DAY);
    expect((await newsroom.search('ferry', { since, limit: 5 })).map((result) => result.title).sort()).toEqual(['Ferry strike ends', 'Ferry timetables resume']);
  });

  it('forgets articles past retention when pruned, in search and in digests alike', async () => {
    const clock = { now: START };
    const { newsroom, store } = await newsroomAt(clock);
    await store.articles.add(article('courier.example', 'Ferry strike ends', FERRY, START));
    await store.articles.add(article('courier.example', 'Library reopens', LIBRARY, new Date(START.getTime() + 5 * DAY)));
    clock.now = new Date(START.getTime() + 8 * DAY);
    expect(await newsroom.prune()).toBe(1);
    expect(await newsroom.count()).toBe(1);
    expect(await newsroom.search('ferry', { limit: 5 })).toEqual([]);
    expect((await newsroom.digest({ limit: 5 })).items.map((item) => item.title)).toEqual(['Library reopens']);
  });

  it('shows one server only the sources in its scope', async () => {
    const { newsroom, store } = await newsroomAt({ now: START });
    await store.articles.add(article('courier.example', 'Ferry strike ends', FERRY, START));
    await store.articles.add(article('worldwire.example', 'Harbour City ferry crews end strike', FERRY_WIRE, START));
    const scope = { sourceLocations: ['https://courier.example/feed.xml'] };
    const digest = await newsroom.digest({ ...scope, limit: 5 });
    expect(digest.items.flatMap((item) => item.sources.map((source) => source.name))).toEqual(['courier.example']);
    expect((await newsroom.search('ferry', { ...scope, limit: 5 })).map((result) => result.source)).toEqual(['courier.example']);
    expect((await newsroom.trending({ ...scope, limit: 5 })).every((topic) => topic.sources === 1)).toBe(true);
  });

  it('reads a folder in a scope as every file below it', async () => {
    const { newsroom, store } = await newsroomAt({ now: START });
    await store.articles.add(buildArticle({ title: 'Ferry strike ends', paragraphs: FERRY, alsoRead: [] }, { source: { kind: 'file', location: 'config/samples/ferry.txt' }, fetchedAt: START }));
    expect(await newsroom.search('ferry', { sourceLocations: ['config/samples'], limit: 5 })).toHaveLength(1);
    expect(await newsroom.search('ferry', { sourceLocations: ['config/sample'], limit: 5 })).toHaveLength(0);
  });

  it('tells a story carried by two sites once, with both sites as sources', async () => {
    const { newsroom, store } = await newsroomAt({ now: START });
    await store.articles.add(article('courier.example', 'Ferry strike ends', FERRY, START));
    await store.articles.add(article('worldwire.example', 'Harbour City ferry crews end strike', FERRY_WIRE, START));
    const { items } = await newsroom.digest({ limit: 5 });
    expect(items).toHaveLength(1);
    expect(items[0]!.sources.map((source) => source.name).sort()).toEqual(['courier.example', 'worldwire.example']);
  });

  it('adds a second site’s report to a story it already gave a digest', async () => {
    const { newsroom, store } = await newsroomAt({ now: START });
    await store.articles.add(article('courier.example', 'Ferry strike ends', FERRY, START));
    expect((await newsroom.digest({ limit: 5 })).items[0]!.sources).toHaveLength(1);
    await store.articles.add(article('worldwire.example', 'Harbour City ferry crews end strike', FERRY_WIRE, START));
    expect((await newsroom.digest({ limit: 5 })).items[0]!.sources).toHaveLength(2);
  });

  it('tells a briefing on now from the newest articles only, however many the store keeps', async () => {
    const { newsroom, store } = await newsroomAt({ now: START });
    await store.articles.add(article('courier.example', 'Museum opens late', MUSEUM, new Date(START.getTime() - 2 * DAY)));
    await store.articles.add(article('courier.example', 'Library reopens', LIBRARY, new Date(START.getTime() - DAY)));
    await store.articles.add(article('courier.example', 'Ferry strike ends', FERRY, START));
    expect((await newsroom.digest({ limit: 5 })).items.map((item) => item.title).sort()).toEqual(['Ferry strike ends', 'Library reopens', 'Museum opens late']);
    expect((await newsroom.digest({ limit: 5, newest: 2 })).items.map((item) => item.title).sort()).toEqual(['Ferry strike ends', 'Library reopens']);
  });

  it('leaves a pruned article out of the next digest, though an earlier digest showed it', async () => {
    const clock = { now: START };
    const { newsroom, store } = await newsroomAt(clock);
    await store.articles.add(article('courier.example', 'Ferry strike ends', FERRY, START));
    expect((await newsroom.digest({ limit: 5 })).items).toHaveLength(1);
    clock.now = new Date(START.getTime() + 8 * DAY);
    await newsroom.prune();
    expect((await newsroom.digest({ limit: 5 })).items).toEqual([]);
  });

  it('finds a kept article by the address it was read at, and counts a source’s articles under its name', async () => {
    const { newsroom, store } = await newsroomAt({ now: START });
    const ferry = article('courier.example', 'Ferry strike ends', FERRY, START);
    await store.articles.add(ferry);
    expect((await newsroom.articleAt(`${ferry.url}?utm_source=feed`))?.id).toBe(ferry.id);
    expect(await newsroom.source('https://courier.example/feed.xml')).toEqual({ articles: 1, name: 'courier.example' });
  });

  it('finds a kept article by its id, which a button names, until it is pruned', async () => {
    const clock = { now: START };
    const { newsroom, store } = await newsroomAt(clock);
    const ferry = article('courier.example', 'Ferry strike ends', FERRY, START);
    await store.articles.add(ferry);
    expect((await newsroom.article(ferry.id))?.title).toBe('Ferry strike ends');
    clock.now = new Date(START.getTime() + 8 * DAY);
    await newsroom.prune();
    expect(await newsroom.article(ferry.id)).toBeUndefined();
  });

  it('offers more like an article: related stories within the scope, never the article’s own story', async () => {
    const { newsroom, store } = await newsroomAt({ now: START });
    const ferry = article('courier.example', 'Ferry strike ends', FERRY, START);
    await store.articles.add(ferry);
    await store.articles.add(article('worldwire.example', 'Harbour City ferry crews end strike', FERRY_WIRE, START));
    await store.articles.add(article('parade.example', 'Union marks its centenary with a parade', PARADE, START));
    const ferrySites = ['https://courier.example/feed.xml', 'https://worldwire.example/feed.xml'];
    expect((await newsroom.moreLike(ferry, { sourceLocations: ferrySites, limit: 5 })).items).toEqual([]);
    const related = await newsroom.moreLike(ferry, { sourceLocations: [...ferrySites, 'https://parade.example/feed.xml'], limit: 5 });
    expect(related.items.map((item) => item.title)).toEqual(['Union marks its centenary with a parade']);
  });

  it('suggests further reading in a digest only from the sources in its scope', async () => {
    const { newsroom, store } = await newsroomAt({ now: START });
    await store.articles.add(article('courier.example', 'Ferry strike ends', FERRY, START));
    await store.articles.add(article('parade.example', 'Union marks its centenary with a parade', PARADE, START));
    const everywhere = await newsroom.digest({ limit: 5, accept: (story) => story.lead.title === 'Ferry strike ends' });
    expect(everywhere.items[0]?.alsoRead.map((link) => link.title)).toEqual(['Union marks its centenary with a parade']);
    const courierOnly = await newsroom.digest({ sourceLocations: ['https://courier.example/feed.xml'], limit: 5 });
    expect(courierOnly.items.map((item) => item.title)).toEqual(['Ferry strike ends']);
    expect(courierOnly.items[0]?.alsoRead).toEqual([]);
  });

  it('suggests further reading for one article only from the sources in its scope, its publisher\'s titles included', async () => {
    const { newsroom, store } = await newsroomAt({ now: START });
    await store.articles.add(article('parade.example', 'Union marks its centenary with a parade', PARADE, START));
    const ferry = { ...article('courier.example', 'Ferry strike ends', FERRY, START), alsoRead: [{ title: 'Union marks its centenary with a parade' }] };
    const everywhere = await newsroom.summarizeArticle(ferry);
    expect(everywhere.alsoRead).toEqual([{ title: 'Union marks its centenary with a parade', url: 'https://parade.example/union-marks-its-centenary-with-a-parade' }]);
    const courierOnly = await newsroom.summarizeArticle(ferry, { sourceLocations: ['https://courier.example/feed.xml'] });
    expect(courierOnly.alsoRead).toEqual([{ title: 'Union marks its centenary with a parade' }]);
  });

  it('gives a topic briefing a page at a time, saying how many stories are left, the overview on the first page only', async () => {
    const { newsroom, store } = await newsroomAt({ now: START });
    await store.articles.add(article('courier.example', 'Ferry strike ends', FERRY, START));
    await store.articles.add(article('courier.example', 'Library reopens', LIBRARY, START));
    await store.articles.add(article('courier.example', 'Harbour City museum extends hours', MUSEUM, START));
    const first = await newsroom.topicBriefing('Harbour City', { limit: 2 });
    const second = await newsroom.topicBriefing('Harbour City', { limit: 2, offset: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.more).toBe(1);
    expect(first.overview).toBeTruthy();
    expect(second.items).toHaveLength(1);
    expect(second.more).toBeUndefined();
    expect(second.overview).toBeUndefined();
    expect(new Set([...first.items, ...second.items].map((item) => item.title)).size).toBe(3);
  });

  it('GIVEN the last day holding enough of a topic\'s coverage to rank WHEN a topic briefing is asked THEN it is the briefing on the last day\'s articles alone, as if nothing older were kept', async () => {
    const { newsroom, store } = await newsroomAt({ now: START });
    await store.articles.add(article('courier.example', 'Ferry strike ends', FERRY, new Date(START.getTime() - 3 * DAY)));
    const piers = ['North', 'South', 'East', 'West', 'Old', 'New', 'Grand', 'Little', 'Upper', 'Lower'];
    for (let index = 0; index < ENOUGH_CANDIDATES; index += 1) {
      const pier = `${piers[index % piers.length]} Pier ${Math.floor(index / piers.length) + 1}`;
      const paragraphs = [`Anglers at ${pier} counted ${index + 3} seals this morning, and the ferry sounded its horn as it passed, the harbour master said.`];
      await store.articles.add(article(`pier${index}.example`, `Seals return to ${pier}`, paragraphs, new Date(START.getTime() - (index + 1) * 60_000)));
    }
    const briefing = await newsroom.topicBriefing('ferry', { limit: 5 });
    expect(briefing).toEqual(await newsroom.topicBriefing('ferry', { limit: 5, since: new Date(START.getTime() - DAY) }));
    expect(briefing.items.map((item) => item.title)).not.toContain('Ferry strike ends');
  }, 120_000);
});

it('clusters a scope once for briefings asked at the same time, not once each', async () => {
  const memory = createMemoryCatalog({ retentionMs: 7 * DAY });
  memory.added(article('courier.example', 'Ferry strike ends', FERRY, START));
  memory.added(article('courier.example', 'Library reopens', LIBRARY, START));
  let reads = 0;
  const catalog = { ...memory, inScope: (scope: Scope, now: Date) => ((reads += 1), memory.inScope(scope, now)) };
  const newsroom = new Newsroom({ catalog, summarizer: createExtractiveSummarizer(), now: () => START });

  const briefings = await Promise.all(Array.from({ length: 5 }, () => newsroom.digest({ limit: 5, newest: 500 })));

  expect(briefings.map((briefing) => briefing.items.length)).toEqual([2, 2, 2, 2, 2]);
  expect(reads).toBe(1);
});

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
