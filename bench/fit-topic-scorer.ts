/**
 * Fits the topic scorer (src/ingest/topics/topic-scorer.ts) on the tuning labels alone and prints its constants.
 *
 *   npx tsx bench/fit-topic-scorer.ts
 *
 * Every candidate the extractors offer for a tuning article (topicCandidates, before anything is dropped) is
 * an example: tagged when it matches one of the article's hand labels as the bench scores it (bench/topic-scores.ts),
 * untagged otherwise. Two logistic models, names and subjects, are fitted by Newton's method with a small ridge
 * penalty; the three tuning sets weigh alike in all (each set weighs as much as the reference's tuning articles,
 * so the 179 events' reports, labelled for clustering, do not outvote the 31 reference articles written to the
 * guide, nor the 10 first labels count for little). The two thresholds (names, subjects) are then the pair, on
 * a grid, whose topics score the best F1 on the reference's tuning articles pooled, through the same selection extractTopics makes (up to 12, subjects up to a
 * third, a subject the headline names always kept). It also prints, for each tuning set, what every candidate
 * would score (the ceiling a selection cannot pass), the old fill-up-to-12 and the fitted scorer. Held-out
 * articles are never read. Deterministic: the same labels and extractors print the same constants.
 */
import { selectTopics, topicCandidates, type ScoredCandidate, type TopicSource } from '../src/ingest/topics/extract-topics.ts';
import type { Thresholds } from '../src/ingest/topics/topic-scorer.ts';
import { FEATURE_NAMES } from '../src/ingest/topics/topic-features.ts';
import { labelledArticles, loadLabelledEvents } from './labelled-events.ts';
import { isHeldOutFixture, loadLabelledDrafts, loadTopicReference, sourceOf } from './topic-labels.ts';
import { matchesLabel, topicScores, type TopicLabels } from './topic-scores.ts';

interface TuningArticle {
  set: 'reference' | 'events' | 'first labels';
  source: TopicSource;
  labels: TopicLabels;
}

/** Ridge penalty on every weight but the bias: keeps rare features (a quoted place) from taking extreme weights. */
const RIDGE = 1;
const NEWTON_STEPS = 30;
const THRESHOLDS = Array.from({ length: 15 }, (_, index) => 0.2 + index * 0.025);
const SUBJECT_THRESHOLDS = [0, ...THRESHOLDS];
/** F-beta of the thresholds' choice: 1 weighs the two goals' shortfalls alike. */
const BETA = 1;
/** Each set's weight against the reference's: reweighting (reference 2 to 3 times, events 0.1 to 0.5) moved precision against recall at the same F1. */
const SET_WEIGHTS: Record<TuningArticle['set'], number> = { reference: 1, events: 1, 'first labels': 1 };

function tuningArticles(): TuningArticle[] {
  const reference = loadTopicReference()
    .filter(({ split }) => split === 'tune')
    .map(({ source, labels }) => ({ set: 'reference' as const, source, labels }));
  const events = labelledArticles(loadLabelledEvents().filter(({ split }) => split === 'tune')).map(({ article, entities, subjects }) => ({
    set: 'events' as const,
    source: sourceOf(article),
    labels: { entities, subjects },
  }));
  const drafts = loadLabelledDrafts()
    .filter(({ fixture }) => !isHeldOutFixture(fixture))
    .map(({ draft, labels }) => ({ set: 'first labels' as const, source: draft, labels }));
  return [...reference, ...events, ...drafts];
}

interface Example {
  features: number[];
  tagged: boolean;
  weight: number;
}

function examplesOf(articles: Array<TuningArticle & { candidates: ScoredCandidate[] }>, isName: boolean): Example[] {
  const perSet = new Map<string, number>();
  for (const { set } of articles) perSet.set(set, (perSet.get(set) ?? 0) + 1);
  const setWeight = perSet.get('reference')!;
  const share = (set: TuningArticle['set']): number => (SET_WEIGHTS[set] * setWeight) / perSet.get(set)!;
  return articles.flatMap(({ set, labels, candidates }) =>
    candidates
      .filter((candidate) => candidate.isName === isName)
      .map((candidate) => ({
        features: candidate.features,
        tagged: [...labels.entities, ...labels.subjects].some((label) => matchesLabel(candidate.topic, label)),
        weight: share(set),
      })),
  );
}

const sigmoid = (value: number): number => 1 / (1 + Math.exp(-value));
const dot = (a: number[], b: number[]): number => a.reduce((sum, value, index) => sum + value * b[index]!, 0);

/** Weighted ridge logistic regression by Newton's method (IRLS). */
function fitLogistic(examples: Example[], ridge = RIDGE): number[] {
  const size = FEATURE_NAMES.length;
  let weights = new Array<number>(size).fill(0);
  for (let step = 0; step < NEWTON_STEPS; step += 1) {
    const gradient = weights.map((weight, index) => (index === 0 ? 0 : ridge * weight));
    const hessian = Array.from({ length: size }, (_, row) => Array.from({ length: size }, (_, column) => (row === column && row > 0 ? ridge : 0)));
    for (const { features, tagged, weight } of examples) {
      const probability = sigmoid(dot(weights, features));
      const error = probability - (tagged ? 1 : 0);
      const curvature = Math.max(probability * (1 - probability), 1e-6) * weight;
      for (let row = 0; row < size; row += 1) {
        gradient[row]! += weight * error * features[row]!;
        for (let column = 0; column < size; column += 1) hessian[row]![column]! += curvature * features[row]! * features[column]!;
      }
    }
    // A feature no example has (zero column) keeps its weight at zero.
    for (let index = 0; index < size; index += 1) if (hessian[index]![index] === 0) hessian[index]![index] = 1;
    const change = solve(hessian, gradient);
    weights = weights.map((weight, index) => weight - change[index]!);
    if (Math.max(...change.map(Math.abs)) < 1e-9) break;
  }
  return weights;
}

/** Gaussian elimination with partial pivoting. */
function solve(matrix: number[][], vector: number[]): number[] {
  const size = vector.length;
  const rows = matrix.map((row, index) => [...row, vector[index]!]);
  for (let column = 0; column < size; column += 1) {
    let pivot = column;
    for (let row = column + 1; row < size; row += 1) if (Math.abs(rows[row]![column]!) > Math.abs(rows[pivot]![column]!)) pivot = row;
    [rows[column], rows[pivot]] = [rows[pivot]!, rows[column]!];
    for (let row = 0; row < size; row += 1) {
      if (row === column) continue;
      const factor = rows[row]![column]! / rows[column]![column]!;
      for (let index = column; index <= size; index += 1) rows[row]![index]! -= factor * rows[column]![index]!;
    }
  }
  return rows.map((row, index) => row[size]! / row[index]!);
}

function rescored(candidates: ScoredCandidate[], names: number[], subjects: number[]): ScoredCandidate[] {
  return candidates.map((candidate) => ({ ...candidate, probability: sigmoid(dot(candidate.isName ? names : subjects, candidate.features)) }));
}

const fBeta = (precision: number, recall: number): number => ((1 + BETA ** 2) * precision * recall) / (BETA ** 2 * precision + recall || 1);

function scoresAt(articles: Array<TuningArticle & { candidates: ScoredCandidate[] }>, thresholds: Thresholds) {
  return topicScores(articles.map(({ candidates, labels }) => ({ topics: selectTopics(candidates, thresholds), labels })));
}

function constants(name: string, weights: number[]): string {
  return [`export const ${name}: Weights = {`, ...FEATURE_NAMES.map((feature, index) => `  ${/^[a-z]+$/.test(feature) ? feature : `'${feature}'`}: ${weights[index]!.toFixed(3)},`), '};'].join('\n');
}

function main(): void {
  const articles = tuningArticles().map((article) => ({ ...article, candidates: topicCandidates(article.source) }));
  const names = fitLogistic(examplesOf(articles, true));
  const subjects = fitLogistic(examplesOf(articles, false));
  const scored = articles.map((article) => ({ ...article, candidates: rescored(article.candidates, names, subjects) }));
  const reference = scored.filter(({ set }) => set === 'reference');
  const grid = THRESHOLDS.flatMap((name) => SUBJECT_THRESHOLDS.map((subject) => ({ name, subject })));
  const best = grid
    .map((thresholds) => ({ thresholds, scores: scoresAt(reference, thresholds) }))
    .sort((a, b) => fBeta(b.scores.precision, b.scores.recall) - fBeta(a.scores.precision, a.scores.recall) || a.thresholds.name - b.thresholds.name || a.thresholds.subject - b.thresholds.subject)[0]!;
  const { name, subject } = best.thresholds;
  process.stdout.write(`${constants('NAME_WEIGHTS', names)}\n\n${constants('SUBJECT_WEIGHTS', subjects)}\n\nexport const KEEP_THRESHOLDS: Thresholds = { name: ${name.toFixed(3)}, subject: ${subject.toFixed(3)} };\n\n`);
  for (const set of ['reference', 'events', 'first labels'] as const) {
    const before = scoresAt(articles.filter((article) => article.set === set), { name: 0, subject: 0 });
    const after = scoresAt(scored.filter((article) => article.set === set), best.thresholds);
    const all = topicScores(articles.filter((article) => article.set === set).map(({ candidates, labels }) => ({ topics: selectTopics(candidates, { name: 0, subject: 0 }, Infinity), labels })));
    process.stdout.write(
      `${set}, tune: every candidate P ${all.precision.toFixed(2)} R ${all.recall.toFixed(2)}; up to 12 P ${before.precision.toFixed(2)} R ${before.recall.toFixed(2)}; scored P ${after.precision.toFixed(2)} R ${after.recall.toFixed(2)}\n`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
