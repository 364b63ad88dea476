import { FEATURE_NAMES } from './topic-features.ts';

type Weights = Readonly<Record<(typeof FEATURE_NAMES)[number], number>>;

/**
 * How likely an editor is to tag a candidate, from its features (topic-features.ts): a logistic model, one for
 * names and one for subjects. Fitted by bench/fit-topic-scorer.ts on the tuning labels alone (the topics
 * reference's tuning articles, the labelled events' tuning reports and the first labels' tuning fixtures),
 * never on a held-out article; `npx tsx bench/fit-topic-scorer.ts` prints these constants again.
 */
export const NAME_WEIGHTS: Weights = {
  bias: 1.141,
  'log mentions': 0.609,
  'written once': -0.440,
  'once, after the lead': -0.045,
  'headline names it whole': 0.926,
  'headline shares a word': 0.007,
  'in the lead': 0.020,
  'first position': -0.119,
  paragraphs: 0.334,
  words: 0.240,
  'share of mentions': 0.977,
  'listed among three': -0.280,
  'quoted speaker': 0.638,
  'opens a sentence': 0.339,
  person: 0.607,
  place: 0.227,
  'log rank': -0.610,
  'person written once': -0.062,
  'quoted once': -0.320,
};

export const SUBJECT_WEIGHTS: Weights = {
  bias: -2.739,
  'log mentions': 0.676,
  'written once': -0.958,
  'once, after the lead': 0.276,
  'headline names it whole': 1.187,
  'headline shares a word': 1.210,
  'in the lead': 0.185,
  'first position': -0.121,
  paragraphs: 0.215,
  words: 0.919,
  'share of mentions': 0.000,
  'listed among three': 0.000,
  'quoted speaker': 0.000,
  'opens a sentence': 0.438,
  person: 0.000,
  place: 0.000,
  'log rank': -0.080,
  'person written once': 0.000,
  'quoted once': 0.000,
};

export interface Thresholds {
  name: number;
  subject: number;
}

/** A candidate is kept when the model gives at least its kind's probability that an editor would tag it. */
export const KEEP_THRESHOLDS: Thresholds = { name: 0.525, subject: 0.400 };

export function tagProbability(features: number[], weights: Weights): number {
  const sum = FEATURE_NAMES.reduce((total, name, index) => total + weights[name] * features[index]!, 0);
  return 1 / (1 + Math.exp(-sum));
}
