import { FEATURE_NAMES } from './topic-features.ts';

type Weights = Readonly<Record<(typeof FEATURE_NAMES)[number], number>>;

/**
 * How likely an editor is to tag a candidate, from its features (topic-features.ts): a logistic model, one for
 * names and one for subjects. Fitted by bench/fit-topic-scorer.ts on the tuning labels alone (the topics
 * reference's tuning articles, the labelled events' tuning reports and the first labels' tuning fixtures),
 * never on a held-out article; `npx tsx bench/fit-topic-scorer.ts` prints these constants again.
 */
export const NAME_WEIGHTS: Weights = {
  bias: 0.806,
  'log mentions': 0.784,
  'written once': -0.491,
  'once, after the lead': 0.119,
  'headline names it whole': 0.858,
  'headline shares a word': 0.102,
  'in the lead': 0.214,
  'first position': -0.070,
  paragraphs: 0.604,
  words: 0.235,
  'share of mentions': 0.975,
  'listed among three': -0.270,
  'quoted speaker': 0.533,
  'opens a sentence': 0.383,
  person: 0.516,
  place: 0.172,
  'log rank': -0.654,
  'person written once': 0.006,
  'quoted once': -0.225,
};

export const SUBJECT_WEIGHTS: Weights = {
  bias: -2.354,
  'log mentions': 0.452,
  'written once': -0.969,
  'once, after the lead': 0.354,
  'headline names it whole': 0.918,
  'headline shares a word': 1.102,
  'in the lead': 0.297,
  'first position': -0.107,
  paragraphs: 0.194,
  words: 0.962,
  'share of mentions': 0.000,
  'listed among three': 0.000,
  'quoted speaker': 0.000,
  'opens a sentence': 0.690,
  person: 0.000,
  place: 0.000,
  'log rank': -0.230,
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
