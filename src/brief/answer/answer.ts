/** An article an answer cites, numbered as its citations name it. */
export interface AnswerSource {
  number: number;
  title: string;
  publisher: string;
  url: string;
  /** When it appeared (see `articleTime`), ISO 8601. */
  publishedAt: string;
}

/** One sentence of an answer and the sources it rests on. */
export interface AnswerSentence {
  text: string;
  citations: number[];
}

/**
 * What `/ask` replies: sentences that each cite the stored articles they come from, or, when nothing the server
 * reads is about the question, that Herald found nothing, rather than a guess.
 */
export type Answer =
  | { question: string; found: false }
  | {
      question: string;
      found: true;
      /** Extractive: sentences quoted from the articles. LLM: written by `model` from passages of them. */
      method: 'extractive' | 'llm';
      model?: string;
      sentences: AnswerSentence[];
      sources: AnswerSource[];
    };
