import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { ArticleDraft } from '../src/model/article.ts';
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

/** The extracted articles of test/fixtures/text that test/fixtures/topics/labels.json labels by hand. */
export function loadLabelledDrafts(): LabelledDraft[] {
  const { articles } = labelsSchema.parse(JSON.parse(readFileSync(path.join(FIXTURES, 'topics/labels.json'), 'utf8')));
  return articles.map(({ fixture, entities, subjects }) => ({
    fixture,
    draft: JSON.parse(readFileSync(path.join(FIXTURES, `text/${fixture}.expected.json`), 'utf8')) as ArticleDraft,
    labels: { entities, subjects },
  }));
}
