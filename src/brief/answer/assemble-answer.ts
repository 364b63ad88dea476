import type { Article } from '../../model/article.ts';
import { articleTime } from '../../model/article.ts';
import { articleAddress, publisherName } from '../article-address.ts';
import type { Answer, AnswerSource } from './answer.ts';

/** A sentence of an answer and the articles it rests on. */
export interface SourcedSentence {
  text: string;
  articles: Article[];
}

/**
 * The answer a reader sees: the sentences in order, each citing its articles by number, the sources numbered
 * in the order the answer first cites them, so that the list reads [1], [2], [3] whatever was retrieved.
 */
export function assembleAnswer(question: string, sentences: SourcedSentence[], by: { method: 'extractive' | 'llm'; model?: string }): Answer {
  const numbers = new Map<string, number>();
  const sources: AnswerSource[] = [];
  const cited = sentences.map((sentence) => ({
    text: sentence.text,
    citations: [...new Set(sentence.articles)].map((article) => {
      let number = numbers.get(article.id);
      if (number === undefined) {
        number = sources.length + 1;
        numbers.set(article.id, number);
        sources.push(sourceOf(article, number));
      }
      return number;
    }),
  }));
  return { question, found: true, method: by.method, ...(by.model ? { model: by.model } : {}), sentences: cited, sources };
}

function sourceOf(article: Article, number: number): AnswerSource {
  return {
    number,
    title: article.title,
    publisher: publisherName(article),
    url: articleAddress(article),
    publishedAt: new Date(articleTime(article)).toISOString(),
  };
}
