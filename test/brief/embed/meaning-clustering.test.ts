import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rankAlsoRead } from '../../../src/brief/also-read/related-index.ts';
import { clusterStories } from '../../../src/brief/cluster/cluster-stories.ts';
import { unitVector, type UnitVector } from '../../../src/brief/embed/dense-vector.ts';
import { buildArticle } from '../../../src/ingest/build-article.ts';
import type { Article, ArticleDraft, ArticleSource } from '../../../src/model/article.ts';
import type { Story } from '../../../src/model/story.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/brief/meanings');

function fixture(name: string): Article {
  const { draft, source, fetchedAt } = JSON.parse(readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8')) as { draft: ArticleDraft; source: ArticleSource; fetchedAt: string };
  return buildArticle(draft, { source, fetchedAt: new Date(fetchedAt) });
}

const surge = fixture('coastline-surge');
const evacuation = fixture('harbour-evacuation');
const library = fixture('harbourton-library');
const eastport = fixture('eastport-surge');
const readingRooms = fixture('harbourton-reading-rooms');

/** What a model might say: close directions for one event, a far one for anything else. */
const SURGE = unitVector([1, 0.1, 0])!;
const SURGE_REWORDED = unitVector([1, 0.12, 0.02])!;
const ELSEWHERE = unitVector([0, 1, 0])!;

function meanings(entries: Array<[Article, UnitVector]>): Map<string, UnitVector> {
  return new Map(entries.map(([article, vector]) => [article.id, vector]));
}

const storyCount = (stories: Story[]) => stories.length;

describe('clustering with embeddings', () => {
  it('keeps two rewordings of one event apart on their words alone (the case embeddings are for)', () => {
    expect(storyCount(clusterStories([surge, evacuation]))).toBe(2);
  });

  it('tells the two rewordings as one story when their meanings agree', () => {
    const stories = clusterStories([surge, evacuation], { meanings: meanings([[surge, SURGE], [evacuation, SURGE_REWORDED]]) });
    expect(stories.map((story) => story.articles.length)).toEqual([2]);
  });

  it('does not join them when the meanings disagree', () => {
    expect(storyCount(clusterStories([surge, evacuation], { meanings: meanings([[surge, SURGE], [evacuation, ELSEWHERE]]) }))).toBe(2);
  });

  it('never lets meanings override the guards: a surge in another town with another mayor stays apart, however alike a model finds them', () => {
    const stories = clusterStories([surge, eastport], { meanings: meanings([[surge, SURGE], [eastport, SURGE_REWORDED]]) });
    expect(storyCount(stories)).toBe(2);
  });

  it('compares an article the model could not embed by its words alone', () => {
    expect(storyCount(clusterStories([surge, evacuation], { meanings: meanings([[surge, SURGE]]) }))).toBe(2);
  });
});

describe('also read with embeddings', () => {
  const story = (article: Article): Story => ({ id: article.id, lead: article, articles: [article], topics: article.topics, latestAt: article.fetchedAt });
  const now = new Date('2026-11-30T12:00:00Z');

  it('offers no link on words alone to a story that shares a subject but too few words', () => {
    expect(rankAlsoRead(story(library), [story(readingRooms)], { now })).toEqual([]);
  });

  it('offers that story when the meanings of the two are related', () => {
    const related = meanings([[library, unitVector([1, 1, 0])!], [readingRooms, unitVector([1, 0, 0])!]]);
    expect(rankAlsoRead(story(library), [story(readingRooms)], { now }, related).map((link) => link.url)).toEqual([readingRooms.url]);
  });

  it('drops a story whose meaning says it tells the same event, which is no further reading', () => {
    expect(rankAlsoRead(story(library), [story(surge)], { now }).map((link) => link.url)).toEqual([surge.url]);
    expect(rankAlsoRead(story(library), [story(surge)], { now }, meanings([[library, SURGE], [surge, SURGE_REWORDED]]))).toEqual([]);
  });
});
