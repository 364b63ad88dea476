import { describe, expect, it } from 'vitest';
import { trendingTopics, type TrendingArticle } from '../../src/brief/topics/trending-topics.ts';

const now = new Date('2024-09-12T12:00:00Z');
let serial = 0;

function article(topics: string[], site: string, hoursAgo: number, extra: Partial<TrendingArticle> = {}): TrendingArticle {
  serial += 1;
  const at = new Date(now.getTime() - hoursAgo * 3_600_000).toISOString();
  return {
    id: `article-${serial}`,
    topics,
    publishedAt: at,
    fetchedAt: now.toISOString(),
    url: `https://www.${site}/news/${serial}`,
    source: { kind: 'feed', location: `https://${site}/rss` },
    ...extra,
  };
}

const keys = (topics: Array<{ key: string }>): string[] => topics.map(({ key }) => key);

describe('trendingTopics', () => {
  it('ranks a topic five sites carry above one a single site wrote about five times', () => {
    const articles = [
      ...['bbc.co.uk', 'reuters.com', 'apnews.com', 'aljazeera.com', 'cnn.com'].map((site) => article(['Heatwave'], site, 2)),
      ...[1, 2, 3, 4, 5].map(() => article(['Local Derby'], 'localpaper.com', 2)),
    ];
    const trending = trendingTopics(articles, { now });
    expect(keys(trending)).toEqual(['heatwave', 'local derby']);
    expect(trending[0]).toMatchObject({ topic: 'Heatwave', articles: 5, sources: 5 });
    expect(trending[1]).toMatchObject({ articles: 5, sources: 1 });
  });

  it('ranks recent coverage above the same coverage a day older', () => {
    const articles = [article(['Floods'], 'bbc.co.uk', 1), article(['Floods'], 'cnn.com', 1), article(['Wildfires'], 'bbc.co.uk', 20), article(['Wildfires'], 'cnn.com', 20)];
    expect(keys(trendingTopics(articles, { now }))).toEqual(['floods', 'wildfires']);
  });

  it('weighs an article half as much after one half-life', () => {
    const [fresh] = trendingTopics([article(['Floods'], 'bbc.co.uk', 0)], { now, halfLifeHours: 6 });
    const [older] = trendingTopics([article(['Floods'], 'bbc.co.uk', 6)], { now, halfLifeHours: 6 });
    expect(older!.score ** 2).toBeCloseTo(fresh!.score ** 2 / 2);
  });

  it('leaves out articles from before the window, 24 hours unless given', () => {
    const articles = [article(['Floods'], 'bbc.co.uk', 2), article(['Elections'], 'bbc.co.uk', 30)];
    expect(keys(trendingTopics(articles, { now }))).toEqual(['floods']);
    expect(keys(trendingTopics(articles, { now, since: new Date(now.getTime() - 48 * 3_600_000) }))).toEqual(['floods', 'elections']);
  });

  it('dates an article by when it was read when its stated time is later than that', () => {
    const misdated = article(['Elections'], 'bbc.co.uk', 0, { publishedAt: '2024-09-12T20:00:00Z', fetchedAt: '2024-09-12T11:00:00Z' });
    expect(keys(trendingTopics([misdated], { now }))).toEqual(['elections']);
  });

  it('counts one topic under its spellings and short names as one, shown in full', () => {
    const articles = [article(['Vladimir Putin'], 'bbc.co.uk', 1), article(['Putin'], 'cnn.com', 1), article(['US'], 'cnn.com', 1), article(['United States'], 'bbc.co.uk', 1)];
    const trending = trendingTopics(articles, { now });
    expect(trending.map(({ topic, sources }) => [topic, sources])).toEqual([
      ['United States', 2],
      ['Vladimir Putin', 2],
    ]);
  });

  it('identifies a source by its site name before its address', () => {
    const articles = [
      article(['Floods'], 'bbc.co.uk', 1, { siteName: 'BBC News' }),
      article(['Floods'], 'feeds.bbci.co.uk', 1, { siteName: 'BBC News' }),
      article(['Floods'], 'theguardian.com', 1, { siteName: 'The Guardian' }),
    ];
    expect(trendingTopics(articles, { now })[0]).toMatchObject({ articles: 3, sources: 2 });
  });

  it('counts an article read twice once', () => {
    const once = article(['Floods'], 'bbc.co.uk', 1);
    expect(trendingTopics([once, { ...once }], { now })[0]).toMatchObject({ articles: 1 });
  });

  it('breaks ties in score by key, so the order never depends on input order', () => {
    const articles = [article(['Zambia'], 'bbc.co.uk', 1), article(['Angola'], 'bbc.co.uk', 1), article(['Malawi'], 'bbc.co.uk', 1)];
    expect(keys(trendingTopics(articles, { now }))).toEqual(['angola', 'malawi', 'zambia']);
    expect(keys(trendingTopics([...articles].reverse(), { now }))).toEqual(['angola', 'malawi', 'zambia']);
  });

  it('returns at most the limit', () => {
    const articles = ['Angola', 'Malawi', 'Zambia'].map((topic) => article([topic], 'bbc.co.uk', 1));
    expect(trendingTopics(articles, { now, limit: 2 })).toHaveLength(2);
  });
});
