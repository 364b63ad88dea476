import type { Article } from '../../model/article.ts';

/** The text of an article that the search index reads, field by field. */
export interface SearchDocument {
  id: string;
  title: string;
  dek: string;
  topics: string;
  body: string;
}

/**
 * How much of the body is indexed. News puts who, what and where first; the rest of a long article adds
 * index memory faster than it adds articles a topic query would want (see `npm run bench search`).
 */
export const INDEXED_BODY_CHARS = 1_000;

/** The fields of an article worth searching, with the body cut at a word boundary near `bodyChars`. */
export function searchDocument(article: Article, bodyChars = INDEXED_BODY_CHARS): SearchDocument {
  return {
    id: article.id,
    title: article.title,
    dek: article.dek ?? '',
    topics: article.topics.join(' | '),
    body: leadingText(article.paragraphs, bodyChars),
  };
}

function leadingText(paragraphs: string[], limit: number): string {
  let text = '';
  for (const paragraph of paragraphs) {
    if (text.length >= limit) break;
    text += `${paragraph}\n`;
  }
  if (text.length <= limit) return text;
  const cut = text.lastIndexOf(' ', limit);
  return text.slice(0, cut > 0 ? cut : limit);
}
