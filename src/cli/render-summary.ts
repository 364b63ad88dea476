import type { ArticleSummary } from '../brief/newsroom.ts';
import { wrapText } from './wrap-text.ts';

/** One summarised article for a terminal: headline, summary, topics, then where to read on. */
export function renderSummary(summary: ArticleSummary, width: number): string {
  const lines = [summary.title, '='.repeat(Math.min(width, summary.title.length)), '', wrapText(summary.summary, width), ''];
  if (summary.topics.length) lines.push(`Topics: ${summary.topics.join(', ')}`, '');
  if (summary.alsoRead.length) lines.push('Also read:', ...summary.alsoRead.map((link) => `  • ${link.title}${link.url ? `\n    ${link.url}` : ''}`));
  return lines.join('\n').trimEnd();
}
