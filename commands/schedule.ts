import { randomUUID } from 'node:crypto';
import { ChannelType, InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { Command, CommandRequest, Responder, Services } from '../src/discord/command.ts';
import { requireManageGuild } from '../src/discord/guild-access.ts';
import { discordTimestamp } from '../src/discord/render/discord-time.ts';
import { listEmbeds } from '../src/discord/render/list-embeds.ts';
import { contentMessage } from '../src/discord/render/message-payload.ts';
import { packEmbeds } from '../src/discord/render/pack-embeds.ts';
import { fitUntrusted, oneLine } from '../src/discord/render/safe-text.ts';
import { sendAll } from '../src/discord/send-all.ts';
import { compileKeywords } from '../src/deliver/keyword-filter.ts';
import { knownTimezones, parseScheduleTime, parseTimezone } from '../src/deliver/schedule-time.ts';
import { InputError } from '../src/input-error.ts';
import { languageName } from '../src/model/language.ts';
import type { GuildSettings, Schedule } from '../src/store/guild-settings-repository.ts';

/** Text, announcement, thread (public and private) and forum channels: where a digest can be posted. */
const POSTABLE_TYPES = [ChannelType.GuildText, ChannelType.GuildAnnouncement, ChannelType.AnnouncementThread, ChannelType.PublicThread, ChannelType.PrivateThread, ChannelType.GuildForum] as const;
const MAX_SCHEDULES = 25;
/** The languages a digest can be asked in: those Herald's summaries and language detection are measured on. */
const LANGUAGES = ['en', 'es', 'fr', 'de', 'pt', 'it'] as const;
const LANGUAGE_CHOICES = LANGUAGES.map((code) => ({ name: `${languageName(code)} (${code})`, value: code }));
/** The `language` subcommand's way back to the server's own language. */
const SERVER_LANGUAGE = 'server';

export default {
  data: new SlashCommandBuilder()
    .setName('schedule')
    .setDescription('When and where this server’s digest is posted')
    .setContexts(InteractionContextType.Guild)
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addSubcommand((sub) =>
      sub
        .setName('set')
        .setDescription('Post a digest to a channel on a schedule')
        .addChannelOption((option) => option.setName('channel').setDescription('Where to post').setRequired(true).addChannelTypes(...POSTABLE_TYPES))
        .addStringOption((option) => option.setName('time').setDescription('"08:00", "08:00,18:00", "07:30 weekdays", a cron expression, or "instant"').setRequired(true).setMaxLength(100))
        .addStringOption((option) => option.setName('timezone').setDescription('IANA time zone, e.g. Europe/London').setRequired(true).setAutocomplete(true).setMaxLength(64))
        .addStringOption((option) => option.setName('topics').setDescription('Only stories about these topics, comma-separated').setMaxLength(300))
        .addIntegerOption((option) => option.setName('max-items').setDescription('Stories per digest (1–10)').setMinValue(1).setMaxValue(10))
        .addStringOption((option) => option.setName('include').setDescription('Only stories naming one of these keywords (comma-separated; /regex/ allowed)').setMaxLength(300))
        .addStringOption((option) => option.setName('exclude').setDescription('Never stories naming these keywords (comma-separated; /regex/ allowed)').setMaxLength(300))
        .addRoleOption((option) => option.setName('mention').setDescription('A role to ping with each digest (only that role is pinged)'))
        .addBooleanOption((option) => option.setName('announce-empty').setDescription('Post "no new stories" when there is nothing new (default: stay silent)'))
        .addBooleanOption((option) => option.setName('updates').setDescription('Post updates in a thread when a story it sent develops (default: on)'))
        .addStringOption((option) => option.setName('language').setDescription('The language digests are read in (default: the server’s); other stories are translated with a model').addChoices(...LANGUAGE_CHOICES)),
    )
    .addSubcommand((sub) =>
      sub
        .setName('language')
        .setDescription('Change the language a schedule’s digests are read in')
        .addStringOption((option) => option.setName('schedule').setDescription('The schedule to change').setRequired(true).setAutocomplete(true))
        .addStringOption((option) =>
          option
            .setName('language')
            .setDescription('The language, or the server’s own')
            .setRequired(true)
            .addChoices(...LANGUAGE_CHOICES, { name: 'The server’s language', value: SERVER_LANGUAGE }),
        ),
    )
    .addSubcommand((sub) => sub.setName('list').setDescription('Every schedule of this server'))
    .addSubcommand((sub) =>
      sub
        .setName('remove')
        .setDescription('Stop a schedule')
        .addStringOption((option) => option.setName('schedule').setDescription('The schedule to stop').setRequired(true).setAutocomplete(true)),
    ),
  async execute(request, respond, services) {
    const guildId = requireManageGuild(request);
    switch (request.subcommand()) {
      case 'set':
        return set(guildId, request, respond, services);
      case 'remove':
        return remove(guildId, request, respond, services);
      case 'language':
        return setLanguage(guildId, request, respond, services);
      default:
        return list(guildId, respond, services);
    }
  },
  async autocomplete(request, services) {
    const typed = request.focused.value.toLowerCase();
    if (request.focused.name === 'timezone') {
      return knownTimezones()
        .filter((zone) => zone.toLowerCase().includes(typed.replace(/\s+/g, '_')))
        .slice(0, 25)
        .map((zone) => ({ name: zone, value: zone }));
    }
    if (!request.guildId) return [];
    const { schedules } = await services.guilds.get(request.guildId);
    return schedules
      .map((schedule) => ({ name: describe(schedule).slice(0, 100), value: schedule.id }))
      .filter((choice) => choice.name.toLowerCase().includes(typed))
      .slice(0, 25);
  },
} satisfies Command;

async function set(guildId: string, request: CommandRequest, respond: Responder, services: Services): Promise<void> {
  const channel = request.channel('channel');
  if (!channel) throw new InputError('Choose the channel to post in.');
  if (!(POSTABLE_TYPES as readonly number[]).includes(channel.type)) throw new InputError(`Herald cannot post digests in #${channel.name}; choose a text, announcement, thread or forum channel.`);
  if (!channel.botCanPost) throw new InputError(`Herald cannot post in #${channel.name}: give it the View Channel, Send Messages and Embed Links permissions there first.`);
  const crons = parseScheduleTime(request.string('time') ?? '');
  const timezone = parseTimezone(request.string('timezone') ?? '');
  const topics = commaList(request.string('topics'));
  const include = commaList(request.string('include'));
  const exclude = commaList(request.string('exclude'));
  compileKeywords([...include, ...exclude]);
  const role = request.role('mention');
  if (role && role.id === guildId) throw new InputError('Herald will not ping @everyone; choose a role.');
  const language = chosenLanguage(request.string('language'));
  const { schedules } = await services.guilds.get(guildId);
  if (schedules.length >= MAX_SCHEDULES) throw new InputError(`A server can have at most ${MAX_SCHEDULES} schedules; remove one first.`);
  const schedule: Schedule = {
    id: randomUUID().slice(0, 8),
    channelId: channel.id,
    ...(channel.type === ChannelType.GuildForum ? { forum: true } : {}),
    crons,
    when: (request.string('time') ?? '').trim(),
    timezone,
    topics,
    maxItems: request.integer('max-items') ?? services.scheduleDefaults.maxItems,
    ...(include.length ? { include } : {}),
    ...(exclude.length ? { exclude } : {}),
    ...(role ? { mentionRoleId: role.id } : {}),
    ...(request.boolean('announce-empty') ? { announceEmpty: true } : {}),
    ...(request.boolean('updates') === false ? { updates: false as const } : {}),
    ...(language ? { language } : {}),
    createdBy: request.user.id,
    createdAt: services.now().toISOString(),
  };
  await services.guilds.update(guildId, (settings) => ({ ...withLocale(settings, request), schedules: [...settings.schedules, schedule] }));
  await services.reschedule(guildId);
  const next = (await services.scheduleTimes(guildId)).find((times) => times.scheduleId === schedule.id)?.nextRunAt;
  const nextText = next ? ` The first one goes out ${discordTimestamp(next, 'R')}.` : '';
  await respond.send(contentMessage(`Scheduled: ${describe(schedule)}.${nextText}`), { ephemeral: true });
}

async function remove(guildId: string, request: CommandRequest, respond: Responder, services: Services): Promise<void> {
  const id = request.string('schedule')?.trim() ?? '';
  const { schedules } = await services.guilds.get(guildId);
  const schedule = schedules.find((candidate) => candidate.id === id);
  if (!schedule) throw new InputError('This server has no such schedule; /schedule list shows them.');
  await services.guilds.update(guildId, (settings) => ({ ...settings, schedules: settings.schedules.filter((candidate) => candidate.id !== id) }));
  await services.reschedule(guildId);
  await respond.send(contentMessage(`Removed: ${describe(schedule)}.`), { ephemeral: true });
}

async function setLanguage(guildId: string, request: CommandRequest, respond: Responder, services: Services): Promise<void> {
  const id = request.string('schedule')?.trim() ?? '';
  const chosen = request.string('language')?.trim();
  const language = chosen === SERVER_LANGUAGE ? undefined : chosenLanguage(chosen ?? null);
  if (!language && chosen !== SERVER_LANGUAGE) throw new InputError('Choose a language, or the server’s own.');
  if (!(await services.guilds.get(guildId)).schedules.some((candidate) => candidate.id === id)) throw new InputError('This server has no such schedule; /schedule list shows them.');
  const updated = await services.guilds.update(guildId, (settings) => ({
    ...withLocale(settings, request),
    schedules: settings.schedules.map((schedule) => {
      if (schedule.id !== id) return schedule;
      const { language: _previous, ...rest } = schedule;
      return language ? { ...rest, language } : rest;
    }),
  }));
  const schedule = updated.schedules.find((candidate) => candidate.id === id)!;
  const server = updated.locale ? ` (${languageName(updated.locale)} now)` : '';
  await respond.send(contentMessage(`${language ? 'Language set' : `Following the server’s language${server}`}: ${describe(schedule)}.`), { ephemeral: true });
}

/** A language among the choices; anything else (the console passes what it is given) is refused. */
function chosenLanguage(value: string | null): string | undefined {
  const code = value?.trim().toLowerCase();
  if (!code) return undefined;
  if (!(LANGUAGES as readonly string[]).includes(code)) throw new InputError(`Herald writes digests in ${LANGUAGES.join(', ')}; choose one of those.`);
  return code;
}

/** The server's locale as this command found it, kept for schedules that follow the server's language. */
function withLocale(settings: GuildSettings, request: CommandRequest): GuildSettings {
  return request.guildLocale ? { ...settings, locale: request.guildLocale } : settings;
}

async function list(guildId: string, respond: Responder, services: Services): Promise<void> {
  const { schedules } = await services.guilds.get(guildId);
  if (schedules.length === 0) {
    await respond.send(contentMessage('No schedules yet. Add one with /schedule set.'), { ephemeral: true });
    return;
  }
  const times = new Map((await services.scheduleTimes(guildId)).map((entry) => [entry.scheduleId, entry]));
  const lines = schedules.map((schedule) => {
    const next = times.get(schedule.id)?.nextRunAt;
    return `• \`${schedule.id}\` ${describe(schedule)}${next ? ` · next ${discordTimestamp(next, 'R')}` : ''}`;
  });
  await sendAll(respond, packEmbeds(listEmbeds('Schedules', lines)), { ephemeral: true });
}

function commaList(value: string | null): string[] {
  return (value ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
}

/** How a schedule reads back to an admin: where, when, in which zone, about what, in which language, and whether it is paused. */
export function describe(schedule: Schedule): string {
  const parts = [
    schedule.when.toLowerCase() === 'instant' ? `<#${schedule.channelId}> as stories arrive (at most every 5 minutes)` : `<#${schedule.channelId}> at ${fitUntrusted(schedule.when, 100)} (${schedule.timezone})`,
    `up to ${schedule.maxItems} stories`,
    schedule.topics.length ? `about ${fitUntrusted(oneLine(schedule.topics.join(', ')), 200)}` : '',
    schedule.include?.length ? `naming ${fitUntrusted(oneLine(schedule.include.join(' or ')), 200)}` : '',
    schedule.exclude?.length ? `never ${fitUntrusted(oneLine(schedule.exclude.join(' or ')), 200)}` : '',
    schedule.mentionRoleId ? `pinging <@&${schedule.mentionRoleId}>` : '',
    schedule.language ? `in ${languageName(schedule.language)}` : '',
    schedule.updates === false ? 'no updates' : '',
  ].filter(Boolean);
  const paused = schedule.paused ? ` · ⏸️ paused: ${fitUntrusted(oneLine(schedule.paused.reason), 200)}` : '';
  return `${parts.join(', ')}${paused}`;
}
