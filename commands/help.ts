import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.ts';
import { replyText, type ReplyText } from '../src/discord/i18n/reply-text.ts';
import { listEmbeds } from '../src/discord/render/list-embeds.ts';
import { packEmbeds } from '../src/discord/render/pack-embeds.ts';
import { sendAll } from '../src/discord/send-all.ts';

const READERS = ['helpNews', 'helpBrief', 'helpTopics', 'helpSearch', 'helpSummarize', 'helpSummarizeMessage', 'helpAsk', 'helpFollow'] as const satisfies ReadonlyArray<keyof ReplyText>;
const ADMINS = ['helpSources', 'helpSchedule', 'helpStatus', 'helpFollowSettings'] as const satisfies ReadonlyArray<keyof ReplyText>;

export default {
  data: new SlashCommandBuilder().setName('help').setDescription('What Herald can do').setContexts(InteractionContextType.Guild),
  async execute(request, respond) {
    const text = replyText(request.locale);
    const lines = [text.helpIntro, '', `**${text.helpForEveryone}**`, ...READERS.map((key) => text[key]), '', `**${text.helpForAdmins}**`, ...ADMINS.map((key) => text[key])];
    await sendAll(respond, packEmbeds(listEmbeds('Herald', lines)), { ephemeral: true });
  },
} satisfies Command;
