import type { Article } from '../../model/article.ts';
import { cleanModelReply } from './clean-model-reply.ts';
import { HEADLINE_LABEL } from './llm-prompt.ts';

/** `title` is optional in the type only so that a plain reply's result fits it too; a translated one always has it. */
export type TranslatedReply = { ok: true; title?: string; text: string } | { ok: false; reason: string };

/** Longer than any headline worth keeping, and within a Discord embed title with the original beside it. */
const HEADLINE_MAX_CHARS = 200;

const LABEL = HEADLINE_LABEL.replace(/:$/, '');
/** The label's line, even in the bold or heading markup small models add although asked for plain text. */
const HEADLINE_LINE = new RegExp(`^[\\s*_#>-]*${LABEL}[\\s*_]*:(.*)$`, 'im');

/**
 * A reply to the translation prompt: its headline line and the summary that follows, each cleaned as any
 * model reply is (no mentions, no unknown links, no refusals). A reply without its headline is rejected, so
 * that the digest never shows a translated summary under a headline the reader cannot read.
 */
export function cleanTranslatedReply(reply: string, article: Article, maxChars: number): TranslatedReply {
  const found = HEADLINE_LINE.exec(reply);
  if (!found) return { ok: false, reason: 'the reply has no headline' };
  const title = cleanModelReply(found[1] ?? '', article, HEADLINE_MAX_CHARS);
  if (!title.ok) return { ok: false, reason: `headline: ${title.reason}` };
  const summary = cleanModelReply(reply.slice(0, found.index) + reply.slice(found.index + found[0].length), article, maxChars);
  if (!summary.ok) return summary;
  return { ok: true, title: title.text, text: summary.text };
}
