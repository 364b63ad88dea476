import { createHash } from 'node:crypto';
import type { Article, ArticleDraft, ArticleSource } from '../model/article.ts';
import { canonicalUrl } from '../model/canonical-url.ts';
import { definedFields } from '../model/defined-fields.ts';
import { articleLanguage } from './detect-language.ts';
import { extractTopics } from './topics/extract-topics.ts';

export interface BuildContext {
  source: ArticleSource;
  fetchedAt: Date;
}

/** Below this many characters a body says too little to identify an article alone, so the title joins the hash. */
const MIN_IDENTIFYING_BODY = 200;

/** Gives a draft its identity (id, canonical URL, content hash), its language and its topics. Pure: the clock comes in through the context. */
export function buildArticle(draft: ArticleDraft, context: BuildContext): Article {
  const { isSnippet: _isSnippet, language: declared, ...fields } = draft;
  const language = articleLanguage(declared, [draft.title, draft.dek ?? '', ...draft.paragraphs].join('\n'));
  const canonical = (draft.canonicalUrl && canonicalUrl(draft.canonicalUrl, draft.url)) || (draft.url && canonicalUrl(draft.url));
  const contentHash = hashContent(draft);
  const identity = canonical ? `url:${canonical}` : draft.guid ? `guid:${context.source.location}:${draft.guid}` : `hash:${contentHash}`;
  return {
    ...fields,
    ...definedFields({ language }),
    id: sha256(identity).slice(0, 24),
    ...(canonical ? { canonicalUrl: canonical } : {}),
    fetchedAt: context.fetchedAt.toISOString(),
    topics: extractTopics({ ...draft, ...definedFields({ language }) }),
    source: context.source,
    contentHash,
  };
}

function hashContent(draft: ArticleDraft): string {
  const body = normalizeForHash(draft.paragraphs.join('\n'));
  return sha256(body.length < MIN_IDENTIFYING_BODY ? `${normalizeForHash(draft.title)}\n${body}` : body);
}

/** Typography and spacing differ between copies of one text; the words do not. */
function normalizeForHash(text: string): string {
  const folded = text.normalize('NFKC').toLowerCase().replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
  // Spaces are collapsed a slice at a time: one replace over a 20 MB line of short words builds a list of
  // millions of parts first, hundreds of megabytes for a moment.
  const parts: string[] = [];
  let endsInSpace = false;
  for (let start = 0; start < folded.length; start += COLLAPSE_SLICE) {
    let part = folded.slice(start, start + COLLAPSE_SLICE).replace(/\s+/g, ' ');
    if (endsInSpace && part.startsWith(' ')) part = part.slice(1);
    if (part) endsInSpace = part.endsWith(' ');
    parts.push(part);
  }
  return parts.join('').trim();
}

const COLLAPSE_SLICE = 256 * 1024;

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
