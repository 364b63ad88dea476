import type { Article } from '../../model/article.ts';
import { languageTerms } from '../cluster/language-terms.ts';
import { allWords } from '../cluster/tokenize.ts';
import { candidateSentences } from '../summarize/candidate-sentences.ts';
import { questionTerms, type Question } from './question.ts';

/** One sentence of a stored article, weighed against a question. */
export interface Passage {
  article: Article;
  /** The article's place among the search's hits, from 0: relevance and recency as the search weighed them. */
  articleRank: number;
  text: string;
  /** Its place among the article's sentences, from 0. */
  position: number;
  terms: Set<string>;
  /** The share of the question's weight the sentence holds, from 0 to 1. */
  relevance: number;
  score: number;
}

/**
 * The share of the question a sentence must hold to count as answering it. Every term weighs by how rare it
 * is among the sentences read, and a term none of them holds weighs the most, so a sentence that shares one
 * word of a two-word question with the store ("Tokyo" of "Tokyo earthquake") always stays below it.
 */
export const RELEVANCE_FLOOR = 0.5;

/** News tells who did what first: each sentence further into an article scores this much less, up to ten. */
const POSITION_DISCOUNT = 0.02;

/**
 * The sentences of `articles` (search hits, best first) that answer the question, best first; none when
 * nothing stored is about it. Sentences are those a summary may use (no furniture, credits or fragments), and
 * each is compared in its article's language, so "rejected" meets "rejects" and "élu" meets "élus".
 */
export function rankPassages(question: Question, articles: Article[]): Passage[] {
  const termsByLanguage = new Map<string | undefined, string[]>();
  const askedIn = (language: string | undefined): string[] => {
    let terms = termsByLanguage.get(language);
    if (!terms) termsByLanguage.set(language, (terms = questionTerms(question, language)));
    return terms;
  };
  const sentences = articles.flatMap((article, articleRank) =>
    candidateSentences(article).map((candidate) => ({
      article,
      articleRank,
      text: candidate.text,
      position: candidate.position,
      terms: new Set(languageTerms(allWords(candidate.text), article.language ?? question.language)),
    })),
  );
  const weight = termWeights(sentences.map((sentence) => sentence.terms));
  const passages = sentences.map((sentence) => {
    const asked = askedIn(sentence.article.language);
    const total = asked.reduce((sum, term) => sum + weight(term), 0);
    const held = asked.filter((term) => sentence.terms.has(term)).reduce((sum, term) => sum + weight(term), 0);
    const relevance = total > 0 ? held / total : 0;
    return { ...sentence, relevance, score: relevance * (1 - POSITION_DISCOUNT * Math.min(sentence.position, 10)) };
  });
  return passages
    .filter((passage) => passage.relevance >= RELEVANCE_FLOOR)
    .sort((a, b) => b.score - a.score || a.articleRank - b.articleRank || a.position - b.position);
}

/** Inverse document frequency over the sentences read; a term none holds gets the highest weight there is. */
function termWeights(sentences: Array<Set<string>>): (term: string) => number {
  const frequency = new Map<string, number>();
  for (const terms of sentences) for (const term of terms) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  const count = sentences.length;
  return (term) => Math.log(1 + count / (1 + (frequency.get(term) ?? 0)));
}
