import type { Article } from '../../model/article.ts';
import type { Answer } from './answer.ts';
import { assembleAnswer } from './assemble-answer.ts';
import type { CitedSentence } from './check-citations.ts';
import { isSupported } from './check-support.ts';
import { gatherEvidence, type Evidence } from './evidence.ts';
import { pickPassages } from './pick-passages.ts';
import type { Question } from './question.ts';
import { rankPassages } from './rank-passages.ts';

/** Writes an answer from the evidence with a model; nothing when it cannot, so that the extractive answer stands. */
export interface AnswerWriter {
  readonly model: string;
  /** Sentences that each cite evidence by number, every number one given; undefined on any failure or when nothing survives. */
  write(question: Question, evidence: Evidence[]): Promise<CitedSentence[] | undefined>;
}

/** The most sentences an answer has, whoever writes it. */
export const ANSWER_SENTENCES = 4;
/** An extractive answer quotes at most this many sentences of one article, after one from every other. */
const QUOTED_PER_ARTICLE = 2;
/** A model reads the best sentences of the best few articles. */
const EVIDENCE = { articles: 5, perArticle: 3 };

/**
 * Answers a question from `articles` (the search's hits in the reader's scope, best first) and from nothing
 * else: the passages that hold enough of the question, quoted with their sources, or written up by `writer`
 * from them, keeping only the sentences whose figures and names the articles they cite hold. Nothing relevant is
 * said plainly instead of guessed at.
 */
export async function answerQuestion(question: Question, articles: Article[], writer?: AnswerWriter): Promise<Answer> {
  const ranked = rankPassages(question, articles);
  if (ranked.length === 0) return { question: question.text, found: false };
  if (writer) {
    const evidence = gatherEvidence(ranked, EVIDENCE);
    const written = (await writer.write(question, evidence))?.filter((sentence) => isSupported(sentence, evidence, question.language)) ?? [];
    if (written.length > 0) {
      const sentences = written.slice(0, ANSWER_SENTENCES).map((sentence) => ({
        text: sentence.text,
        articles: sentence.citations.map((number) => evidence[number - 1]!.article),
      }));
      return assembleAnswer(question.text, sentences, { method: 'llm', model: writer.model });
    }
  }
  const quoted = pickPassages(ranked, { limit: ANSWER_SENTENCES, perArticle: QUOTED_PER_ARTICLE });
  return assembleAnswer(
    question.text,
    quoted.map((passage) => ({ text: passage.text, articles: passage.sources })),
    { method: 'extractive' },
  );
}
