import { SNOWBALL } from '../../ingest/snowball-languages.ts';
import { contentWords, foldAccents } from './tokenize.ts';

interface LanguageRules {
  stopWords: Set<string>;
  stem: (word: string) => string;
  /** Words already stemmed: a news vocabulary is small next to the words read, and Snowball is the slow part. */
  stems: Map<string, string>;
}

/** Past this many remembered stems a language starts afresh, so a long-running process never grows without bound. */
const MAX_REMEMBERED_STEMS = 200_000;

/** Stop words compared as words are read: lower case and without accents. */
const folded = (words: readonly string[]): Set<string> => new Set(words.map((word) => foldAccents(word).toLowerCase()));

const RULES: Record<string, LanguageRules> = Object.fromEntries(
  Object.entries(SNOWBALL).map(([language, { stem, stopWords }]) => [language, { stopWords: folded(stopWords), stem, stems: new Map() }]),
);

function rulesOf(language: string | undefined): LanguageRules | undefined {
  return language ? RULES[language.slice(0, 2).toLowerCase()] : undefined;
}

/**
 * The words of a text in a known language as similarity should compare them: its function words left out and the
 * rest cut to their Snowball stems, so that "rejects" and "rejected", "élu" and "élus" meet when two sites word
 * one event differently. Other languages keep the English-only filter and whole words.
 */
export function languageTerms(words: string[], language: string | undefined): string[] {
  const kept = contentWords(words);
  const rules = rulesOf(language);
  if (!rules) return kept;
  const terms: string[] = [];
  for (const word of kept) {
    if (rules.stopWords.has(word)) continue;
    let stem = rules.stems.get(word);
    if (stem === undefined) {
      if (rules.stems.size >= MAX_REMEMBERED_STEMS) rules.stems.clear();
      stem = /\d/.test(word) ? word : rules.stem(word);
      rules.stems.set(word, stem);
    }
    terms.push(stem);
  }
  return terms;
}
