import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { SourceHealth } from '../src/deliver/poll/source-health-store.ts';
import type { Command } from '../src/discord/command.ts';
import { requireManageGuild } from '../src/discord/guild-access.ts';
import { ENGLISH, replyText, type ReplyText } from '../src/discord/i18n/reply-text.ts';
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
    const text = replyText(request.locale);
    const story = request.string('story')?.trim();
    if (story) {
      if (!URL.canParse(story)) throw new InputError(text.notAStoryAddress);
      await sendAll(respond, packEmbeds(listEmbeds(text.whyPosted, await services.explainStory(guildId, story))), { ephemeral: true });
      return;
    }
    const settings = await services.guilds.get(guildId);
    const sources = [
      ...settings.sources.map((source) => ({ label: safeLink(source.name ?? source.url, source.url), location: source.url })),
      ...services.defaultSources.map((location) => ({ label: `${fitUntrusted(location, 200)} (${text.everyServer})`, location })),
    ];
    const sourceLines = await Promise.all(sources.map(async ({ label, location }) => `• ${label}: ${describeHealth(await services.sourceHealth(location), text)}`));
    const times = new Map((await services.scheduleTimes(guildId)).map((entry) => [entry.scheduleId, entry]));
    const scheduleLines = settings.schedules.map((schedule) => {
      const lastRun = discordTimestamp(times.get(schedule.id)?.lastRunAt, 'R');
      const nextRun = discordTimestamp(times.get(schedule.id)?.nextRunAt, 'R');
      return `• ${describe(schedule, text)}: ${lastRun ? text.lastRunAt(lastRun) : text.notRunYet}${nextRun ? `, ${text.nextAt(nextRun)}` : ''}`;
    });
    const lines = [
      `**${text.articlesKept}** ${text.count(await services.newsroom.count())}`,
      `**${text.store}** ${fitUntrusted(services.storeDescription, 200)}`,
      `**${text.summaries}** ${fitUntrusted(services.newsroom.summarizerDescription, 200)}`,
      '',
      `**${text.sources}**`,
      ...sourceLines,
      '',
      `**${text.schedules}**`,
      ...(scheduleLines.length ? scheduleLines : [`• ${text.noSchedulesYet}`]),
    ];
    await sendAll(respond, packEmbeds(listEmbeds(text.statusTitle, lines)), { ephemeral: true });
  },
} satisfies Command;

/** A source's polling in one line: when it was read and will be next, or why it is failing or disabled. */
export function describeHealth(health: SourceHealth | undefined, text: ReplyText = ENGLISH): string {
  if (!health) return text.notReadYet;
  if (health.disabled) return text.disabledSince(discordTimestamp(health.disabled.at, 'R') ?? '', fitUntrusted(oneLine(health.disabled.reason), 200));
  const lastRead = discordTimestamp(health.lastSuccessAt, 'R');
  const read = lastRead ? text.readAt(lastRead) : text.neverRead;
  const nextPoll = discordTimestamp(health.nextPollAt, 'R') ?? '';
  if (health.consecutiveFailures === 0) return `${read}, ${text.nextAt(nextPoll)}`;
  return `${read} · ${text.failing(fitUntrusted(oneLine(health.lastError ?? text.failed), 200), health.consecutiveFailures, nextPoll)}`;
}
