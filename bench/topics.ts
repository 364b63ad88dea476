import { extractTopics } from '../src/ingest/topics/extract-topics.ts';
import { labelledArticles, loadLabelledEvents, type LabelledArticle } from './labelled-events.ts';
import type { BenchSection } from './report.ts';
import { loadLabelledDrafts, type LabelledDraft } from './topic-labels.ts';
import { topicScores, type TopicLabels } from './topic-scores.ts';

const share = (value: number): string => value.toFixed(2);

function row(set: string, scored: Array<{ topics: string[]; labels: TopicLabels }>): string[] {
  const scores = topicScores(scored);
  return [set, String(scored.length), (scores.extracted / Math.max(scored.length, 1)).toFixed(1), share(scores.precision), share(scores.entityRecall), share(scores.subjectRecall)];
}

function scoredOf(articles: LabelledArticle[]): Array<{ topics: string[]; labels: TopicLabels }> {
  return articles.map(({ article, entities, subjects }) => ({ topics: article.topics, labels: { entities, subjects } }));
}

/** test/fixtures/text marks its held-out fixtures by name. */
const isHeldOut = (fixture: string): boolean => fixture.startsWith('heldout-');

function scoredDrafts(drafts: LabelledDraft[]): Array<{ topics: string[]; labels: TopicLabels }> {
  return drafts.map(({ draft, labels }) => ({ topics: extractTopics(draft), labels }));
}

/** Topics against hand labels: the twelve labelled text fixtures, and the labelled events' reports by split and language. */
export default async function benchTopics(): Promise<BenchSection> {
  const drafts = loadLabelledDrafts();
  const events = labelledArticles(loadLabelledEvents());
  const languages = [...new Set(events.map((event) => event.language))].sort();
  const bySplit = (split: LabelledArticle['split']) => events.filter((event) => event.split === split);
  const perLanguage = (split: LabelledArticle['split']) =>
    languages
      .map((language) => ({ language, of: bySplit(split).filter((event) => event.language === language) }))
      .filter(({ of }) => of.length > 0)
      .map(({ language, of }) => row(`events ${split}, ${language}`, scoredOf(of)));
  return {
    title: 'Topics',
    table: [
      ['set', 'articles', 'topics per article', 'precision', 'name recall', 'subject recall'],
      row('text fixtures, tune', scoredDrafts(drafts.filter(({ fixture }) => !isHeldOut(fixture)))),
      row('text fixtures, held-out', scoredDrafts(drafts.filter(({ fixture }) => isHeldOut(fixture)))),
      row('text fixtures, all (the floors of test/ingest/topic-labels.test.ts)', scoredDrafts(drafts)),
      row('labelled events, tune', scoredOf(bySplit('tune'))),
      row('labelled events, held-out', scoredOf(bySplit('held-out'))),
      ...perLanguage('tune'),
      ...perLanguage('held-out'),
    ],
    notes: [
      'Precision: the share of extracted topics (up to 12 an article, as buildArticle stores them) that match one of the article\'s hand-labelled names or subjects; recall: the share of its labelled names, and of its labelled subjects, that some topic matches. Pooled over the articles of a set. A topic matches a label when their topic keys agree word for word with a plural s dropped ("Kim Jong-un" = "Kim Jong Un", "floods" = "flood"); "A|B" labels accept either (bench/topic-scores.ts, shared with test/ingest/topic-labels.test.ts).',
      `Text fixtures: ${drafts.length} extracted articles of test/fixtures/text labelled in test/fixtures/topics/labels.json, ${drafts.filter(({ fixture }) => isHeldOut(fixture)).length} of them held out (heldout-*). Labelled events: the reports and distractors of test/fixtures/events, read through buildArticle as a feed item would be; the held-out split (events 05, 10, 15, 20, 25, 30, 35, 40) is reported apart.`,
    ],
  };
}
