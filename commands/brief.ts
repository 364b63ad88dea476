import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.ts';
import { guildScope, readers } from '../src/discord/guild-access.ts';
import { replyText } from '../src/discord/i18n/reply-text.ts';
import { briefingMessages } from '../src/discord/render/briefing-messages.ts';
import { moreLikeButton } from '../src/discord/render/reply-buttons.ts';
import { sendAll } from '../src/discord/send-all.ts';

const DEFAULT_STORIES = 5;
/**
 * "Right now" is the stories of the newest articles: at 100,000 articles clustering all 30 days held the event
 * loop for minutes, and every other interaction past Discord's 3 s with it. 500 is about the last six hours
 * of a store that size, and every story of a quiet server's sources.
 */
const NEWEST_ARTICLES = 500;

export default {
  data: new SlashCommandBuilder()
    .setName('brief')
    .setDescription('The top stories from this server’s sources right now')
    .setContexts(InteractionContextType.Guild)
    .addIntegerOption((option) => option.setName('max-items').setDescription('How many stories (1–10)').setMinValue(1).setMaxValue(10)),
  async execute(request, respond, services) {
    const limit = request.integer('max-items') ?? DEFAULT_STORIES;
    const briefing = await services.newsroom.digest({ ...(await guildScope(request, services)), ...readers(request), limit, newest: NEWEST_ARTICLES });
    const text = replyText(request.locale);
    await sendAll(respond, briefingMessages(briefing, { text, storyButton: moreLikeButton(text) }));
  },
} satisfies Command;
