import nlp from 'compromise';
import { headlineLowerCaseWords, keySubjects } from './key-subjects.ts';
import { markedSubjects } from './marked-nouns.ts';
import { isEnglish, namedEntities } from './named-entities.ts';
import { candidateFeatures, FEATURE_NAMES, subjectSpans, type CandidateContext, type TopicCandidate } from './topic-features.ts';
import { KEEP_THRESHOLDS, NAME_WEIGHTS, SUBJECT_WEIGHTS, tagProbability, type Thresholds } from './topic-scorer.ts';
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

/** A subject the headline names ("Netherlands floods:", "emergência por dengue") is what a short brief is about, however few its mentions. */
const HEADLINE_WHOLE = FEATURE_NAMES.indexOf('headline names it whole');

/** Names lead; subjects take up to a third of the list, and either fills what the other leaves. */
const SUBJECT_SHARE = 1 / 3;

/** Every topic the extractors offer, each with its features and the probability the scorer gives it, names first as ranked. */
export interface ScoredCandidate extends TopicCandidate {
  features: number[];
  probability: number;
}

/**
 * What an article is about, most salient first: the people, places and organisations it names, then its
 * key subjects ("heatwave", "interest rates"), each kept if the scorer thinks an editor would tag it.
 */
export function extractTopics(source: TopicSource, limit = 12): string[] {
  return selectTopics(topicCandidates(source), KEEP_THRESHOLDS, limit);
}

/** The candidates at or above their kind's threshold, names first, each kind in its extractor's order, subjects taking up to a third of the list. */
export function selectTopics(candidates: ScoredCandidate[], thresholds: Thresholds, limit = 12): string[] {
  const kept = candidates.filter(({ probability, isName, features }) => probability >= (isName ? thresholds.name : thresholds.subject) || (!isName && features[HEADLINE_WHOLE] === 1));
  const entities = kept.filter(({ isName }) => isName).map(({ topic }) => topic);
  const subjects = kept.filter(({ isName }) => !isName).map(({ topic }) => topic);
  const entityCount = Math.min(entities.length, limit - Math.min(subjects.length, Math.round(limit * SUBJECT_SHARE)));
  return [...entities.slice(0, entityCount), ...subjects.slice(0, limit - entityCount)];
}

/** The names and subjects an article offers, before any is dropped: one compromise pass over the text serves both. */
export function topicCandidates(source: TopicSource): ScoredCandidate[] {
  const lead = [source.dek ?? '', source.paragraphs[0] ?? ''].join('\n\n');
  const text = [lead, ...source.paragraphs.slice(1)].join('\n\n').slice(0, MAX_CHARS);
  if (!text.trim()) return [];
  const doc = nlp(text);
  const entities = namedEntities(doc, text, source.title, source.language);
  // A name's word that the headline writes in lower case is a subject too: "primary school" over "St Anne's Primary School".
  const headlineWords = headlineLowerCaseWords(source.title);
  const nameWords = new Set(entities.flatMap(({ name }) => topicKey(name).split(' ')).filter((word) => !headlineWords.has(word)));
  const subjectContext = { title: source.title, leadEnd: lead.length, nameWords, headlineWords };
  const english = isEnglish(source.language);
  const subjects = (english ? keySubjects(doc, subjectContext) : markedSubjects(text, subjectContext, source.language)).filter((subject) => !nameWords.has(topicKey(subject)));
  const candidates: TopicCandidate[] = [
    ...entities.map(({ name, kind, spans }, rank) => ({ topic: name, isName: true, kind, spans, rank })),
    ...subjects.map((subject, rank) => ({ topic: subject, isName: false, spans: subjectSpans(subject, text), rank })),
  ];
  const nameSpans = candidates.filter(({ isName }) => isName).flatMap(({ spans }) => spans).sort((a, b) => a.start - b.start);
  const context: CandidateContext = {
    text,
    title: source.title,
    leadEnd: lead.length,
    nameMentions: nameSpans.length,
  };
  return candidates.map((candidate) => {
    const features = candidateFeatures(candidate, context, nameSpans);
    return { ...candidate, features, probability: tagProbability(features, candidate.isName ? NAME_WEIGHTS : SUBJECT_WEIGHTS) };
  });
}
