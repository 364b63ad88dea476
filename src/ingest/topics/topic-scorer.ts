import { FEATURE_NAMES } from './topic-features.ts';

type Weights = Readonly<Record<(typeof FEATURE_NAMES)[number], number>>;

/**
 * How likely an editor is to tag a candidate, from its features (topic-features.ts): a logistic model, one for
 * names and one for subjects. Fitted by bench/fit-topic-scorer.ts on the tuning labels alone (the topics
 * reference's tuning articles, the labelled events' tuning reports and the first labels' tuning fixtures),
 * never on a held-out article; `npx tsx bench/fit-topic-scorer.ts` prints these constants again.
 */
export const NAME_WEIGHTS: Weights = {
  bias: 1.336,
  'log mentions': 0.811,
  'written once': -0.492,
  'once, after the lead': -0.078,
  'headline names it whole': 0.937,
  'headline shares a word': 0.256,
  'in the lead': -0.094,
  'first position': -0.026,
  paragraphs: 0.681,
  words: 0.173,
  'share of mentions': 0.895,
  'listed among three': -0.347,
  'quoted speaker': 0.479,
  'opens a sentence': 0.476,
  person: 0.468,
  place: 0.051,
  'log rank': -0.752,
  'person written once': -0.001,
  'quoted once': -0.085,
};

export const SUBJECT_WEIGHTS: Weights = {
  bias: -2.406,
  'log mentions': 0.474,
  'written once': -0.993,
  'once, after the lead': 0.383,
  'headline names it whole': 0.953,
  'headline shares a word': 1.103,
  'in the lead': 0.316,
  'first position': -0.110,
  paragraphs: 0.214,
  words: 0.957,
  'share of mentions': 0.000,
  'listed among three': 0.000,
  'quoted speaker': 0.000,
  'opens a sentence': 0.686,
  person: 0.000,
  place: 0.000,
  'log rank': -0.238,
  'person written once': 0.000,
  'quoted once': 0.000,
};

export interface Thresholds {
  name: number;
  subject: number;
}

/** A candidate is kept when the model gives at least its kind's probability that an editor would tag it. */
export const KEEP_THRESHOLDS: Thresholds = { name: 0.525, subject: 0.425 };

export function tagProbability(features: number[], weights: Weights): number {
  const sum = FEATURE_NAMES.reduce((total, name, index) => total + weights[name] * features[index]!, 0);
  return 1 / (1 + Math.exp(-sum));
}
