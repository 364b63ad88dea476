import type { ArticleSummary } from '../../brief/newsroom.ts';
import { ENGLISH, type ReplyText } from '../i18n/reply-text.ts';
import { DESCRIPTION_MAX, EMBED_TOTAL_MAX, FOOTER_MAX, TITLE_MAX } from './embed-limits.ts';
import type { MessagePayload } from './message-payload.ts';
import { alsoRead, summaryWithLists } from './reading-lists.ts';
import { fitPlain, fitUntrusted, oneLine, safeUrl } from './safe-text.ts';

/** One summarised article as one embed: headline (linking to the article when `url` is given), summary and what to read next, its topics below. */
export function summaryMessages(summary: ArticleSummary, options: { color?: number; text?: ReplyText; url?: string } = {}): MessagePayload[] {
  const text = options.text ?? ENGLISH;
  const url = safeUrl(options.url);
  const title = fitUntrusted(oneLine(summary.title), TITLE_MAX) || text.untitledArticle;
  const footer = summary.topics.length > 0 ? fitPlain(`${text.topicsLabel} ${summary.topics.join(', ')}`, FOOTER_MAX) : '';
  const room = Math.min(DESCRIPTION_MAX, EMBED_TOTAL_MAX - title.length - footer.length);
  const description = summaryWithLists(summary.summary, [alsoRead(summary.alsoRead, text)], room);
  return [
    {
      embeds: [
        {
          title,
          ...(url ? { url } : {}),
          ...(description ? { description } : {}),
          ...(footer ? { footer: { text: footer } } : {}),
          ...(options.color === undefined ? {} : { color: options.color }),
        },
      ],
      allowed_mentions: { parse: [] },
    },
  ];
}
