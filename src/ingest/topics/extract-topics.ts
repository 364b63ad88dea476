import nlp from 'compromise';
import { keySubjects } from './key-subjects.ts';
import { markedSubjects } from './marked-nouns.ts';
import { isEnglish, namedEntities } from './named-entities.ts';
import { topicKey } from './topic-key.ts';

export interface TopicSource {
  title: string;
  dek?: string;
  paragraphs: string[];
  /** BCP 47; compromise tags English, and the nouns their articles mark give the other five languages their subjects. */
  language?: string;
}

/** Enough text for the topics that matter; compromise's cost grows with length and the lead carries the news. */
const MAX_CHARS = 12_000;

/** Names lead; subjects take up to a third of the list, and either fills what the other leaves. */
const SUBJECT_SHARE = 1 / 3;

/**
 * What an article is about, most salient first: the people, places and organisations it names, then its
 * key subjects ("heatwave", "interest rates"). One compromise pass over the text serves both.
 */
export function extractTopics(source: TopicSource, limit = 12): string[] {
  const lead = [source.dek ?? '', source.paragraphs[0] ?? ''].join('\n\n');
  const text = [lead, ...source.paragraphs.slice(1)].join('\n\n').slice(0, MAX_CHARS);
  if (!text.trim()) return [];
  const doc = nlp(text);
  const entities = namedEntities(doc, text, source.title, source.language);
  const nameWords = new Set(entities.flatMap((name) => topicKey(name).split(' ')));
  const context = { title: source.title, leadEnd: lead.length, nameWords };
  const subjects = (isEnglish(source.language) ? keySubjects(doc, context) : markedSubjects(text, context, source.language)).filter((subject) => !nameWords.has(topicKey(subject)));
  const entityCount = Math.min(entities.length, limit - Math.min(subjects.length, Math.round(limit * SUBJECT_SHARE)));
  return [...entities.slice(0, entityCount), ...subjects.slice(0, limit - entityCount)];
}
