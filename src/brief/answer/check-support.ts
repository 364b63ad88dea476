import { baseLanguage } from '../../model/language.ts';
import { publisherName } from '../article-address.ts';
import { allWords } from '../cluster/tokenize.ts';
import type { CitedSentence } from './check-citations.ts';
import type { Evidence } from './evidence.ts';

/** Languages that capitalise every noun, where a capital says nothing about a name. */
const NOUNS_CAPITALISED = new Set(['de', 'lb']);

/**
 * Whether the articles a sentence cites hold its figures and names: every run of digits in it, and every word
 * it capitalises past its first (a person, a place, a day), must appear in them. A model that cites a real
 * article for "Storm Agnes will reach Tokyo on Friday" or "gusts of 120mph" it never read is caught here,
 * while a paraphrase of what the article says passes. In a language that capitalises every noun, only the
 * figures are checked.
 */
export function isSupported(sentence: CitedSentence, evidence: Evidence[], language: string | undefined): boolean {
  const cited = sentence.citations.map((number) => evidence[number - 1]).filter((item) => item !== undefined);
  const source = cited.flatMap((item) => [item.article.title, publisherName(item.article), ...item.sentences]).join('\n');
  const figures = new Set(source.match(/\d+/g) ?? []);
  if ((sentence.text.match(/\d+/g) ?? []).some((figure) => !figures.has(figure))) return false;
  if (NOUNS_CAPITALISED.has(baseLanguage(language) ?? '')) return true;
  const words = new Set(allWords(source));
  return capitalisedWords(sentence.text).every((word) => words.has(word));
}

/** The words a sentence capitalises after its first, folded as allWords folds them. */
function capitalisedWords(text: string): string[] {
  const tokens = text.split(/\s+/).slice(1);
  return tokens.filter((token) => /^["“‘'(«]?\p{Lu}\p{L}/u.test(token)).flatMap((token) => allWords(token));
}
