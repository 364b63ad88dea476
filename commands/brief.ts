import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.ts';
import { guildScope, readers } from '../src/discord/guild-access.ts';
import { replyText } from '../src/discord/i18n/reply-text.ts';
import { briefingMessages } from '../src/discord/render/briefing-messages.ts';
import { moreLikeButton } from '../src/discord/render/reply-buttons.ts';
import { sendAll } from '../src/discord/send-all.ts';

const DEFAULT_STORIES = 5;

export default {
  data: new SlashCommandBuilder()
    .setName('brief')
    .setDescription('The top stories from this server’s sources right now')
    .setContexts(InteractionContextType.Guild)
    .addIntegerOption((option) => option.setName('max-items').setDescription('How many stories (1–10)').setMinValue(1).setMaxValue(10)),
  async execute(request, respond, services) {
    const limit = request.integer('max-items') ?? DEFAULT_STORIES;
    const briefing = await services.newsroom.digest({ ...(await guildScope(request, services)), ...readers(request), limit });
    const text = replyText(request.locale);
    await sendAll(respond, briefingMessages(briefing, { text, storyButton: moreLikeButton(text) }));
  },
} satisfies Command;
