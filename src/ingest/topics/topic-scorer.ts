import { FEATURE_NAMES } from './topic-features.ts';

type Weights = Readonly<Record<(typeof FEATURE_NAMES)[number], number>>;

/**
 * How likely an editor is to tag a candidate, from its features (topic-features.ts): a logistic model, one for
 * names and one for subjects. Fitted by bench/fit-topic-scorer.ts on the tuning labels alone (the topics
 * reference's tuning articles, the labelled events' tuning reports and the first labels' tuning fixtures),
 * never on a held-out article; `npx tsx bench/fit-topic-scorer.ts` prints these constants again.
 */
export const NAME_WEIGHTS: Weights = {
  bias: 1.183,
  'log mentions': 0.752,
  'written once': -0.507,
  'once, after the lead': 0.006,
  'headline names it whole': 0.808,
  'headline shares a word': 0.058,
  'in the lead': 0.047,
  'first position': -0.021,
  paragraphs: 0.640,
  words: 0.192,
  'share of mentions': 0.930,
  'listed among three': -0.297,
  'quoted speaker': 0.498,
  'opens a sentence': 0.412,
  person: 0.491,
  place: 0.130,
  'log rank': -0.733,
  'person written once': 0.058,
  'quoted once': -0.160,
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
export const KEEP_THRESHOLDS: Thresholds = { name: 0.550, subject: 0.425 };

export function tagProbability(features: number[], weights: Weights): number {
  const sum = FEATURE_NAMES.reduce((total, name, index) => total + weights[name] * features[index]!, 0);
  return 1 / (1 + Math.exp(-sum));
}
