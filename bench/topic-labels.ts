import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { buildArticle } from '../src/ingest/build-article.ts';
import type { TopicSource } from '../src/ingest/topics/extract-topics.ts';
import type { Article, ArticleDraft } from '../src/model/article.ts';
import { labelledArticles, loadLabelledEvents, type Split } from './labelled-events.ts';
import type { TopicLabels } from './topic-scores.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../test/fixtures');

const labelsSchema = z.object({
  articles: z.array(z.object({ fixture: z.string().min(1), entities: z.array(z.string().min(1)), subjects: z.array(z.string().min(1)) })),
});

export interface LabelledDraft {
  fixture: string;
  draft: ArticleDraft;
  labels: TopicLabels;
}

function loadDraft(fixture: string): ArticleDraft {
  return JSON.parse(readFileSync(path.join(FIXTURES, `text/${fixture}.expected.json`), 'utf8')) as ArticleDraft;
}

/** The first labelled set: twelve extracted articles of test/fixtures/text that test/fixtures/topics/labels.json labels by hand. */
export function loadLabelledDrafts(): LabelledDraft[] {
  const { articles } = labelsSchema.parse(JSON.parse(readFileSync(path.join(FIXTURES, 'topics/labels.json'), 'utf8')));
  return articles.map(({ fixture, entities, subjects }) => ({ fixture, draft: loadDraft(fixture), labels: { entities, subjects } }));
}

const referenceSchema = z.object({
  articles: z.array(
    z
      .object({
        fixture: z.string().min(1).optional(),
        report: z.string().regex(/^\d\d-[a-z0-9-]+\/(?:distractor-)?\d+$/).optional(),
        section: z.string().min(1),
        language: z.string().regex(/^[a-z]{2}$/),
        entities: z.array(z.string().min(1)),
        subjects: z.array(z.string().min(1)),
      })
      .refine((entry) => Boolean(entry.fixture) !== Boolean(entry.report), 'either a fixture or a report'),
  ),
});

/** One article of the topics reference as Herald stores it, with its hand labels. */
export interface ReferenceArticle {
  /** The text fixture's name or the report's `<event id>/<n>`. */
  id: string;
  split: Split;
  section: string;
  language: string;
  topics: string[];
  labels: TopicLabels;
  /** What its topics were extracted from, as buildArticle gave it to the extractor. */
  source: TopicSource;
}

/** What buildArticle gave the topic extractor: the article's text and the language it settled on. */
export const sourceOf = ({ title, dek, paragraphs, language }: Article): TopicSource => ({ title, paragraphs, ...(dek ? { dek } : {}), ...(language ? { language } : {}) });

/** test/fixtures/text marks its held-out fixtures by name. */
export const isHeldOutFixture = (fixture: string): boolean => fixture.startsWith('heldout-');

/**
 * The topics reference of test/fixtures/topics/reference.json, each article read through buildArticle as Herald
 * reads it: a text fixture as a file in its declared language, a report as its outlet's feed item.
 */
export function loadTopicReference(): ReferenceArticle[] {
  const { articles } = referenceSchema.parse(JSON.parse(readFileSync(path.join(FIXTURES, 'topics/reference.json'), 'utf8')));
  const events = loadLabelledEvents();
  return articles.map(({ fixture, report, section, language, entities, subjects }) => {
    const labels = { entities, subjects };
    if (fixture) {
      const article = buildArticle({ ...loadDraft(fixture), language }, { source: { kind: 'file', location: `${fixture}.txt` }, fetchedAt: new Date(0) });
      return { id: fixture, split: isHeldOutFixture(fixture) ? 'held-out' : 'tune', section, language, topics: article.topics, labels, source: sourceOf(article) };
    }
    const [eventId, which] = report!.split('/') as [string, string];
    const event = events.find(({ id }) => id === eventId);
    if (!event) throw new Error(`topics reference: no labelled event ${eventId}`);
    const built = labelledArticles([event]);
    const found = which.startsWith('distractor-') ? built.find((labelled) => labelled.event === report) : built.filter((labelled) => labelled.event === eventId)[Number(which) - 1];
    if (!found) throw new Error(`topics reference: no report ${report}`);
    return { id: report!, split: event.split, section, language, topics: found.article.topics, labels, source: sourceOf(found.article) };
  });
}
