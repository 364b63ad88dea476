import { bylineName, classifyLine, creditName, endsWithSentence, lowerCaseShare, type ClassifiedLine } from './classify-line.ts';
import { isPublicationLabel } from './date-line.ts';

export interface ArticleHeader {
  title?: string;
  dek?: string;
  byline?: string;
  /** Dates stated between the title and the body, in page order; failing those, dates above the title labelled as the publication date. */
  dates: ClassifiedLine[];
}

/** How far above the body a headline may stand; past that it belongs to something else on the page. */
const HEADER_REACH = 16;

/**
 * How much a line looks like a headline: a few words to a couple of dozen, no closing full stop,
 * long enough to say something. Lines that are furniture, credits or dates are never headlines.
 */
function headlineScore(line: ClassifiedLine): number {
  const kind = line.repeated ? classifyLine(line.text).kind : line.kind;
  if (kind !== 'near' && kind !== 'short' && kind !== 'prose') return Number.NEGATIVE_INFINITY;
  if (line.words < 3 || line.words > 30) return Number.NEGATIVE_INFINITY;
  let score = line.words >= 5 && line.words <= 20 ? 2 : 0.5;
  score += /\.$/.test(line.text) ? -1 : 1;
  score += line.text.length >= 35 ? 1 : 0;
  score += lowerCaseShare(line.text) < 0.5 ? 0.5 : 0;
  score -= /,$/.test(line.text) ? 2 : 0;
  return score;
}

/** A headline is followed within a few lines by its byline or date; a caption or a teaser is not. */
function creditsFollow(lines: ClassifiedLine[], index: number, bodyStart: number): boolean {
  for (let next = index + 1; next < Math.min(bodyStart, index + 4); next += 1) {
    const kind = lines[next]!.kind;
    if (kind === 'byline' || kind === 'date') return true;
  }
  return false;
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
  const floor = Math.max(0, bodyStart - HEADER_REACH);
  let titleIndex: number | undefined;
  let bestScore = 2;
  for (let index = bodyStart - 1; index >= floor; index -= 1) {
    const score = headlineScore(lines[index]!) - (bodyStart - index) * 0.05 + (creditsFollow(lines, index, bodyStart) ? 1.5 : 0);
    if (score > bestScore) {
      bestScore = score;
      titleIndex = index;
    }
  }
  if (titleIndex === undefined) return { dates: [] };
  for (let above = titleIndex - 1; above >= Math.max(floor, titleIndex - 3); above -= 1) {
    const line = lines[above]!;
    if (headlineScore(line) >= 3 && readsAsDek(lines[titleIndex]!, line, above === titleIndex - 1)) {
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
