import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.ts';
import { listEmbeds } from '../src/discord/render/list-embeds.ts';
import { packEmbeds } from '../src/discord/render/pack-embeds.ts';
import { sendAll } from '../src/discord/send-all.ts';

const READERS = [
  '`/news topic:` a briefing on one topic: the latest stories, an overview, and what to read next',
  '`/brief` the top stories from this server’s sources right now',
  '`/topics` what is trending, with how many stories and sites',
  '`/search query:` stored articles matching your words, best first',
  '`/summarize url:` a short summary of one article',
  '`Apps › Summarize with Herald` (right-click a message) a private summary of the first article it links to',
];
const ADMINS = [
  '`/sources add|remove|list` the feeds and sites this server reads',
  '`/schedule set|list|remove|language` when and where the digest is posted ("08:00", "07:30 weekdays" or cron, in your time zone), and in which language',
  '`/status` sources, deliveries, store and summariser',
];

export default {
  data: new SlashCommandBuilder().setName('help').setDescription('What Herald can do').setContexts(InteractionContextType.Guild),
  async execute(_request, respond) {
    await sendAll(respond, packEmbeds(listEmbeds('Herald', ['Herald reads the news for this server and briefs you on it.', '', '**For everyone**', ...READERS, '', '**For admins (Manage Server)**', ...ADMINS])), { ephemeral: true });
  },
} satisfies Command;
