import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.ts';
import { guildScope } from '../src/discord/guild-access.ts';
import { replyText } from '../src/discord/i18n/reply-text.ts';
import { trendingMessages } from '../src/discord/render/topic-messages.ts';
import { sendAll } from '../src/discord/send-all.ts';

const TOPICS = 15;

export default {
  data: new SlashCommandBuilder().setName('topics').setDescription('What is trending in this server’s news, with how many stories and sites').setContexts(InteractionContextType.Guild),
  async execute(request, respond, services) {
    const topics = await services.newsroom.trending({ ...(await guildScope(request, services)), limit: TOPICS });
    await sendAll(respond, trendingMessages(topics, { text: replyText(request.locale) }));
  },
} satisfies Command;
