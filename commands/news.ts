import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { matchTopics } from '../src/brief/topics/match-topics.ts';
import { parseButtonId, retiredButton } from '../src/discord/button-id.ts';
import type { Command, CommandRequest, Services } from '../src/discord/command.ts';
import { articleInScope, guildScope, readers, requireGuild } from '../src/discord/guild-access.ts';
import { replyText } from '../src/discord/i18n/reply-text.ts';
import { briefingMessages } from '../src/discord/render/briefing-messages.ts';
import { TITLE_MAX } from '../src/discord/render/embed-limits.ts';
import { contentMessage, type MessagePayload } from '../src/discord/render/message-payload.ts';
import { buttonRows, moreLikeButton, pageButtons } from '../src/discord/render/reply-buttons.ts';
import { fitUntrusted, oneLine } from '../src/discord/render/safe-text.ts';
import { newsPageId, readPage } from '../src/discord/reply-button-ids.ts';
import { InputError } from '../src/input-error.ts';

const STORIES = 5;

export default {
  data: new SlashCommandBuilder()
    .setName('news')
    .setDescription('A briefing on one topic: the latest stories, an overview and what to read next')
    .setContexts(InteractionContextType.Guild)
    .addStringOption((option) => option.setName('topic').setDescription('A person, place, organisation or subject').setRequired(true).setMaxLength(100).setAutocomplete(true)),
  async execute(request, respond, services) {
    const text = replyText(request.locale);
    const topic = request.string('topic')?.trim();
    if (!topic) throw new InputError(text.needTopic);
    await respond.send(await briefingPage(request, services, topic, 0));
  },
  async autocomplete(request, services) {
    return matchTopics(request.focused.value, await services.trendingTopics(), 25).map(({ topic }) => ({ name: topic.slice(0, 100), value: topic.slice(0, 100) }));
  },
  /**
   * "More like this" answers privately with related stories from this server's sources; the page buttons
   * replace the briefing in place with the stories before or after, worked out again from what is kept now.
   */
  async button(request, respond, services) {
    requireGuild(request);
    const { action, data } = parseButtonId(request.customId)!;
    if (action === 'more') {
      const article = await articleInScope(request, services, data);
      await respond.defer({ ephemeral: true });
      const related = await services.newsroom.moreLike(article, { ...(await guildScope(request, services)), ...readers(request), limit: STORIES });
      const text = replyText(request.locale);
      const answer = related.items.length
        ? briefingMessages(related, { text, heading: text.moreLikeHeading(article.title), oneMessage: true, storyButton: moreLikeButton(text) })[0]!
        : contentMessage(text.nothingRelated(fitUntrusted(oneLine(article.title), TITLE_MAX)));
      await respond.send(answer, { ephemeral: true });
      return;
    }
    const paged = action === 'page' ? readPage(data) : undefined;
    if (!paged) throw retiredButton(request.locale);
    await respond.update(await briefingPage(request, services, paged.words, paged.page));
  },
} satisfies Command;

/** A page of the briefing as one message, so that turning the page replaces it. `offset` stories come before it. */
async function briefingPage(request: Pick<CommandRequest, 'guildId' | 'guildLocale' | 'locale'>, services: Services, topic: string, offset: number): Promise<MessagePayload> {
  const text = replyText(request.locale);
  const briefing = await services.newsroom.topicBriefing(topic, { ...(await guildScope(request, services)), ...readers(request), limit: STORIES, offset });
  const heading = offset > 0 ? `${text.briefingOn(topic)} · ${offset + 1}–${offset + briefing.items.length}` : undefined;
  const page = briefingMessages(briefing, { text, oneMessage: true, storyButton: moreLikeButton(text), ...(heading ? { heading } : {}) })[0]!;
  const turn = buttonRows(pageButtons(offset > 0 ? newsPageId(Math.max(0, offset - STORIES), topic) : undefined, briefing.more ? newsPageId(offset + STORIES, topic) : undefined, text));
  return turn.length ? { ...page, components: [...(page.components ?? []), ...turn] } : page;
}
