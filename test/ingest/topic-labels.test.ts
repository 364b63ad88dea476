import { describe, expect, it } from 'vitest';
import { extractTopics } from '../../src/ingest/topics/extract-topics.ts';
import { labelledArticles, loadLabelledEvents } from '../../bench/labelled-events.ts';
import { loadLabelledDrafts, loadTopicReference } from '../../bench/topic-labels.ts';
import { topicScores } from '../../bench/topic-scores.ts';

const drafts = loadLabelledDrafts();

/**
 * A little below what extractTopics reaches on the twelve first-labelled articles (0.88, 0.81, 0.53 since the
 * ninth run; 0.86, 0.81, 0.51 since the eighth; 0.86, 0.81, 0.47 with the first topic scorer; 0.82, 0.75, 0.59 before it, which kept more subjects), so
 * a regression fails.
 */
const PRECISION_FLOOR = 0.87;
const ENTITY_RECALL_FLOOR = 0.79;
const SUBJECT_RECALL_FLOOR = 0.51;

/** The same on the labelled events' tuning reports in six languages (0.75 and 0.70 since the ninth run); the held-out fifth is measured by `npm run bench -- topics`, never asserted on. */
const EVENTS_PRECISION_FLOOR = 0.74;
const EVENTS_ENTITY_RECALL_FLOOR = 0.69;

describe('extractTopics against hand-labelled articles', () => {
  const figures = topicScores(drafts.map(({ draft, labels }) => ({ topics: extractTopics(draft), labels })));

  it('keeps most of what it names among the topics an editor would tag', () => {
    expect(figures.precision).toBeGreaterThanOrEqual(PRECISION_FLOOR);
  });

  it('finds most of the people, places and organisations an editor would tag', () => {
    expect(figures.entityRecall).toBeGreaterThanOrEqual(ENTITY_RECALL_FLOOR);
  });

  it('finds some of the subjects an editor would tag', () => {
    expect(figures.subjectRecall).toBeGreaterThanOrEqual(SUBJECT_RECALL_FLOOR);
  });

  it('names the seed article for its two leaders and their two countries', () => {
    const seed = drafts.find(({ fixture }) => fixture === 'seed-article')!;
    expect(extractTopics(seed.draft)).toEqual(expect.arrayContaining(['Kim Jong Un', 'Vladimir Putin', 'North Korea', 'Russia']));
  });
});

/** The same on the topics reference's tuning articles (0.70 precision, 0.70 recall over all labels since the tenth run; 0.67, 0.66 since the ninth); its held-out third is measured by the bench alone. */
const REFERENCE_PRECISION_FLOOR = 0.68;
const REFERENCE_RECALL_FLOOR = 0.68;

describe('topics against the topics reference, tuning articles', () => {
  const tuning = loadTopicReference().filter((article) => article.split === 'tune');
  const figures = topicScores(tuning.map(({ topics, labels }) => ({ topics, labels })));

  it('keeps most of what it returns, in six languages, among the topics the reference tags', () => {
    expect(figures.precision).toBeGreaterThanOrEqual(REFERENCE_PRECISION_FLOOR);
  });

  it('finds more than half of the names and subjects the reference tags, in six languages', () => {
    expect(figures.recall).toBeGreaterThanOrEqual(REFERENCE_RECALL_FLOOR);
  });
});

describe('extractTopics against the labelled events, tuning reports', () => {
  const tuning = labelledArticles(loadLabelledEvents().filter((event) => event.split === 'tune'));
  const figures = topicScores(tuning.map(({ article, entities, subjects }) => ({ topics: article.topics, labels: { entities, subjects } })));

  it('keeps most of what it names, in six languages, among the topics an editor would tag', () => {
    expect(figures.precision).toBeGreaterThanOrEqual(EVENTS_PRECISION_FLOOR);
  });

  it('finds most of the people, places and organisations, in six languages', () => {
    expect(figures.entityRecall).toBeGreaterThanOrEqual(EVENTS_ENTITY_RECALL_FLOOR);
  });
});
