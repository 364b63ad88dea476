import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.ts';
import { replyText } from '../src/discord/i18n/reply-text.ts';
import { summaryMessages } from '../src/discord/render/summary-messages.ts';
import { sendAll } from '../src/discord/send-all.ts';
import { InputError } from '../src/input-error.ts';

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
    const summary = await services.newsroom.summarizeArticle(await services.readArticle(url));
    await sendAll(respond, summaryMessages(summary, { text }));
  },
} satisfies Command;
