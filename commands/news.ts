import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { matchTopics } from '../src/brief/topics/match-topics.ts';
import type { Command } from '../src/discord/command.ts';
import { guildScope, readers } from '../src/discord/guild-access.ts';
import { replyText } from '../src/discord/i18n/reply-text.ts';
import { briefingMessages } from '../src/discord/render/briefing-messages.ts';
import { sendAll } from '../src/discord/send-all.ts';
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
    const briefing = await services.newsroom.topicBriefing(topic, { ...(await guildScope(request, services)), ...readers(request), limit: STORIES });
    await sendAll(respond, briefingMessages(briefing, { text }));
  },
  async autocomplete(request, services) {
    return matchTopics(request.focused.value, await services.trendingTopics(), 25).map(({ topic }) => ({ name: topic.slice(0, 100), value: topic.slice(0, 100) }));
  },
} satisfies Command;
