import { ButtonStyle, InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { webAddress } from '../src/brief/article-address.ts';
import { parseButtonId, retiredButton } from '../src/discord/button-id.ts';
import type { ButtonRequest, Command, Responder, Services } from '../src/discord/command.ts';
import { articleInScope, guildScope, requireGuild, requirePoster } from '../src/discord/guild-access.ts';
import { replyText } from '../src/discord/i18n/reply-text.ts';
import type { MessagePayload } from '../src/discord/render/message-payload.ts';
import { buttonRows, replyButton, withButtons } from '../src/discord/render/reply-buttons.ts';
import { fitUntrusted, oneLine } from '../src/discord/render/safe-text.ts';
import { summaryMessages } from '../src/discord/render/summary-messages.ts';
import { shareStoredId, sharedLink } from '../src/discord/reply-button-ids.ts';
import { sendAll } from '../src/discord/send-all.ts';
import { InputError } from '../src/input-error.ts';
import type { Article } from '../src/model/article.ts';

const NAME_MAX = 100;

export default {
  data: new SlashCommandBuilder()
    .setName('summarize')
    .setDescription('Summarise one article from its web address')
    .setContexts(InteractionContextType.Guild)
    .addStringOption((option) => option.setName('url').setDescription('The article’s address, starting with https://').setRequired(true).setMaxLength(2000)),
  async execute(request, respond, services) {
    const text = replyText(request.locale);
    const url = request.string('url')?.trim() ?? '';
    if (!/^https?:\/\/[^\s]+$/i.test(url) || !URL.canParse(url)) throw new InputError(text.notAnArticleAddress);
    await respond.defer();
    const summary = await services.newsroom.summarizeArticle(await services.readArticle(url), await guildScope(request, services));
    await sendAll(respond, summaryMessages(summary, { text }));
  },
  /**
   * "Summarize" on a search result answers privately; "Post here" under a private summary posts it for the
   * channel. Each is checked again on press: the server may still see the article, the presser may post there.
   */
  async button(request, respond, services) {
    requireGuild(request);
    const { action, data } = parseButtonId(request.customId)!;
    if (action === 'stored') {
      const article = await articleInScope(request, services, data);
      await respond.defer({ ephemeral: true });
      const postHere = buttonRows([replyButton(replyText(request.locale).postHere, shareStoredId(article.id), ButtonStyle.Primary)]);
      await sendAll(respond, withButtons(await storedSummary(article, services, request), postHere), { ephemeral: true });
    } else if (action === 'share') {
      requirePoster(request);
      const article = await articleInScope(request, services, data);
      await respond.defer();
      await sendAll(respond, withPresser(await storedSummary(article, services, request), request));
    } else if (action === 'link') {
      await postLink(request, respond, services, data);
    } else {
      throw retiredButton(request.locale);
    }
  },
} satisfies Command;

async function storedSummary(article: Article, services: Services, request: ButtonRequest): Promise<MessagePayload[]> {
  const url = webAddress(article);
  return summaryMessages(await services.newsroom.summarizeArticle(article, await guildScope(request, services)), { text: replyText(request.locale), ...(url ? { url } : {}) });
}

/** A linked page's summary, read again through the network guard: the page may have changed, or its name may point elsewhere now. */
async function postLink(request: ButtonRequest, respond: Responder, services: Services, data: string): Promise<void> {
  requirePoster(request);
  const url = sharedLink(data, request.message.links);
  if (!url) throw new InputError(replyText(request.locale).sharedLinkLost);
  await respond.defer();
  const summary = await services.newsroom.summarizeArticle(await services.readArticle(url), await guildScope(request, services));
  await sendAll(respond, withPresser(summaryMessages(summary, { text: replyText(request.locale), url }), request));
}

/** Says who shared it, since Herald posts it: the name only, which pings no one. */
function withPresser(messages: MessagePayload[], request: ButtonRequest): MessagePayload[] {
  return messages.map((message, index) => (index === 0 ? { ...message, content: replyText(request.locale).sharedBy(fitUntrusted(oneLine(request.user.name), NAME_MAX)) } : message));
}
