import { FEATURE_NAMES } from './topic-features.ts';

type Weights = Readonly<Record<(typeof FEATURE_NAMES)[number], number>>;

/**
 * How likely an editor is to tag a candidate, from its features (topic-features.ts): a logistic model, one for
 * names and one for subjects. Fitted by bench/fit-topic-scorer.ts on the tuning labels alone (the topics
 * reference's tuning articles, the labelled events' tuning reports and the first labels' tuning fixtures),
 * never on a held-out article. These are the constants the script printed for the candidates of commit 9277ad2;
 * refitted on the candidates the ninth run's name rules give, they scored lower on what they are chosen for (the
 * reference's tuning articles, 0.66/0.65 against 0.67/0.66) and so were left (README, Topics).
 */
export const NAME_WEIGHTS: Weights = {
  bias: 1.145,
  'log mentions': 0.752,
  'written once': -0.513,
  'once, after the lead': -0.003,
  'headline names it whole': 0.793,
  'headline shares a word': 0.052,
  'in the lead': 0.060,
  'first position': 0.010,
  paragraphs: 0.644,
  words: 0.202,
  'share of mentions': 0.933,
  'listed among three': -0.282,
  'quoted speaker': 0.501,
  'opens a sentence': 0.419,
  person: 0.495,
  place: 0.143,
  'log rank': -0.733,
  'person written once': 0.064,
  'quoted once': -0.156,
};

export const SUBJECT_WEIGHTS: Weights = {
  bias: -2.429,
  'log mentions': 0.473,
  'written once': -0.962,
  'once, after the lead': 0.370,
  'headline names it whole': 0.938,
  'headline shares a word': 1.108,
  'in the lead': 0.314,
  'first position': -0.121,
  paragraphs: 0.193,
  words: 0.967,
  'share of mentions': 0.000,
  'listed among three': 0.000,
  'quoted speaker': 0.000,
  'opens a sentence': 0.693,
  person: 0.000,
  place: 0.000,
  'log rank': -0.205,
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
