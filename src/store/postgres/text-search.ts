import type { Article } from '../../model/article.ts';
import { searchDocument } from '../../brief/search/search-document.ts';
import { queryTerms, searchTerm, tokenize } from '../../brief/search/search-terms.ts';

/**
 * Full-text vectors and queries written by Herald rather than by PostgreSQL's parsers, from the very terms
 * the in-memory index uses (accents, possessives and plurals folded the same way), so that a word finds the
 * same articles on either engine. PostgreSQL's dictionaries would stem and fold differently per language.
 */

type Weight = 'A' | 'B' | 'C' | 'D';

/** PostgreSQL's limits: positions above 16383 are clamped, and a lexeme keeps at most 256 of them. */
const MAX_POSITION = 16_383;
const MAX_POSITIONS_PER_TERM = 255;

/** Prefix matching from this length, as in the in-memory index: "kore" finds "korean". */
const PREFIX_FROM = 4;

/** title A, topics B, standfirst C, body D: ts_rank's weights for them mirror the in-memory field boosts (3, 2.5, 1.5, 1). */
export const RANK_WEIGHTS = '{0.333, 0.5, 0.833, 1}';

function quote(term: string): string {
  return `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

function vector(fields: Array<[text: string, weight: Weight]>): string {
  const positions = new Map<string, string[]>();
  let position = 0;
  for (const [text, weight] of fields) {
    for (const token of tokenize(text)) {
      const term = searchTerm(token);
      if (term === null) continue;
      position = Math.min(position + 1, MAX_POSITION);
      const list = positions.get(term) ?? [];
      if (list.length < MAX_POSITIONS_PER_TERM) list.push(`${position}${weight}`);
      positions.set(term, list);
    }
  }
  return [...positions].map(([term, list]) => `${quote(term)}:${list.join(',')}`).join(' ');
}

/** The article's whole vector, as a tsvector literal. */
export function searchVector(article: Article): string {
  const document = searchDocument(article);
  return vector([
    [document.title, 'A'],
    [document.topics, 'B'],
    [document.dek, 'C'],
    [document.body, 'D'],
  ]);
}

/** Title and topics alone, as a tsvector literal. */
export function headlineVector(article: Article): string {
  return vector([
    [article.title, 'A'],
    [article.topics.join(' | '), 'B'],
  ]);
}

/** The query as a tsquery literal (every word, or any word), or undefined when no word is searchable. */
export function searchQuery(query: string, combine: 'and' | 'or'): string | undefined {
  const terms = [...new Set(queryTerms(query))];
  if (terms.length === 0) return undefined;
  return terms.map((term) => (term.length >= PREFIX_FROM ? `${quote(term)}:*` : quote(term))).join(combine === 'and' ? ' & ' : ' | ');
}

/** How many distinct searchable words a query has. */
export function queryWordCount(query: string): number {
  return new Set(queryTerms(query)).size;
}
