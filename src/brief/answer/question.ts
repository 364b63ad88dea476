import { languageTerms } from '../cluster/language-terms.ts';
import { allWords } from '../cluster/tokenize.ts';

/** A reader's question as retrieval reads it. */
export interface Question {
  text: string;
  /** The reader's language (a BCP 47 tag), which reads the question and any article whose language is unknown. */
  language: string;
  /** The words that say what the question is about, lower case and without accents, in order. */
  words: string[];
}

/**
 * Words that make a sentence a question without saying what it is about. An article rarely holds them, and
 * a passage that lacks one would otherwise seem to miss part of the question. Function words ("what", "did")
 * are already left out by each language's stop words.
 */
const ASKING = new Set(
  (
    'happen happens happened happening latest news new update updates say says said tell know explain anything something everything going ' +
    'please story stories today yesterday week recently currently now'
  ).split(' '),
);

const DEFAULT_LANGUAGE = 'en';

export function readQuestion(text: string, language = DEFAULT_LANGUAGE): Question {
  const words = allWords(text).filter((word) => !ASKING.has(word) && languageTerms([word], language).length > 0);
  return { text, language, words };
}

/** What the search index is asked for: the question's content words alone, so "what" and "did" decide nothing. */
export function searchQuery(question: Question): string {
  return question.words.join(' ');
}

/** The question's distinct terms as an article in `language` is compared with it (its stemmer, its stop words). */
export function questionTerms(question: Question, language: string | undefined): string[] {
  return [...new Set(languageTerms(question.words, language ?? question.language))];
}
