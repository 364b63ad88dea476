import { topicKey } from '../src/ingest/topics/topic-key.ts';

/** Hand labels of one article: each entry one topic, "A|B" accepting either spelling. */
export interface TopicLabels {
  entities: string[];
  subjects: string[];
}

export interface TopicScores {
  /** Topics extracted, across the articles. */
  extracted: number;
  /** Of the topics extracted, the share that match a label of their article. */
  precision: number;
  /** The same for the names alone (the topics written with a capital) and for the subjects alone (lower case); NaN when there are none. */
  namePrecision: number;
  subjectPrecision: number;
  /** Of the labelled names (people, places, organisations), the share some topic matches. */
  entityRecall: number;
  /** Of the labelled subjects, the share some topic matches. */
  subjectRecall: number;
  /** Of all the labels, names and subjects together, the share some topic matches. */
  recall: number;
}

/** Spelling and number aside ("Kim Jong-un", "flood"/"floods"), a topic is the label it matches. */
function matchKey(name: string): string {
  return topicKey(name)
    .split(' ')
    .map((word) => (word.length > 3 && /[^s]s$/.test(word) ? word.slice(0, -1) : word))
    .join(' ');
}

export function matchesLabel(topic: string, label: string): boolean {
  return label.split('|').some((spelling) => matchKey(spelling) === matchKey(topic));
}

/** Precision and recall of extracted topics against hand labels, pooled over the articles (micro-averaged). */
export function topicScores(articles: Array<{ topics: string[]; labels: TopicLabels }>): TopicScores {
  const byCase = { name: { extracted: 0, correct: 0 }, subject: { extracted: 0, correct: 0 } };
  const found = { entities: 0, subjects: 0 };
  const labelled = { entities: 0, subjects: 0 };
  for (const { topics, labels } of articles) {
    for (const topic of topics) {
      const right = [...labels.entities, ...labels.subjects].some((label) => matchesLabel(topic, label));
      const tally = /^\p{Lu}/u.test(topic) ? byCase.name : byCase.subject;
      tally.extracted += 1;
      if (right) tally.correct += 1;
    }
    for (const kind of ['entities', 'subjects'] as const) {
      labelled[kind] += labels[kind].length;
      found[kind] += labels[kind].filter((label) => topics.some((topic) => matchesLabel(topic, label))).length;
    }
  }
  const extracted = byCase.name.extracted + byCase.subject.extracted;
  const correct = byCase.name.correct + byCase.subject.correct;
  return {
    extracted,
    precision: extracted ? correct / extracted : 1,
    namePrecision: byCase.name.extracted ? byCase.name.correct / byCase.name.extracted : Number.NaN,
    subjectPrecision: byCase.subject.extracted ? byCase.subject.correct / byCase.subject.extracted : Number.NaN,
    entityRecall: labelled.entities ? found.entities / labelled.entities : 1,
    subjectRecall: labelled.subjects ? found.subjects / labelled.subjects : 1,
    recall: labelled.entities + labelled.subjects ? (found.entities + found.subjects) / (labelled.entities + labelled.subjects) : 1,
  };
}
