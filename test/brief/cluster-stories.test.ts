import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clusterStories } from '../../src/brief/cluster/cluster-stories.ts';
import { articleFeatures } from '../../src/brief/cluster/article-features.ts';
import { mergeClusters } from '../../src/brief/cluster/merge-clusters.ts';
import { figureCounts, sameEventSimilarity } from '../../src/brief/cluster/same-event-pairs.ts';
import { termVectors } from '../../src/brief/cluster/term-vectors.ts';
import { buildArticle } from '../../src/ingest/build-article.ts';
import type { Article, ArticleDraft, ArticleSource } from '../../src/model/article.ts';
import type { Story } from '../../src/model/story.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/brief/cluster');

interface Fixture {
  fetchedAt: string;
  source: ArticleSource;
  draft: ArticleDraft;
}

const articles = new Map(
  readdirSync(FIXTURES)
    .filter((name) => name.endsWith('.json'))
    .map((name) => {
      const fixture = JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as Fixture;
      return [name.replace(/\.json$/, ''), buildArticle(fixture.draft, { source: fixture.source, fetchedAt: new Date(fixture.fetchedAt) })] as const;
    }),
);

function article(name: string): Article {
  const found = articles.get(name);
  if (!found) throw new Error(`no fixture ${name}`);
  return found;
}

const all = [...articles.values()];
const wireCopies = ['ap-chile-fires', 'seattle-chile-fires-wire', 'kvnt-chile-fires-wire'];

function storyOf(stories: Story[], name: string): Story {
  return stories.find((story) => story.articles.some((member) => member.id === article(name).id))!;
}

function together(stories: Story[], a: string, b: string): boolean {
  return storyOf(stories, a) === storyOf(stories, b);
}

describe('clusterStories', () => {
  const stories = clusterStories(all);

  it('puts one wire story carried by three sites under different headlines into one story', () => {
    const story = storyOf(stories, 'ap-chile-fires');
    expect(wireCopies.every((name) => story.articles.includes(article(name)))).toBe(true);
  });

  it('puts a separately written report of the same event in the same story', () => {
    expect(together(stories, 'reuters-chile-fires', 'ap-chile-fires')).toBe(true);
  });

  it('keeps a later story on the same subject apart', () => {
    expect(together(stories, 'chile-fires-investigation', 'ap-chile-fires')).toBe(false);
  });

  it('keeps apart a different event from the same country on the same day', () => {
    expect(together(stories, 'chile-copper-output', 'ap-chile-fires')).toBe(false);
  });

  it('keeps a roundup that mentions both Chilean events from chaining them into one story', () => {
    const permissive = clusterStories(all, { eventSimilarity: 0.2 });
    expect(together(permissive, 'chile-copper-output', 'ap-chile-fires')).toBe(false);
  });

  it('leads with the full, earliest copy from a named site, and lists the lead first', () => {
    const story = storyOf(stories, 'ap-chile-fires');
    expect(story.lead).toBe(article('ap-chile-fires'));
    expect(story.articles[0]).toBe(story.lead);
    expect(story.id).toBe(story.lead.id);
  });

  it('prefers a copy with a URL and a site name over an earlier one without', () => {
    const { url: _url, canonicalUrl: _canonical, ...anonymous } = article('ap-chile-fires');
    const [story] = clusterStories([{ ...anonymous, id: 'no-url' }, article('seattle-chile-fires-wire')]);
    expect(story?.lead).toBe(article('seattle-chile-fires-wire'));
  });

  it('dates a story by the latest publication among its articles', () => {
    const story = storyOf(stories, 'ap-chile-fires');
    const latest = Math.max(...story.articles.map((member) => Date.parse(member.publishedAt!)));
    expect(story.articles.length).toBeGreaterThan(3);
    expect(story.latestAt).toBe(new Date(latest).toISOString());
    expect(Date.parse(story.latestAt)).toBeGreaterThan(Date.parse(story.lead.publishedAt!));
  });

  it('names the topics the articles share, most widely named first', () => {
    const topics = storyOf(stories, 'ap-chile-fires').topics;
    expect(topics.slice(0, 2)).toEqual(expect.arrayContaining(['Chile', 'Gabriel Boric']));
    expect(topics).not.toContain('Quilpue');
  });

  it('orders stories newest first', () => {
    const times = stories.map((story) => story.latestAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('gives the same stories whatever order the articles come in', () => {
    const shape = (result: Story[]): string[][] => result.map((story) => story.articles.map((member) => member.id));
    expect(shape(clusterStories([...all].reverse()))).toEqual(shape(stories));
  });

  it('counts the same article read twice once', () => {
    const again = { ...article('bank-of-england-rates'), fetchedAt: '2024-02-01T13:00:00.000Z' };
    const story = storyOf(clusterStories([...all, again]), 'bank-of-england-rates');
    expect(story.articles).toHaveLength(1);
  });

  it('keeps apart two different stories whose common ground is one sentence they both print, even under a headline made of it', () => {
    const quote = 'President Gabriel Boric said on Saturday that at least 46 people had died and 1,100 homes burned in Valparaíso.';
    const fires = { ...article('ap-chile-fires'), paragraphs: [...article('ap-chile-fires').paragraphs, quote] };
    const copper = { ...article('chile-copper-output'), title: 'Gabriel Boric says at least 46 dead and 1,100 homes burned in Valparaíso', paragraphs: [quote, ...article('chile-copper-output').paragraphs] };
    const result = clusterStories([fires, copper]);
    expect(result.map((story) => story.articles.map((member) => member.id))).toEqual(expect.arrayContaining([[fires.id], [copper.id]]));
  });

  it('keeps apart two days of a column that open with the same line under the same headline', () => {
    const title = 'Markets wrap: London stocks, the pound and oil today';
    const opening = 'Here is how London markets closed today, with the FTSE 100, the pound and Brent crude, from the City desk.';
    const edition = (day: string, paragraphs: string[]): Article =>
      buildArticle(
        { title, url: `https://citydesk.example/markets-wrap/${day}`, siteName: 'City Desk', publishedAt: `2024-03-${day}T17:00:00Z`, language: 'en', paragraphs: [opening, ...paragraphs], alsoRead: [] },
        { source: { kind: 'feed', location: 'https://citydesk.example/feed' }, fetchedAt: new Date(`2024-03-${day}T17:10:00Z`) },
      );
    const monday = edition('04', [
      'The FTSE 100 rose 1.2% to 7,720 as BP and Shell gained with oil, and Brent crude climbed to $83 a barrel after OPEC+ extended its output cuts.',
      'Shares in Rolls-Royce jumped 6% after the engine maker said chief executive Tufan Erginbilgic would return cash to shareholders for the first time since the pandemic.',
      'The pound slipped 0.3% against the dollar to $1.265.',
    ]);
    const tuesday = edition('05', [
      'The FTSE 100 fell 0.4% to 7,646 as Unilever and AstraZeneca lost ground, while Brent crude eased to $82 a barrel.',
      "Unilever shares dropped 3% after the consumer goods group said it would cut 7,500 jobs and spin off its ice cream business, home of Ben & Jerry's and Magnum.",
      'Gold hit a record $2,140 an ounce as traders bet on rate cuts by the Federal Reserve.',
    ]);
    expect(clusterStories([monday, tuesday])).toHaveLength(2);
  });

  it('keeps a wire story and a site that runs its first paragraphs under its headline in one story', () => {
    const fixture = JSON.parse(readFileSync(path.join(FIXTURES, '../wire-story-la-auto-show.json'), 'utf8')) as Fixture;
    const wire = buildArticle(fixture.draft, { source: fixture.source, fetchedAt: new Date(fixture.fetchedAt) });
    const trimmed = buildArticle(
      { ...fixture.draft, url: 'https://regional.example/autos/la-auto-show', siteName: 'Regional Daily', publishedAt: '2019-11-20T09:00:00Z', paragraphs: fixture.draft.paragraphs.slice(0, 3) },
      { source: { kind: 'feed', location: 'https://regional.example/feed' }, fetchedAt: new Date('2019-11-20T09:10:00Z') },
    );
    expect(clusterStories([wire, trimmed])).toHaveLength(1);
  });

  it('keeps together two reports of one event written separately under the same headline', () => {
    const title = 'Chile wildfires kill dozens around Valparaíso';
    expect(clusterStories([{ ...article('ap-chile-fires'), title }, { ...article('reuters-chile-fires'), title }])).toHaveLength(1);
  });

  it('keeps apart a report that names the same people and places but gives figures of its own, none of the event\'s', () => {
    // Every figure of the separately written report changed (46 dead, 1,100 homes, ...): a follow-up with its own toll and count.
    const otherFigures = (text: string): string => text.replace(/\d[\d,.]*\d|\d/g, (figure) => `${figure}7`);
    // Its opening only, so that the wording agrees less than copied text would (which figures do not overrule).
    const opening = { ...article('reuters-chile-fires'), id: 'opening', paragraphs: article('reuters-chile-fires').paragraphs.slice(0, 4) };
    const followUp = { ...opening, id: 'follow-up', title: otherFigures(opening.title), paragraphs: opening.paragraphs.map(otherFigures) };
    expect(clusterStories([article('ap-chile-fires'), opening], { eventSimilarity: 0.1 })).toHaveLength(1);
    expect(clusterStories([article('ap-chile-fires'), followUp], { eventSimilarity: 0.1 })).toHaveLength(2);
  });

  it('places a report with no date by the report it matches best: in that event, not a later one on the subject', () => {
    const { publishedAt: _published, ...rest } = article('reuters-chile-fires');
    const undated = { ...rest, id: 'undated-report', fetchedAt: '2026-12-01T09:00:00.000Z' };
    const result = clusterStories([article('ap-chile-fires'), undated, article('chile-fires-investigation')]);
    const shape = result.map((story) => story.articles.map((member) => member.id).sort());
    expect(shape).toEqual(expect.arrayContaining([[article('ap-chile-fires').id, 'undated-report'].sort(), [article('chile-fires-investigation').id]]));
  });

  it('clusters a copy published days later, but not a separate report as late', () => {
    const late = { publishedAt: '2024-02-07T09:00:00.000Z', fetchedAt: '2024-02-07T09:05:00.000Z' };
    const lateCopy = { ...article('kvnt-chile-fires-wire'), ...late, id: 'late-copy' };
    const lateReport = { ...article('reuters-chile-fires'), ...late, id: 'late-report' };
    expect(clusterStories([article('ap-chile-fires'), lateCopy])).toHaveLength(1);
    expect(clusterStories([article('ap-chile-fires'), lateReport])).toHaveLength(2);
  });
});

describe('mergeClusters', () => {
  const words = (text: string): string[] => text.split(' ');
  const [fires, roundup, copper] = termVectors([
    words('chile fires boric vina emergency hillside dead homes'),
    words('chile fires boric vina emergency copper codelco output tonnes'),
    words('chile copper codelco output tonnes december mine statistics'),
  ]) as [never, never, never];

  it('joins a vague article to the closer story but does not chain the other one through it', () => {
    const pairs = [
      { a: 0, b: 1, similarity: 0.6 },
      { a: 1, b: 2, similarity: 0.55 },
    ];
    const clusters = mergeClusters([fires, roundup, copper], [], pairs, 0.4);
    expect(clusters).toEqual([[0, 1], [2]]);
  });

  it('joins copies of one text whatever their groups look like', () => {
    const clusters = mergeClusters([fires, roundup, copper], [{ a: 0, b: 2, similarity: 0.9 }], [], 0.4);
    expect(clusters).toContainEqual([0, 2]);
  });
});

describe('sameEventSimilarity', () => {
  const reportAfter = (hours: number): Article => {
    const at = Date.parse(article('ap-chile-fires').publishedAt!) + hours * 3_600_000;
    return { ...article('reuters-chile-fires'), id: `after-${hours}h`, publishedAt: new Date(at).toISOString(), fetchedAt: new Date(at + 60_000).toISOString() };
  };
  const similarity = (hours: number, threshold: number): number | undefined => {
    const features = [article('ap-chile-fires'), reportAfter(hours)].map(articleFeatures);
    const [first, second] = termVectors(features.map((feature) => feature.terms)).map((vector, index) => ({ ...features[index]!, vector }));
    return sameEventSimilarity(first!, second!, { windowMs: 36 * 3_600_000, threshold, figureCounts: figureCounts(features) });
  };

  it('asks more of two separate reports the further apart they come out, past their first hours', () => {
    const anHourApart = similarity(1, 0)!;
    expect(similarity(10, anHourApart - 0.05)).toBeDefined();
    expect(similarity(30, anHourApart - 0.05)).toBeUndefined();
  });
});
