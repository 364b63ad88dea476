import type { Article } from '../model/article.ts';
import { formatDate } from './format-date.ts';
import { wrapText } from './wrap-text.ts';

/** An article as a person wants to read it in a terminal: headline, standfirst, credits, body, then links. */
export function renderArticle(article: Article, width: number): string {
  const credits = [article.byline, article.siteName, article.publishedAt && formatDate(article.publishedAt)].filter(Boolean).join(' · ');
  const url = article.canonicalUrl ?? article.url;
  const lines = [article.title, '='.repeat(Math.min(width, article.title.length))];
  if (article.dek) lines.push(wrapText(article.dek, width));
  if (credits) lines.push(credits);
  if (url) lines.push(url);
  lines.push('', ...article.paragraphs.map((paragraph) => `${wrapText(paragraph, width)}\n`));
  if (article.alsoRead.length) {
    lines.push('Also read:', ...article.alsoRead.map((link) => `  • ${link.title}${link.url ? `\n    ${link.url}` : ''}`), '');
  }
  if (article.topics.length) lines.push(`Topics: ${article.topics.join(', ')}`);
  return lines.join('\n').trimEnd();
}
