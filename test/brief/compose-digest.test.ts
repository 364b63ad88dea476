import { describe, expect, it } from 'vitest';
import { composeDigest, type StoryTelling } from '../../src/brief/digest/compose-digest.ts';
import { composeTopicBriefing } from '../../src/brief/digest/compose-topic-briefing.ts';
import { rankStories } from '../../src/brief/digest/story-importance.ts';
import { storyMatchesTopics } from '../../src/brief/digest/topic-filter.ts';
import { buildArticle } from '../../src/ingest/build-article.ts';
import type { Article } from '../../src/model/article.ts';
import type { Story } from '../../src/model/story.ts';

const NOW = new Date('2024-09-12T12:00:00Z');

function article(site: string, title: string, hoursAgo: number, topics: string[]): Article {
  const publishedAt = new Date(NOW.getTime() - hoursAgo * 3_600_000).toISOString();
  const slug = title.toLowerCase().replace(/\W+/g, '-');
  const built = buildArticle(
    { title, url: `https://${site}/${slug}`, siteName: site, publishedAt, paragraphs: [`${title}. More detail follows here.`], alsoRead: [] },
    { source: { kind: 'feed', location: `https://${site}/feed` }, fetchedAt: new Date(publishedAt) },
  );
  return { ...built, topics };
}

function story(...articles: Article[]): Story {
  const latestAt = articles.map((member) => member.publishedAt!).sort().at(-1)!;
  return { id: articles[0]!.id, lead: articles[0]!, articles, topics: articles[0]!.topics, latestAt };
}

const telling: StoryTelling = {
  summarize: async (told) => ({ text: `Summary of ${told.lead.title}.`, method: 'extractive' }),
  alsoRead: async (told) => [{ title: `Background to ${told.lead.title}`, url: `https://background.example/${told.id}` }],
};

const strike = story(
  article('courier.example', 'Ferry strike ends', 6, ['Harbour City', 'strike']),
  article('worldwire.example', 'Ferry crews end strike', 5, ['Harbour City', 'strike']),
  article('coastline.example', 'Strike over as crews accept pay deal', 5, ['Harbour City']),
);
const library = story(article('courier.example', 'Library reopens', 1, ['Harbour City', 'Quay Street']));
const storm = story(article('coastline.example', 'Storm Agnes warning', 3, ['Storm Agnes', 'Met Office']), article('worldwire.example', 'Storm Agnes to bring gusts', 3, ['Storm Agnes']));
const oldNews = story(
  article('courier.example', 'Council budget passed', 60, ['Harbour City Council']),
  article('worldwire.example', 'Council passes budget', 60, ['Harbour City Council']),
  article('coastline.example', 'Budget approved by council', 60, ['Harbour City Council']),
);

describe('rankStories', () => {
  it('puts a story several sites carried this morning above one site’s story from an hour ago', () => {
    expect(rankStories([library, strike], { now: NOW }).map((ranked) => ranked.id)).toEqual([strike.id, library.id]);
  });

  it('lets age outweigh coverage once a story is days old', () => {
    expect(rankStories([oldNews, library], { now: NOW }).map((ranked) => ranked.id)).toEqual([library.id, oldNews.id]);
  });

  it('orders the same stories the same way whatever order they come in', () => {
    const all = [strike, library, storm, oldNews];
    expect(rankStories([...all].reverse(), { now: NOW })).toEqual(rankStories(all, { now: NOW }));
  });
});

describe('storyMatchesTopics', () => {
  it('matches whole words of a topic whatever their spelling', () => {
    const kim = story(article('a.example', 'Kim heads to Russia', 1, ["Kim Jong-un's", 'North Korea']));
    expect(storyMatchesTopics(kim, ['kim jong un'])).toBe(true);
    expect(storyMatchesTopics(kim, ['Korea'])).toBe(true);
    expect(storyMatchesTopics(kim, ['Kor'])).toBe(false);
  });
});

describe('composeDigest', () => {
  it('gives each chosen story its headline, link, summary, every site once and its also-read', async () => {
    const digest = await composeDigest([strike], { now: NOW, limit: 5 }, telling);
    expect(digest.items).toEqual([
      {
        storyId: strike.id,
        articleIds: strike.articles.map((member) => member.id),
        title: 'Ferry strike ends',
        url: 'https://courier.example/ferry-strike-ends',
        summary: 'Summary of Ferry strike ends.',
        sources: [
          { name: 'courier.example', url: 'https://courier.example/ferry-strike-ends' },
          { name: 'worldwire.example', url: 'https://worldwire.example/ferry-crews-end-strike' },
          { name: 'coastline.example', url: 'https://coastline.example/strike-over-as-crews-accept-pay-deal' },
        ],
        topics: ['Harbour City', 'strike'],
        alsoRead: [{ title: 'Background to Ferry strike ends', url: `https://background.example/${strike.id}` }],
        publishedAt: strike.lead.publishedAt,
      },
    ]);
  });

  it('keeps to the maximum number of stories, most important first', async () => {
    const digest = await composeDigest([library, storm, strike, oldNews], { now: NOW, limit: 2 }, telling);
    expect(digest.items.map((item) => item.storyId)).toEqual([strike.id, storm.id]);
  });

  it('keeps only stories about the topics asked for', async () => {
    const digest = await composeDigest([library, storm, strike], { now: NOW, limit: 10, topics: ['storm agnes'] }, telling);
    expect(digest.items.map((item) => item.storyId)).toEqual([storm.id]);
    expect(digest.groups).toEqual([{ topic: 'storm agnes', storyIds: [storm.id] }]);
  });

  it('files stories under the topic they share, in the order of each group’s best story', async () => {
    const digest = await composeDigest([library, storm, strike], { now: NOW, limit: 10 }, telling);
    expect(digest.groups).toEqual([
      { topic: 'Harbour City', storyIds: [strike.id, library.id] },
      { topic: 'Storm Agnes', storyIds: [storm.id] },
    ]);
  });
});

describe('a digest for readers of one language', () => {
  const french = story({ ...article('lemonde.example', 'Les marins du ferry mettent fin à la grève', 2, ['Harbour City']), language: 'fr' });

  it('labels a story written in another language with it, under its own headline', async () => {
    const digest = await composeDigest([french], { now: NOW, limit: 5 }, { ...telling, language: 'en' });
    expect(digest.items[0]).toMatchObject({ title: 'Les marins du ferry mettent fin à la grève', language: 'fr' });
    expect(digest.items[0]?.originalTitle).toBeUndefined();
  });

  it('gives a translated story the translated headline, keeping the original beside it', async () => {
    const translating: StoryTelling = {
      ...telling,
      language: 'en',
      summarize: async () => ({ text: 'Ferry crews ended their strike.', title: 'Ferry crews end their strike', method: 'llm' }),
    };
    const digest = await composeDigest([french], { now: NOW, limit: 5 }, translating);
    expect(digest.items[0]).toMatchObject({ title: 'Ferry crews end their strike', originalTitle: 'Les marins du ferry mettent fin à la grève', language: 'fr', summary: 'Ferry crews ended their strike.' });
  });

  it('leaves a story in the readers’ language, or any story when their language is unknown, unlabelled', async () => {
    const inFrench = await composeDigest([french], { now: NOW, limit: 5 }, { ...telling, language: 'fr' });
    const unknown = await composeDigest([french], { now: NOW, limit: 5 }, telling);
    expect(inFrench.items[0]?.language).toBeUndefined();
    expect(unknown.items[0]?.language).toBeUndefined();
  });
});

describe('composeTopicBriefing', () => {
  it('leads with the most relevant story, lifted by wide coverage, and draws an overview from the chosen stories', async () => {
    const briefing = await composeTopicBriefing(
      'harbour city',
      [
        { story: library, relevance: 1.2 },
        { story: strike, relevance: 1 },
      ],
      { now: NOW, limit: 1 },
      { ...telling, overview: (stories, query) => `${stories.length} story about ${query}.` },
    );
    expect(briefing.items.map((item) => item.storyId)).toEqual([strike.id]);
    expect(briefing.overview).toBe('1 story about harbour city.');
    expect(briefing.topic).toBe('harbour city');
  });
});
