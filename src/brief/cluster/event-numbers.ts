/** Digits with their separators: "51.9", "4,000", "1:59:40", "7,8" (a decimal comma). */
const NUMBER = /\d+(?:[.,:]\d+)*/g;
const THOUSANDS = /^\d{1,3}(?:[.,]\d{3})+$/;
const YEAR = /^(?:1[89]|20)\d\d$/;
/** 10, 50, 300, 1000: the round figures of every estimate and anniversary. */
const ROUND = /^[1-9]0+$/;

/**
 * The figures a report gives (a result, a death toll, a price, a time): reports of one event repeat them whatever
 * their words, and a different event on the same subject rarely has the same ones. Only figures of three characters
 * or more count ("51.9", "7.8", "1,100", "122"): years, which all news of a week shares, round figures, and numbers
 * of one or two digits, which counts of anything share, are left out.
 *
 * "4,000" and "4.000" are one figure (English and continental thousands), and "7,8" is "7.8".
 */
export function eventNumbers(text: string): Set<string> {
  return new Set(eventFigures(text).keys());
}

/**
 * The figures eventNumbers counts, each with how the text first writes it ("4000" → "4,000"), to show a reader.
 * With `round`, round figures count too: no sign that two reports tell one event, but news to a reader ("4,000 evacuated").
 */
export function eventFigures(text: string, options: { round?: boolean } = {}): Map<string, string> {
  const figures = new Map<string, string>();
  for (const [written] of text.matchAll(NUMBER)) {
    const value = THOUSANDS.test(written) ? written.replace(/[.,]/g, '') : written.replace(',', '.');
    if (value.length < 2 || YEAR.test(value) || (!options.round && ROUND.test(value)) || figures.has(value)) continue;
    figures.set(value, written);
  }
  return figures;
}

/**
 * Whether two reports give figures of their own and agree on none of them: the result, the toll, the price of
 * one event come back in every report of it, so a report whose several figures are all different tells another
 * event (Sturgeon's 62% to 38% in Scotland beside the UK's 51.9% to 48.1%). A figure and its rounding agree
 * ("51.9" and "52", "38.70" and "38.7"), since tabloids and wires round differently. Fewer figures than
 * `atLeast` on either side say too little to disagree.
 */
export function figuresDisagree(a: ReadonlySet<string>, b: ReadonlySet<string>, atLeast: number): boolean {
  if (a.size < atLeast || b.size < atLeast) return false;
  for (const figure of a) for (const other of b) if (sameFigure(figure, other)) return false;
  return true;
}

function sameFigure(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.includes(':') || b.includes(':')) return false;
  const [x, y] = [Number(a), Number(b)];
  return x === y || (Number.isInteger(y) && Math.round(x) === y) || (Number.isInteger(x) && Math.round(y) === x);
}
