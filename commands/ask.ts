import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.ts';
import { guildScope, readers } from '../src/discord/guild-access.ts';
import { replyText } from '../src/discord/i18n/reply-text.ts';
import { answerMessages } from '../src/discord/render/answer-messages.ts';
import { sendAll } from '../src/discord/send-all.ts';
import { InputError } from '../src/input-error.ts';

export default {
  data: new SlashCommandBuilder()
    .setName('ask')
    .setDescription('A question answered from this server’s sources, with the articles it comes from')
    .setContexts(InteractionContextType.Guild)
    .addStringOption((option) => option.setName('question').setDescription('What you want to know, such as: what did the Met Office warn about Storm Agnes?').setRequired(true).setMaxLength(300)),
  async execute(request, respond, services) {
    const text = replyText(request.locale);
    const question = request.string('question')?.trim();
    if (!question) throw new InputError(text.askForAQuestion);
    // A model may take longer than Discord's 3 seconds; the reply is public, as /news is.
    await respond.defer();
    const answer = await services.newsroom.answer(question, { ...(await guildScope(request, services)), ...readers(request) });
    await sendAll(respond, answerMessages(answer, { text }));
  },
} satisfies Command;
