import { afterEach, expect, it } from 'vitest';
import { RELATED_CANDIDATES } from '../../src/brief/also-read/related-candidates.ts';
import type { Article } from '../../src/model/article.ts';
import { describeEachEngine, engineOpener } from '../support/store-engines.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = new Date('2024-09-20T12:00:00Z');
const STORY = { title: 'Harbour City ferry strike ends', topics: ['Harbour City', 'Maritime Workers Union', 'Harbour Ferries', 'ferry', 'strike'], ownIds: ['story'] };

function article(id: string, topics: string[], at: Date): Article {
  const url = `https://courier.example/${id}`;
  return {
    id,
    url,
    canonicalUrl: url,
    title: `Report ${id}`,
    fetchedAt: at.toISOString(),
    paragraphs: [`Report ${id} from the harbour.`],
    alsoRead: [],
    topics,
    source: { kind: 'feed', location: 'https://courier.example/feed.xml' },
    contentHash: id.padEnd(64, '0'),
  };
}

describeEachEngine('Related coverage candidates', (engine) => {
  const stores = engineOpener(engine);
  afterEach(() => stores.closeAll());

  it('GIVEN a day holding more candidates than are ranked WHEN a story asks for related coverage THEN only the newest are ranked, not an earlier report sharing more of its topics', async () => {
    const store = await stores.fresh({ now: () => NOW });
    await store.articles.add(article('earlier-all-topics', STORY.topics, new Date(NOW.getTime() - 23 * HOUR)));
    for (let index = 0; index < RELATED_CANDIDATES; index += 1) {
      await store.articles.add(article(`today-${String(index).padStart(3, '0')}`, ['Harbour City', 'Maritime Workers Union'], new Date(NOW.getTime() - (index + 1) * 60_000)));
    }
    const related = await store.catalog.related(STORY, { now: NOW, limit: 3 });
    expect(related.map((each) => each.id)).toEqual(['today-000', 'today-001', 'today-002']);
  }, 120_000);

  it('GIVEN too few candidates in the last week WHEN a story asks for related coverage THEN older ones are ranked too, most shared topics first', async () => {
    const store = await stores.fresh({ now: () => NOW });
    await store.articles.add(article('older-all-topics', STORY.topics, new Date(NOW.getTime() - 10 * DAY)));
    await store.articles.add(article('this-week', ['Harbour City', 'Maritime Workers Union'], new Date(NOW.getTime() - 2 * DAY)));
    await store.articles.add(article('story', STORY.topics, NOW));
    const related = await store.catalog.related(STORY, { now: NOW, limit: 3 });
    expect(related.map((each) => each.id)).toEqual(['older-all-topics', 'this-week']);
  });

  it('GIVEN enough candidates in the last week WHEN a story asks for related coverage THEN none older is ranked', async () => {
    const store = await stores.fresh({ now: () => NOW });
    await store.articles.add(article('older-all-topics', STORY.topics, new Date(NOW.getTime() - 10 * DAY)));
    await store.articles.add(article('this-week', ['Harbour City', 'Maritime Workers Union'], new Date(NOW.getTime() - 2 * DAY)));
    const related = await store.catalog.related(STORY, { now: NOW, limit: 1 });
    expect(related.map((each) => each.id)).toEqual(['this-week']);
  });
});
