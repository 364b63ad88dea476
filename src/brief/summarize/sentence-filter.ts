import type { AlsoReadLink } from '../../model/article.ts';
import { ALSO_READ_LINE, chromeEvidence, isCreditLine } from '../../ingest/text/chrome-cues.ts';
import { isWholeSentence } from './whole-sentence.ts';
import { countWords } from '../../ingest/text/word-count.ts';

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
  const words = countWords(sentence);
  if (words < MIN_WORDS) return false;
  if (/[:：]$/.test(sentence)) return false;
  // A line with no closing stop is a heading, a key-points bullet or a caption, and reads as a fragment when joined to prose.
  if (!/[.!?…。！？"”’»)]$/.test(sentence)) return false;
  if (!isWholeSentence(sentence)) return false;
  if (chromeEvidence(sentence, words) === 'strong' || isCreditLine(sentence) || ALSO_READ_LINE.test(sentence)) return false;
  if (CREDIT_SENTENCE.test(sentence)) return false;
  if (context.byline && words <= 12 && comparable(sentence).includes(comparable(context.byline))) return false;
  if (!context.alsoRead?.length) return true;
  const line = comparable(sentence);
  return !context.alsoRead.some((link) => comparable(link.title) === line);
}

export function comparable(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
