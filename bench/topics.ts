import { extractTopics } from '../src/ingest/topics/extract-topics.ts';
import { topicKey } from '../src/ingest/topics/topic-key.ts';
import { articleText } from '../src/model/article.ts';
import { labelledArticles, loadLabelledEvents, type LabelledArticle } from './labelled-events.ts';
import type { BenchSection } from './report.ts';
import { isHeldOutFixture, loadLabelledDrafts, loadTopicReference, type LabelledDraft, type ReferenceArticle } from './topic-labels.ts';
import { topicScores, type TopicLabels } from './topic-scores.ts';

const share = (value: number): string => (Number.isNaN(value) ? '–' : value.toFixed(2));

function row(set: string, scored: Array<{ topics: string[]; labels: TopicLabels }>): string[] {
  const scores = topicScores(scored);
  return [
    set,
    String(scored.length),
    (scores.extracted / Math.max(scored.length, 1)).toFixed(1),
    share(scores.precision),
    share(scores.recall),
    share(scores.entityRecall),
    share(scores.subjectRecall),
    share(scores.namePrecision),
    share(scores.subjectPrecision),
  ];
}

function scoredOf(articles: LabelledArticle[]): Array<{ topics: string[]; labels: TopicLabels }> {
  return articles.map(({ article, entities, subjects }) => ({ topics: article.topics, labels: { entities, subjects } }));
}

/** A label the report writes in one of its spellings, topic keys compared ("Brexit referendum" in "…the Brexit referendum…"). */
function writtenIn(article: LabelledArticle['article'], label: string): boolean {
  const text = ` ${topicKey([article.title, article.dek ?? '', articleText(article)].join(' '))} `;
  return label.split('|').some((spelling) => text.includes(` ${topicKey(spelling)} `));
}

/** Subject labels the reports write, and the recall of extracted topics over those alone. */
function writtenSubjects(articles: LabelledArticle[]): { share: number; recall: number } {
  const written = articles.map((labelled) => ({ ...labelled, subjects: labelled.subjects.filter((label) => writtenIn(labelled.article, label)) }));
  const all = articles.reduce((sum, { subjects }) => sum + subjects.length, 0);
  const kept = written.reduce((sum, { subjects }) => sum + subjects.length, 0);
  return { share: kept / all, recall: topicScores(scoredOf(written)).subjectRecall };
}

function scoredDrafts(drafts: LabelledDraft[]): Array<{ topics: string[]; labels: TopicLabels }> {
  return drafts.map(({ draft, labels }) => ({ topics: extractTopics(draft), labels }));
}

function referenceRows(reference: ReferenceArticle[]): string[][] {
  const scored = (articles: ReferenceArticle[]) => articles.map(({ topics, labels }) => ({ topics, labels }));
  const languages = [...new Set(reference.map(({ language }) => language))].sort();
  return (['tune', 'held-out'] as const).flatMap((split) => {
    const inSplit = reference.filter((article) => article.split === split);
    const byLanguage = languages
      .map((language) => ({ language, of: inSplit.filter((article) => article.language === language) }))
      .filter(({ of }) => of.length > 0)
      .map(({ language, of }) => row(`reference ${split}, ${language}`, scored(of)));
    return [row(`reference, ${split}`, scored(inSplit)), ...byLanguage];
  });
}

/** Topics against hand labels: the topics reference, the first twelve labelled text fixtures, and the labelled events' reports by split and language. */
export default async function benchTopics(): Promise<BenchSection> {
  const reference = loadTopicReference();
  const sections = [...new Set(reference.map(({ section }) => section))].sort();
  const drafts = loadLabelledDrafts();
  const events = labelledArticles(loadLabelledEvents());
  const languages = [...new Set(events.map((event) => event.language))].sort();
  const bySplit = (split: LabelledArticle['split']) => events.filter((event) => event.split === split);
  const perLanguage = (split: LabelledArticle['split']) =>
    languages
      .map((language) => ({ language, of: bySplit(split).filter((event) => event.language === language) }))
      .filter(({ of }) => of.length > 0)
      .map(({ language, of }) => row(`events ${split}, ${language}`, scoredOf(of)));
  const [tuneWritten, heldOutWritten] = [writtenSubjects(bySplit('tune')), writtenSubjects(bySplit('held-out'))];
  return {
    title: 'Topics',
    table: [
      ['set', 'articles', 'topics per article', 'precision', 'recall', 'name recall', 'subject recall', 'name precision', 'subject precision'],
      ...referenceRows(reference),
      row('first labels (text fixtures), tune', scoredDrafts(drafts.filter(({ fixture }) => !isHeldOutFixture(fixture)))),
      row('first labels (text fixtures), held-out', scoredDrafts(drafts.filter(({ fixture }) => isHeldOutFixture(fixture)))),
      row('first labels (text fixtures), all', scoredDrafts(drafts)),
      row('labelled events, tune', scoredOf(bySplit('tune'))),
      row('labelled events, held-out', scoredOf(bySplit('held-out'))),
      ...perLanguage('tune'),
      ...perLanguage('held-out'),
    ],
    notes: [
      `Reference: ${reference.length} articles of test/fixtures/topics/reference.json labelled by hand following its README (people by full name, organisations and places whole, the subjects a reader would search for, at most twelve an article), ${reference.filter(({ split }) => split === 'held-out').length} of them held out (the heldout-* text fixtures and the held-out events' reports); sections: ${sections.map((section) => `${section} ${reference.filter((article) => article.section === section).length}`).join(', ')}. Each is read through buildArticle, in its declared language.`,
      'Precision: the share of extracted topics (up to 12 an article, as buildArticle stores them) that match one of the article\'s hand-labelled names or subjects; recall: the share of its labels that some topic matches, all together, and its names and its subjects apart. Pooled over the articles of a set. Name and subject precision split the topics as clustering does: a name is written with a capital, a subject in lower case. A topic matches a label when their topic keys agree word for word with a plural s dropped ("Kim Jong-un" = "Kim Jong Un", "floods" = "flood"); "A|B" labels accept either (bench/topic-scores.ts, shared with test/ingest/topic-labels.test.ts).',
      `First labels: ${drafts.length} extracted articles of test/fixtures/text labelled in test/fixtures/topics/labels.json before the reference's guide (up to 17 labels an article), ${drafts.filter(({ fixture }) => isHeldOutFixture(fixture)).length} of them held out (heldout-*), read without a language as before. Labelled events: the reports and distractors of test/fixtures/events, read through buildArticle as a feed item would be; the held-out split (events 05, 10, 15, 20, 25, 30, 35, 40) is reported apart.`,
      `Of the events' subject labels, ${(tuneWritten.share * 100).toFixed(0)}% (tune) and ${(heldOutWritten.share * 100).toFixed(0)}% (held-out) are written in their report in one of their spellings; the rest ("prime minister resignation", "executive firings") are an editor's summary that no extraction from the text returns. Subject recall over the written ones alone: ${share(tuneWritten.recall)} tune, ${share(heldOutWritten.recall)} held-out.`,
    ],
  };
}
