/**
 * The article-extraction-benchmark metric (scrapinghub/article-extraction-benchmark, evaluate.py), reproduced
 * exactly: tokens are runs of word characters, each text a multiset of 4-token shingles, per page TP/FP/FN
 * normalised to sum to 1, then mean precision over pages that predicted something, mean recall over pages
 * whose truth has something, and F1 from the two means.
 */
export interface ShingleMatch {
  tp: number;
  fp: number;
  fn: number;
}

/**
 * Python's `\w` (the benchmark's tokenizer): letters, numbers and the underscore, but not combining marks,
 * so a Devanagari vowel sign splits a word there, as it does in the reference implementation.
 */
const TOKEN = /[\p{L}\p{N}_]+/gu;

function shingles(text: string, size = 4): Map<string, number> {
  const tokens = text.match(TOKEN) ?? [];
  const counts = new Map<string, number>();
  for (let index = 0; index < Math.max(1, tokens.length - size + 1); index += 1) {
    const shingle = tokens.slice(index, index + size).join('\u0001');
    if (shingle) counts.set(shingle, (counts.get(shingle) ?? 0) + 1);
  }
  return counts;
}

export function shingleMatch(truth: string, prediction: string): ShingleMatch {
  const expected = shingles(truth);
  const predicted = shingles(prediction);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...expected.keys(), ...predicted.keys()])) {
    const want = expected.get(key) ?? 0;
    const got = predicted.get(key) ?? 0;
    tp += Math.min(want, got);
    fp += Math.max(0, got - want);
    fn += Math.max(0, want - got);
  }
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn };
}

function precision({ tp, fp, fn }: ShingleMatch): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

function recall({ tp, fp, fn }: ShingleMatch): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

const mean = (values: number[]): number => values.reduce((sum, value) => sum + value, 0) / Math.max(values.length, 1);

export function extractionScores(matches: ShingleMatch[]): { precision: number; recall: number; f1: number } {
  const p = mean(matches.filter((match) => match.tp + match.fp > 0).map(precision));
  const r = mean(matches.filter((match) => match.tp + match.fn > 0).map(recall));
  return { precision: p, recall: r, f1: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
}

/** Words, or single characters of scripts written without spaces, where a "word" would be a whole sentence. */
const WORD_OR_IDEOGRAPH = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]|[\p{L}\p{M}\p{N}_]+/gu;

/**
 * Agreement of two texts as bags of words, per page: the measure used against Readability's own expected
 * output, where the question is whether the same text was found, not in which order.
 */
export function tokenF1(expected: string, predicted: string): { precision: number; recall: number; f1: number } {
  const count = (text: string): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const token of text.toLowerCase().match(WORD_OR_IDEOGRAPH) ?? []) counts.set(token, (counts.get(token) ?? 0) + 1);
    return counts;
  };
  const want = count(expected);
  const got = count(predicted);
  let overlap = 0;
  for (const [token, n] of got) overlap += Math.min(n, want.get(token) ?? 0);
  const total = (counts: Map<string, number>): number => [...counts.values()].reduce((sum, n) => sum + n, 0);
  const precision = total(got) ? overlap / total(got) : total(want) ? 0 : 1;
  const recall = total(want) ? overlap / total(want) : 1;
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}
