import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.ts';
import { guildScope } from '../src/discord/guild-access.ts';
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
    const query = request.string('query')?.trim();
    if (!query) throw new InputError('Tell me what to look for, for example /search query:ferry strike');
    const results = await services.newsroom.search(query, { ...(await guildScope(request, services)), limit: RESULTS });
    await sendAll(respond, searchMessages(query, results));
  },
} satisfies Command;
