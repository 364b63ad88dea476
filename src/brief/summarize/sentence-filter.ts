import type { AlsoReadLink } from '../../model/article.ts';
import { ALSO_READ_LINE, chromeEvidence, isCreditLine } from '../../ingest/text/chrome-cues.ts';
import { isWholeSentence } from './whole-sentence.ts';

export interface FilterContext {
  byline?: string;
  alsoRead?: AlsoReadLink[];
}

/** Fewer words than this is a label, a heading or a fragment, not a sentence that can tell the news. */
const MIN_WORDS = 5;

const CREDIT_SENTENCE = /^(?:(?:additional )?(?:reporting|writing|editing|research|production) by|(?:written|reported|edited|compiled) by|by\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}\s*(?:[,|–—-]|$)|(?:photo|image|picture|file photo|video)s?\s*[:(]|contact (?:the )?(?:reporter|author|writer)|this (?:article|story|report) (?:has been|was) (?:updated|corrected|amended))/iu;

/**
 * Whether a sentence may stand in a summary: not page furniture the extractor let through (ads, share
 * prompts, newsletter boxes), not a credit or byline, not a related-link line, not a heading, bullet or lead-in
 * that ends in a colon and needs what follows it, not a broken piece of a sentence (see isWholeSentence).
 */
export function isSummarySentence(sentence: string, context: FilterContext): boolean {
  const words = wordCount(sentence);
  if (words < MIN_WORDS) return false;
  if (/[:：]$/.test(sentence)) return false;
  // A line with no closing stop is a heading, a key-points bullet or a caption, and reads as a fragment when joined to prose.
  if (!/[.!?…。！？"”’»)]$/.test(sentence)) return false;
  if (!isWholeSentence(sentence)) return false;
  if (chromeEvidence(sentence, words) === 'strong' || isCreditLine(sentence) || ALSO_READ_LINE.test(sentence)) return false;
  if (CREDIT_SENTENCE.test(sentence)) return false;
  if (context.byline && words <= 12 && comparable(sentence).includes(comparable(context.byline))) return false;
  const line = comparable(sentence);
  return !context.alsoRead?.some((link) => comparable(link.title) === line);
}

/** Scripts written without spaces between words, where a "word" by spaces would be a whole sentence. */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/gu;

/**
 * Words by spaces, plus about one word per two characters of unspaced scripts, as the text classifier counts
 * them (src/ingest/text/classify-line.ts, which keeps its count private): by spaces alone, a Japanese lead
 * sentence of sixty characters was two words, too few to pass, and the summary started on its third sentence.
 */
function wordCount(text: string): number {
  const unspaced = text.match(UNSPACED_SCRIPT)?.length ?? 0;
  return text.split(/\s+/).filter(Boolean).length + Math.floor(unspaced / 2);
}

export function comparable(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
