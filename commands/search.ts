import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.ts';
import { guildScope } from '../src/discord/guild-access.ts';
import { replyText } from '../src/discord/i18n/reply-text.ts';
import { searchMessages } from '../src/discord/render/search-messages.ts';
import { sendAll } from '../src/discord/send-all.ts';
import { InputError } from '../src/input-error.ts';

const RESULTS = 10;

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
    const results = await services.newsroom.search(query, { ...(await guildScope(request, services)), limit: RESULTS });
    await sendAll(respond, searchMessages(query, results, { text }));
  },
} satisfies Command;
