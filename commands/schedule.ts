import { randomUUID } from 'node:crypto';
import { ChannelType, InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { Command, CommandRequest, Responder, Services } from '../src/discord/command.ts';
import { requireManageGuild } from '../src/discord/guild-access.ts';
import { ENGLISH, replyText, type ReplyText } from '../src/discord/i18n/reply-text.ts';
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
        return list(guildId, request, respond, services);
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
    const text = replyText(request.locale);
    return schedules
      .map((schedule) => ({ name: describe(schedule, text).slice(0, 100), value: schedule.id }))
      .filter((choice) => choice.name.toLowerCase().includes(typed))
      .slice(0, 25);
  },
} satisfies Command;

async function set(guildId: string, request: CommandRequest, respond: Responder, services: Services): Promise<void> {
  const text = replyText(request.locale);
  const channel = request.channel('channel');
  if (!channel) throw new InputError(text.chooseChannel);
  if (!(POSTABLE_TYPES as readonly number[]).includes(channel.type)) throw new InputError(text.cannotPostKind(channel.name));
  if (!channel.botCanPost) throw new InputError(text.cannotPostIn(channel.name));
  const crons = parseScheduleTime(request.string('time') ?? '');
  const timezone = parseTimezone(request.string('timezone') ?? '');
  const topics = commaList(request.string('topics'));
  const include = commaList(request.string('include'));
  const exclude = commaList(request.string('exclude'));
  compileKeywords([...include, ...exclude]);
  const role = request.role('mention');
  if (role && role.id === guildId) throw new InputError(text.noEveryonePing);
  const language = chosenLanguage(request.string('language'), text);
  const { schedules } = await services.guilds.get(guildId);
  if (schedules.length >= MAX_SCHEDULES) throw new InputError(text.tooManySchedules(MAX_SCHEDULES));
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
  await respond.send(contentMessage(text.scheduled(describe(schedule, text), discordTimestamp(next, 'R'))), { ephemeral: true });
}

async function remove(guildId: string, request: CommandRequest, respond: Responder, services: Services): Promise<void> {
  const id = request.string('schedule')?.trim() ?? '';
  const { schedules } = await services.guilds.get(guildId);
  const text = replyText(request.locale);
  const schedule = schedules.find((candidate) => candidate.id === id);
  if (!schedule) throw new InputError(text.noSuchSchedule);
  await services.guilds.update(guildId, (settings) => ({ ...settings, schedules: settings.schedules.filter((candidate) => candidate.id !== id) }));
  await services.reschedule(guildId);
  await respond.send(contentMessage(text.scheduleRemoved(describe(schedule, text))), { ephemeral: true });
}

async function setLanguage(guildId: string, request: CommandRequest, respond: Responder, services: Services): Promise<void> {
  const text = replyText(request.locale);
  const id = request.string('schedule')?.trim() ?? '';
  const chosen = request.string('language')?.trim();
  const language = chosen === SERVER_LANGUAGE ? undefined : chosenLanguage(chosen ?? null, text);
  if (!language && chosen !== SERVER_LANGUAGE) throw new InputError(text.chooseLanguage);
  if (!(await services.guilds.get(guildId)).schedules.some((candidate) => candidate.id === id)) throw new InputError(text.noSuchSchedule);
  const updated = await services.guilds.update(guildId, (settings) => ({
    ...withLocale(settings, request),
    schedules: settings.schedules.map((schedule) => {
      if (schedule.id !== id) return schedule;
      const { language: _previous, ...rest } = schedule;
      return language ? { ...rest, language } : rest;
    }),
  }));
  const schedule = updated.schedules.find((candidate) => candidate.id === id)!;
  const described = describe(schedule, text);
  await respond.send(contentMessage(language ? text.languageSet(described) : text.followingServerLanguage(described, updated.locale)), { ephemeral: true });
}

/** A language among the choices; anything else (the console passes what it is given) is refused. */
function chosenLanguage(value: string | null, text: ReplyText): string | undefined {
  const code = value?.trim().toLowerCase();
  if (!code) return undefined;
  if (!(LANGUAGES as readonly string[]).includes(code)) throw new InputError(text.digestLanguages(LANGUAGES.join(', ')));
  return code;
}

/** The server's locale as this command found it, kept for schedules that follow the server's language. */
function withLocale(settings: GuildSettings, request: CommandRequest): GuildSettings {
  return request.guildLocale ? { ...settings, locale: request.guildLocale } : settings;
}

async function list(guildId: string, request: CommandRequest, respond: Responder, services: Services): Promise<void> {
  const text = replyText(request.locale);
  const { schedules } = await services.guilds.get(guildId);
  if (schedules.length === 0) {
    await respond.send(contentMessage(text.noSchedules), { ephemeral: true });
    return;
  }
  const times = new Map((await services.scheduleTimes(guildId)).map((entry) => [entry.scheduleId, entry]));
  const lines = schedules.map((schedule) => {
    const next = discordTimestamp(times.get(schedule.id)?.nextRunAt, 'R');
    return `• \`${schedule.id}\` ${describe(schedule, text)}${next ? ` · ${text.nextAt(next)}` : ''}`;
  });
  await sendAll(respond, packEmbeds(listEmbeds(text.schedules, lines)), { ephemeral: true });
}

function commaList(value: string | null): string[] {
  return (value ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
}

/** How a schedule reads back to an admin: where, when, in which zone, about what, in which language, and whether it is paused. */
export function describe(schedule: Schedule, text: ReplyText = ENGLISH): string {
  const channel = `<#${schedule.channelId}>`;
  const parts = [
    schedule.when.toLowerCase() === 'instant' ? text.postsAsStoriesArrive(channel) : text.postsAt(channel, fitUntrusted(schedule.when, 100), schedule.timezone),
    text.upToStories(schedule.maxItems),
    schedule.topics.length ? text.about(fitUntrusted(oneLine(schedule.topics.join(', ')), 200)) : '',
    schedule.include?.length ? text.naming(fitUntrusted(oneLine(schedule.include.join(text.or)), 200)) : '',
    schedule.exclude?.length ? text.never(fitUntrusted(oneLine(schedule.exclude.join(text.or)), 200)) : '',
    schedule.mentionRoleId ? text.pinging(`<@&${schedule.mentionRoleId}>`) : '',
    schedule.language ? text.writtenIn(schedule.language) : '',
    schedule.updates === false ? text.noUpdates : '',
  ].filter(Boolean);
  const paused = schedule.paused ? ` · ${text.paused(fitUntrusted(oneLine(schedule.paused.reason), 200))}` : '';
  return `${parts.join(', ')}${paused}`;
}
