import { FEATURE_NAMES } from './topic-features.ts';

type Weights = Readonly<Record<(typeof FEATURE_NAMES)[number], number>>;

/**
 * How likely an editor is to tag a candidate, from its features (topic-features.ts): a logistic model, one for
 * names and one for subjects. Fitted by bench/fit-topic-scorer.ts on the tuning labels alone (the topics
 * reference's tuning articles, the labelled events' tuning reports and the first labels' tuning fixtures),
 * never on a held-out article; `npx tsx bench/fit-topic-scorer.ts` prints these constants again.
 */
export const NAME_WEIGHTS: Weights = {
  bias: 0.794,
  'log mentions': 0.594,
  'written once': -0.464,
  'once, after the lead': -0.078,
  'headline names it whole': 0.894,
  'headline shares a word': -0.053,
  'in the lead': 0.034,
  'first position': -0.117,
  paragraphs: 0.362,
  words: 0.262,
  'share of mentions': 0.932,
  'listed among three': -0.273,
  'quoted speaker': 0.546,
  'opens a sentence': 0.298,
  english: 0.495,
  person: 0.495,
  place: 0.064,
  'log rank': -0.590,
  'person written once': -0.117,
  'quoted once': -0.288,
};

export const SUBJECT_WEIGHTS: Weights = {
  bias: -2.590,
  'log mentions': 0.761,
  'written once': -0.555,
  'once, after the lead': 0.459,
  'headline names it whole': 0.392,
  'headline shares a word': 0.295,
  'in the lead': 0.159,
  'first position': -0.253,
  paragraphs: 0.119,
  words: 0.910,
  'share of mentions': 0.000,
  'listed among three': 0.000,
  'quoted speaker': 0.000,
  'opens a sentence': 0.433,
  english: 0.451,
  person: 0.000,
  place: 0.000,
  'log rank': -0.392,
  'person written once': 0.000,
  'quoted once': 0.000,
};

export interface Thresholds {
  name: number;
  subject: number;
}

/** A candidate is kept when the model gives at least its kind's probability that an editor would tag it. */
export const KEEP_THRESHOLDS: Thresholds = { name: 0.550, subject: 0.350 };

export function tagProbability(features: number[], weights: Weights): number {
  const sum = FEATURE_NAMES.reduce((total, name, index) => total + weights[name] * features[index]!, 0);
  return 1 / (1 + Math.exp(-sum));
}
