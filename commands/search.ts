import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { parseButtonId, retiredButton } from '../src/discord/button-id.ts';
import type { Command, CommandRequest, Services } from '../src/discord/command.ts';
import { guildScope } from '../src/discord/guild-access.ts';
import { replyText } from '../src/discord/i18n/reply-text.ts';
import type { MessagePayload } from '../src/discord/render/message-payload.ts';
import { buttonRows, pageButtons, replyButton } from '../src/discord/render/reply-buttons.ts';
import { searchPage } from '../src/discord/render/search-messages.ts';
import { moreLikeId, readPage, searchPageId, summarizeStoredId } from '../src/discord/reply-button-ids.ts';
import { InputError } from '../src/input-error.ts';

/** Results a page: a row of "Summarize" and a row of "More like" buttons fit them, with a row to turn the page. */
const PER_PAGE = 5;

export default {
  data: new SlashCommandBuilder()
    .setName('search')
    .setDescription('Search the stored articles of this server’s sources')
    .setContexts(InteractionContextType.Guild)
    .addStringOption((option) => option.setName('query').setDescription('Words to look for').setRequired(true).setMaxLength(200)),
  async execute(request, respond, services) {
    const text = replyText(request.locale);
    const query = request.string('query')?.trim();
    if (!query) throw new InputError(text.needQuery);
    await respond.send(await resultsPage(request, services, query, 0));
  },
  /** Next and previous pages, searched again (the store may have changed), replace the results in place. */
  async button(request, respond, services) {
    const { action, data } = parseButtonId(request.customId)!;
    const paged = action === 'page' ? readPage(data) : undefined;
    if (!paged) throw retiredButton(request.locale);
    await respond.update(await resultsPage(request, services, paged.words, paged.page));
  },
} satisfies Command;

async function resultsPage(request: Pick<CommandRequest, 'guildId' | 'locale'>, services: Services, query: string, page: number): Promise<MessagePayload> {
  const start = page * PER_PAGE;
  // One more than the page shows, to know whether there is a next page.
  const found = await services.newsroom.search(query, { ...(await guildScope(request, services)), limit: start + PER_PAGE + 1 });
  const results = found.slice(start, start + PER_PAGE);
  const text = replyText(request.locale);
  const numbered = results.map((result, index) => ({ result, number: start + index + 1 }));
  const rows = buttonRows(
    numbered.map(({ result, number }) => replyButton(text.summarizeResult(number), summarizeStoredId(result.id))),
    numbered.map(({ result, number }) => replyButton(text.moreLikeResult(number), moreLikeId(result.id))),
    pageButtons(page > 0 ? searchPageId(page - 1, query) : undefined, found.length > start + PER_PAGE ? searchPageId(page + 1, query) : undefined, text),
  );
  return { ...searchPage(query, results, { text, firstNumber: start + 1 }), ...(rows.length ? { components: rows } : {}) };
}
