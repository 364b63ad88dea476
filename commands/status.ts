import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { failuresInARow } from '../src/deliver/explain-delivery.ts';
import type { SourceHealth } from '../src/deliver/poll/source-health-store.ts';
import type { Command } from '../src/discord/command.ts';
import { requireManageGuild } from '../src/discord/guild-access.ts';
import { replyText } from '../src/discord/i18n/reply-text.ts';
import { discordTimestamp } from '../src/discord/render/discord-time.ts';
import { listEmbeds } from '../src/discord/render/list-embeds.ts';
import { packEmbeds } from '../src/discord/render/pack-embeds.ts';
import { fitUntrusted, oneLine, safeLink } from '../src/discord/render/safe-text.ts';
import { sendAll } from '../src/discord/send-all.ts';
import { InputError } from '../src/input-error.ts';
import { describe } from './schedule.ts';

export default {
  data: new SlashCommandBuilder()
    .setName('status')
    .setDescription('How Herald is doing for this server: sources, deliveries, store and summariser')
    .setContexts(InteractionContextType.Guild)
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addStringOption((option) => option.setName('story').setDescription('A story’s address: why it was or was not posted').setMaxLength(2000)),
  async execute(request, respond, services) {
    const guildId = requireManageGuild(request);
    const story = request.string('story')?.trim();
    if (story) {
      if (!URL.canParse(story)) throw new InputError(replyText(request.locale).notAStoryAddress);
      await sendAll(respond, packEmbeds(listEmbeds('Why this story was or was not posted', await services.explainStory(guildId, story))), { ephemeral: true });
      return;
    }
    const settings = await services.guilds.get(guildId);
    const sources = [
      ...settings.sources.map((source) => ({ label: safeLink(source.name ?? source.url, source.url), location: source.url })),
      ...services.defaultSources.map((location) => ({ label: `${fitUntrusted(location, 200)} (every server)`, location })),
    ];
    const sourceLines = await Promise.all(sources.map(async ({ label, location }) => `• ${label}: ${describeHealth(await services.sourceHealth(location))}`));
    const times = new Map((await services.scheduleTimes(guildId)).map((entry) => [entry.scheduleId, entry]));
    const scheduleLines = settings.schedules.map((schedule) => {
      const entry = times.get(schedule.id);
      const last = entry?.lastRunAt ? `last ${discordTimestamp(entry.lastRunAt, 'R')}` : 'not run yet';
      const next = entry?.nextRunAt ? `, next ${discordTimestamp(entry.nextRunAt, 'R')}` : '';
      return `• ${describe(schedule)}: ${last}${next}`;
    });
    const lines = [
      `**Articles kept:** ${(await services.newsroom.count()).toLocaleString('en-US')}`,
      `**Store:** ${fitUntrusted(services.storeDescription, 200)}`,
      `**Summaries:** ${fitUntrusted(services.newsroom.summarizerDescription, 200)}`,
      '',
      '**Sources**',
      ...sourceLines,
      '',
      '**Schedules**',
      ...(scheduleLines.length ? scheduleLines : ['• none: add one with /schedule set']),
    ];
    await sendAll(respond, packEmbeds(listEmbeds('Herald status', lines)), { ephemeral: true });
  },
} satisfies Command;

/** A source's polling in one line: when it was read and will be next, or why it is failing or disabled. */
export function describeHealth(health: SourceHealth | undefined): string {
  if (!health) return 'not read yet';
  if (health.disabled) return `⛔ disabled ${discordTimestamp(health.disabled.at, 'R')}: ${fitUntrusted(oneLine(health.disabled.reason), 200)}. /sources add it again to read it again`;
  const read = health.lastSuccessAt ? `read ${discordTimestamp(health.lastSuccessAt, 'R')}` : 'never read';
  const next = `next ${discordTimestamp(health.nextPollAt, 'R')}`;
  if (health.consecutiveFailures === 0) return `${read}, ${next}`;
  return `${read} · ⚠️ ${fitUntrusted(oneLine(health.lastError ?? 'failed'), 200)} (${failuresInARow(health)}; trying again ${discordTimestamp(health.nextPollAt, 'R')})`;
}
