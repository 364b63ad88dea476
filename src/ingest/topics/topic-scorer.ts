import { FEATURE_NAMES } from './topic-features.ts';

type Weights = Readonly<Record<(typeof FEATURE_NAMES)[number], number>>;

/**
 * How likely an editor is to tag a candidate, from its features (topic-features.ts): a logistic model, one for
 * names and one for subjects. Fitted by bench/fit-topic-scorer.ts on the tuning labels alone (the topics
 * reference's tuning articles, the labelled events' tuning reports and the first labels' tuning fixtures),
 * never on a held-out article; `npx tsx bench/fit-topic-scorer.ts` prints these constants again.
 */
export const NAME_WEIGHTS: Weights = {
  bias: 0.767,
  'log mentions': 0.591,
  'written once': -0.468,
  'once, after the lead': -0.075,
  'headline names it whole': 0.949,
  'headline shares a word': 0.015,
  'in the lead': 0.028,
  'first position': -0.135,
  paragraphs: 0.366,
  words: 0.264,
  'share of mentions': 0.953,
  'listed among three': -0.271,
  'quoted speaker': 0.549,
  'opens a sentence': 0.298,
  english: 0.494,
  person: 0.486,
  place: 0.067,
  'log rank': -0.576,
  'person written once': -0.108,
  'quoted once': -0.289,
};

export const SUBJECT_WEIGHTS: Weights = {
  bias: -2.772,
  'log mentions': 0.677,
  'written once': -0.952,
  'once, after the lead': 0.280,
  'headline names it whole': 1.183,
  'headline shares a word': 1.209,
  'in the lead': 0.186,
  'first position': -0.120,
  paragraphs: 0.218,
  words: 0.916,
  'share of mentions': 0.000,
  'listed among three': 0.000,
  'quoted speaker': 0.000,
  'opens a sentence': 0.437,
  english: 0.039,
  person: 0.000,
  place: 0.000,
  'log rank': -0.084,
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
