import { bylineName, creditName, endsWithSentence, lowerCaseShare, type ClassifiedLine } from './classify-line.ts';
import { isLabelledTime, isPublicationLabel } from './date-line.ts';

export interface ArticleHeader {
  title?: string;
  dek?: string;
  byline?: string;
  /** Dates stated between the title and the body, in page order; failing those, dates above the title labelled as the publication date. */
  dates: ClassifiedLine[];
}

/**
 * How far above the body a headline may stand, in lines of text; past that it belongs to something else on the
 * page. Furniture does not count (a share bar of twenty buttons under the headline is still its header), up to
 * a limit of lines of any kind.
 */
const HEADER_REACH = 16;
const MAX_HEADER_LINES = 60;

/** How many lines of text, not counting furniture, stand between each line above the body and the body. */
function textLinesBelow(lines: ClassifiedLine[], bodyStart: number): Map<number, number> {
  const below = new Map<number, number>();
  let counted = 0;
  for (let index = bodyStart - 1; index >= Math.max(0, bodyStart - MAX_HEADER_LINES) && counted < HEADER_REACH; index -= 1) {
    counted += lines[index]!.kind === 'chrome' ? 0 : 1;
    below.set(index, counted);
  }
  return below;
}

/** A section path ("News › World › Asia", "Home » Column » About bugs"): where the article is filed, not what it says. */
const SECTION_PATH = /^[^›»>|/]+(?:\s[›»>|/]\s[^›»>|/]+){2,}$/u;

/** A time of day ("12:02 PM", "21:17 18.11.2019Get short URL"): a dateline the date reader could not take apart, not a headline. */
const CLOCK_TIME = /\b\d{1,2}:\d{2}(?!\d)/;

/**
 * How much a line looks like a headline: a few words to a couple of dozen, no closing full stop,
 * long enough to say something. Lines that are furniture, credits or dates are never headlines.
 */
function headlineScore(line: ClassifiedLine): number {
  const kind = line.alone ?? line.kind;
  if (kind !== 'near' && kind !== 'short' && kind !== 'prose') return Number.NEGATIVE_INFINITY;
  if (line.words < 3 || line.words > 30 || SECTION_PATH.test(line.text) || CLOCK_TIME.test(line.text)) return Number.NEGATIVE_INFINITY;
  let score = line.words >= 5 && line.words <= 20 ? 2 : 0.5;
  score += /\.$/.test(line.text) ? -1 : 1;
  score += line.text.length >= 35 ? 1 : 0;
  score += lowerCaseShare(line.text) < 0.5 ? 0.5 : 0;
  score -= /,$/.test(line.text) ? 2 : 0;
  return score;
}

/** The most lines a share bar or a photo's caption and credit take up between a headline and its byline. */
const SHARE_BAR_LINES = 16;

/**
 * A headline is followed by its byline or date, at once or under a standfirst (which may read as the body's first
 * paragraph), past any share bar; a caption or a teaser is not. Credits right under a line count for more than
 * credits a few lines of text down, which are as often a list's neighbour's. A bare "By" over the name counts,
 * and so does a labelled time the date reader could not read.
 */
function creditBonus(lines: ClassifiedLine[], index: number): number {
  let textLines = 0;
  for (let next = index + 1; next < Math.min(lines.length, index + 1 + SHARE_BAR_LINES) && textLines < 3; next += 1) {
    const line = lines[next]!;
    if (line.kind === 'byline' || line.kind === 'date' || /^by$/i.test(line.text) || isLabelledTime(line.text)) return textLines === 0 ? 1.5 : 0.75;
    if (line.kind !== 'chrome') textLines += 1;
  }
  return 0;
}

/**
 * A standfirst is a sentence-case sentence or two, longer than its headline, or plainly not a headline, or
 * set directly under a full headline: of two headline-like lines in a row, the first is the headline.
 */
function readsAsDek(candidate: ClassifiedLine, headline: ClassifiedLine, directlyUnder: boolean): boolean {
  if (candidate.words < 6 || (candidate.kind !== 'near' && candidate.kind !== 'prose')) return false;
  if (lowerCaseShare(candidate.text) < 0.5) return false;
  if (directlyUnder && headline.words >= MIN_HEADLINE_WORDS) return true;
  return candidate.words >= headline.words || endsWithSentence(candidate.text) || lowerCaseShare(headline.text) < 0.5;
}

/** Fewer words than this over a line is a section label or a kicker ("Greece", "Streik bei der Bahn"), not a headline. */
const MIN_HEADLINE_WORDS = 5;

/**
 * Reads the lines above the body. The title is the most headline-like line within reach, unless a
 * headline stands just above it and it reads as that headline's standfirst. The dek is the first
 * standfirst-like line between title and body. Bylines and dates count between the title and the body:
 * a date above the title is the page's clock or a weather widget, unless it says "Published".
 */
export function readHeader(lines: ClassifiedLine[], bodyStart: number): ArticleHeader {
  const distance = textLinesBelow(lines, bodyStart);
  const floor = Math.min(bodyStart, ...distance.keys());
  let titleIndex: number | undefined;
  let bestScore = 2;
  for (let index = bodyStart - 1; index >= floor; index -= 1) {
    if (leadsTo(lines, index, floor, bodyStart)) continue;
    const score = headlineScore(lines[index]!) - distance.get(index)! * 0.05 + creditBonus(lines, index);
    if (score > bestScore) {
      bestScore = score;
      titleIndex = index;
    }
  }
  if (titleIndex === undefined) return { dates: [] };
  for (let above = titleIndex - 1; above >= Math.max(floor, titleIndex - 3); above -= 1) {
    const line = lines[above]!;
    if (headlineScore(line) >= 3 && readsAsDek(lines[titleIndex]!, line, above === titleIndex - 1) && !inList(lines, above, floor) && !leadsTo(lines, above, floor, bodyStart)) {
      titleIndex = above;
      break;
    }
    if (line.kind !== 'chrome' && line.kind !== 'short') break;
  }
  const header: ArticleHeader = { title: lines[titleIndex]!.text, dates: [] };
  for (let index = titleIndex + 1; index < bodyStart; index += 1) {
    const line = lines[index]!;
    if (!header.dek && !header.byline && header.dates.length === 0 && readsAsDek(line, lines[titleIndex]!, index === titleIndex + 1)) header.dek = line.text;
    if (line.kind === 'date') header.dates.push(line);
    const credit = header.byline === undefined ? headerCredit(lines, index, bodyStart) : undefined;
    if (credit) header.byline = credit;
  }
  if (header.dates.length === 0) header.dates = labelledDatesAbove(lines, titleIndex, floor);
  return header;
}

/**
 * A breadcrumb that ends in the headline ("Home News Business News Ascom announces …" over "Ascom announces …"):
 * the page printing its path with the headline at the end of it, not the headline.
 */
function leadsTo(lines: ClassifiedLine[], index: number, floor: number, bodyStart: number): boolean {
  const text = lines[index]!.text;
  return lines.slice(floor, bodyStart).some((other) => other.words >= 3 && other.text.length < text.length && text.endsWith(other.text));
}

/**
 * A headline-like line over another is one of a list of teasers, not the article's headline over its standfirst,
 * when the line of text above it is headline-like too.
 */
function inList(lines: ClassifiedLine[], index: number, floor: number): boolean {
  for (let above = index - 1; above >= floor; above -= 1) {
    if (lines[above]!.kind === 'chrome') continue;
    return headlineScore(lines[above]!) >= 3;
  }
  return false;
}

/**
 * The byline a header line gives. "By Jane Roe" says so itself; a bare name ("Jonas Berg") is a credit only
 * when more credits follow it (a role, a place, a date), since "Learn More" or "Peer-Reviewed Publication"
 * has the same capitalised shape.
 */
function headerCredit(lines: ClassifiedLine[], index: number, bodyStart: number): string | undefined {
  const line = lines[index]!;
  if (/^by$/i.test(line.text)) return lines[index + 1]?.text;
  const name = creditName(line);
  if (!name || bylineName(line.text) || line.kind === 'date') return name;
  const following = lines.slice(index + 1, Math.min(bodyStart, index + 1 + CREDIT_FOLLOW_REACH));
  return following.some((next) => next.kind === 'date' || (next.kind === 'byline' && next.words <= 4)) ? name : undefined;
}

/** How many lines below a bare name its other credits may come, past a "Follow" button or a reading time. */
const CREDIT_FOLLOW_REACH = 4;

/**
 * A date above the headline is the page's clock or a widget, unless it says it is the publication date:
 * "News release 5-Mar-2024", "Published 3 March 2024" over the headline of a press release or a blog.
 */
function labelledDatesAbove(lines: ClassifiedLine[], titleIndex: number, floor: number): ClassifiedLine[] {
  return lines.slice(floor, titleIndex).filter((line) => line.kind === 'date' && isPublicationLabel(line.text));
}
