import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolvePublisherLinks } from '../../src/brief/also-read/publisher-links.ts';
import { createRelatedIndex, linkTo, rankAlsoRead } from '../../src/brief/also-read/related-index.ts';
import { storyAlsoRead } from '../../src/brief/also-read/story-also-read.ts';
import { findHeadline } from '../../src/brief/also-read/title-lookup.ts';
import { alsoReadRelevance } from '../../bench/also-read-relevance.ts';
import { labelledArticles, loadLabelledEvents } from '../../bench/labelled-events.ts';
import { clusterStories } from '../../src/brief/cluster/cluster-stories.ts';
import { buildArticle } from '../../src/ingest/build-article.ts';
import type { Article, ArticleDraft, ArticleSource } from '../../src/model/article.ts';
import type { Story } from '../../src/model/story.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/brief/cluster');

const articles = new Map(
  readdirSync(FIXTURES)
    .filter((name) => name.endsWith('.json'))
    .map((name) => {
      const fixture = JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as { fetchedAt: string; source: ArticleSource; draft: ArticleDraft };
      return [name.replace(/\.json$/, ''), buildArticle(fixture.draft, { source: fixture.source, fetchedAt: new Date(fixture.fetchedAt) })] as const;
    }),
);

function article(name: string): Article {
  const found = articles.get(name);
  if (!found) throw new Error(`no fixture ${name}`);
  return found;
}

const stories = clusterStories([...articles.values()]);
const storyOf = (name: string): Story => stories.find((story) => story.articles.includes(article(name)))!;
const now = new Date('2024-02-11T08:00:00Z');
const fires = storyOf('ap-chile-fires');
const investigation = storyOf('chile-fires-investigation');

describe('rankAlsoRead', () => {
  it('offers coverage of the same subject from another story', () => {
    expect(rankAlsoRead(fires, stories, { now }).map((link) => link.url)).toContain(article('chile-fires-investigation').url);
  });

  it('does not offer an unrelated story', () => {
    expect(rankAlsoRead(fires, stories, { now }).map((link) => link.url)).not.toContain(article('bank-of-england-rates').url);
  });

  it('never links to one of the story’s own articles', () => {
    const own = new Set(fires.articles.map((member) => member.url));
    expect(rankAlsoRead(fires, stories, { now }).filter((link) => own.has(link.url))).toEqual([]);
  });

  it('never offers a copy of the story that clustering missed', () => {
    const missedCopy = { ...fires, id: 'missed', articles: [article('seattle-chile-fires-wire')], lead: article('seattle-chile-fires-wire') };
    const alone = { ...fires, articles: [article('ap-chile-fires')] };
    expect(rankAlsoRead(alone, [missedCopy, investigation], { now }).map((link) => link.url)).toEqual([article('chile-fires-investigation').url]);
  });

  it('ranks the more recent of two equally related stories first', () => {
    const older = { ...investigation, id: '0-older', latestAt: '2024-01-10T00:00:00.000Z', articles: [{ ...article('chile-fires-investigation'), url: 'https://example.com/older', canonicalUrl: 'https://example.com/older' }] };
    const links = rankAlsoRead(fires, [older, investigation], { now });
    expect(links.map((link) => link.url)).toEqual([article('chile-fires-investigation').url, 'https://example.com/older']);
  });

  it('offers at most the limit', () => {
    expect(rankAlsoRead(fires, stories, { now, limit: 1 })).toHaveLength(1);
  });

  it('does not offer a story whose only topic in common is one lower-case word, however alike their words', () => {
    const withTopics = (story: Story, topics: string[]): Story => ({ ...story, articles: story.articles.map((member) => ({ ...member, topics })) });
    const links = rankAlsoRead(withTopics(fires, ['Gabriel Boric', 'emergency']), [withTopics(investigation, ['Valparaíso', 'emergency'])], { now });
    expect(links).toEqual([]);
  });

  it('offers nothing to a story no other story is about', () => {
    expect(createRelatedIndex(stories).alsoRead(storyOf('bank-of-england-rates'), { now })).toEqual([]);
  });
});

const findByTitle = (title: string) => findHeadline(title, articles.values());

describe('findHeadline', () => {

  it('finds an article by its title regardless of case, quotes and accents', () => {
    expect(findByTitle('CHILE’S BORIC DECLARES EMERGENCY AS WILDFIRES RAVAGE VALPARAÍSO REGION')).toBe(article('reuters-chile-fires'));
  });

  it('finds an article whose headline was edited by a word', () => {
    expect(findByTitle("Chile's Boric declares state of emergency as wildfires ravage Valparaiso region")).toBe(article('reuters-chile-fires'));
  });

  it('finds nothing for a headline that only shares a subject', () => {
    expect(findByTitle('Chile wildfires: what we know so far')).toBeUndefined();
  });
});

describe('resolvePublisherLinks', () => {
  it('gives a title-only link the URL of the stored article, keeps links with a URL, and drops what cannot be found', () => {
    const links = resolvePublisherLinks(
      [...article('chile-fires-investigation').alsoRead, { title: 'Colombia fires', url: 'https://www.seattletimes.com/nation-world/colombia-battles-forest-fires/' }],
      findByTitle,
    );
    expect(links).toEqual([
      { title: 'Chile’s Boric declares emergency as wildfires ravage Valparaíso region', url: article('reuters-chile-fires').url },
      { title: 'Colombia fires', url: 'https://www.seattletimes.com/nation-world/colombia-battles-forest-fires/' },
    ]);
  });
});

describe('storyAlsoRead', () => {
  const context = { related: createRelatedIndex(stories), findByTitle, now };

  it("puts the publisher's resolved link first, then Herald's own", () => {
    const links = storyAlsoRead(investigation, context);
    expect(links[0]?.url).toBe(article('reuters-chile-fires').url);
    expect(links.length).toBeGreaterThan(1);
  });

  it('never repeats an address, tracking parameters aside', () => {
    const withTracked = { ...investigation, articles: [{ ...article('chile-fires-investigation'), alsoRead: [{ title: 'AP', url: `${article('ap-chile-fires').url}?utm_source=twitter` }] }] };
    const urls = storyAlsoRead(withTracked, context).map((link) => link.url.replace(/\?.*$/, ''));
    expect(new Set(urls).size).toBe(urls.length);
  });

  it("drops a publisher link that points back at one of the story's own articles", () => {
    const selfLinking = { ...fires, articles: fires.articles.map((member, index) => (index === 0 ? { ...member, alsoRead: [{ title: 'Same story elsewhere', url: article('seattle-chile-fires-wire').url! }] } : member)) };
    expect(storyAlsoRead(selfLinking, context).map((link) => link.title)).not.toContain('Same story elsewhere');
  });

  it('stops at three links', () => {
    const many = Array.from({ length: 5 }, (_, index) => ({ title: `Related ${index}`, url: `https://example.com/related-${index}` }));
    const crowded = { ...investigation, articles: [{ ...article('chile-fires-investigation'), alsoRead: many }] };
    expect(storyAlsoRead(crowded, context)).toHaveLength(3);
  });
});

describe("Herald's also-read links on the labelled events", () => {
  const labelled = labelledArticles(loadLabelledEvents());
  const relevance = alsoReadRelevance(labelled);

  it('lead to coverage of the same subject, at least 90 links in 100 (issue 11)', () => {
    expect(relevance.relevant / relevance.links).toBeGreaterThanOrEqual(0.9);
  });

  it("do not lead from Djokovic's Wimbledon final to England's cricket World Cup, which share London and the words 'set' and 'rule'", () => {
    const events = clusterStories(labelled.map((entry) => entry.article));
    const titled = (title: string) => events.find((story) => story.articles.some((member) => member.title === title))!;
    const wimbledon = titled("Djokovic's fifth Wimbledon title tightens the race for tennis's greatest record");
    const cricket = titled('Stokes drags England over the line in the greatest one-day game ever played');
    const links = createRelatedIndex(events).alsoRead(wimbledon, { now: new Date(Date.parse(wimbledon.latestAt) + 3_600_000) });
    expect(links.map((link) => link.url)).not.toContain(linkTo(cricket)!.url);
  });

  it('still offers related coverage under most stories that have any', () => {
    expect(relevance.withLinks / relevance.stories).toBeGreaterThanOrEqual(0.5);
  });
});
