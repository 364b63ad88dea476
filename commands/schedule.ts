import { randomUUID } from 'node:crypto';
import { ChannelType, InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { ChannelChoice, Command, CommandRequest, Responder, Services } from '../src/discord/command.ts';
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
import type { SummaryLength } from '../src/brief/summarizer.ts';
import { DIGEST_FORMATS, digestLook, GROUPINGS, MAX_HEADLINES, maxItemsFor, SUMMARY_LENGTHS, type DigestFormat, type Grouping } from '../src/deliver/digest-look.ts';

/** Text, announcement, thread (public and private) and forum channels: where a digest can be posted. */
const POSTABLE_TYPES = [ChannelType.GuildText, ChannelType.GuildAnnouncement, ChannelType.AnnouncementThread, ChannelType.PublicThread, ChannelType.PrivateThread, ChannelType.GuildForum] as const;
const MAX_SCHEDULES = 25;
/** The languages a digest can be asked in: those Herald's summaries and language detection are measured on. */
const LANGUAGES = ['en', 'es', 'fr', 'de', 'pt', 'it'] as const;
const LANGUAGE_CHOICES = LANGUAGES.map((code) => ({ name: `${languageName(code)} (${code})`, value: code }));
/** The `language` subcommand's way back to the server's own language. */
const SERVER_LANGUAGE = 'server';
/** What /schedule edit takes to clear a list (topics, include, exclude): Discord sends no empty option. */
const CLEAR = '-';
const FORMAT_CHOICES = [
  { name: 'Embeds: a card per story', value: 'embeds' },
  { name: 'Compact: one message, a numbered list', value: 'compact' },
  { name: 'Headlines: linked titles only', value: 'headlines' },
] as const satisfies ReadonlyArray<{ name: string; value: DigestFormat }>;
const SUMMARY_CHOICES = [
  { name: 'Short: one sentence', value: 'short' },
  { name: 'Medium', value: 'medium' },
  { name: 'Long: up to five sentences', value: 'long' },
] as const satisfies ReadonlyArray<{ name: string; value: SummaryLength }>;
const GROUPING_CHOICES = [
  { name: 'Topic', value: 'topic' },
  { name: 'None: one ranked list', value: 'none' },
] as const satisfies ReadonlyArray<{ name: string; value: Grouping }>;

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
        .addIntegerOption((option) => option.setName('max-items').setDescription('Stories per digest (1–10; up to 50 in the headlines format)').setMinValue(1).setMaxValue(MAX_HEADLINES))
        .addStringOption((option) => option.setName('include').setDescription('Only stories naming one of these keywords (comma-separated; /regex/ allowed)').setMaxLength(300))
        .addStringOption((option) => option.setName('exclude').setDescription('Never stories naming these keywords (comma-separated; /regex/ allowed)').setMaxLength(300))
        .addRoleOption((option) => option.setName('mention').setDescription('A role to ping with each digest (only that role is pinged)'))
        .addBooleanOption((option) => option.setName('announce-empty').setDescription('Post "no new stories" when there is nothing new (default: stay silent)'))
        .addBooleanOption((option) => option.setName('updates').setDescription('Post updates in a thread when a story it sent develops (default: on)'))
        .addStringOption((option) => option.setName('language').setDescription('The language digests are read in (default: the server’s); other stories are translated with a model').addChoices(...LANGUAGE_CHOICES))
        .addStringOption((option) => option.setName('format').setDescription('How the digest looks (default: a card per story)').addChoices(...FORMAT_CHOICES))
        .addBooleanOption((option) => option.setName('images').setDescription('Show each story’s picture (default: off)'))
        .addStringOption((option) => option.setName('summary').setDescription('How long each story’s summary is (default: medium)').addChoices(...SUMMARY_CHOICES))
        .addStringOption((option) => option.setName('group-by').setDescription('Stories by topic, or one ranked list (default: by topic)').addChoices(...GROUPING_CHOICES)),
    )
    .addSubcommand((sub) =>
      sub
        .setName('edit')
        .setDescription('Change a schedule, keeping what it already sent')
        .addStringOption((option) => option.setName('schedule').setDescription('The schedule to change').setRequired(true).setAutocomplete(true))
        .addChannelOption((option) => option.setName('channel').setDescription('Where to post').addChannelTypes(...POSTABLE_TYPES))
        .addStringOption((option) => option.setName('time').setDescription('"08:00", "08:00,18:00", "07:30 weekdays", a cron expression, or "instant"').setMaxLength(100))
        .addStringOption((option) => option.setName('timezone').setDescription('IANA time zone, e.g. Europe/London').setAutocomplete(true).setMaxLength(64))
        .addStringOption((option) => option.setName('topics').setDescription('Only stories about these topics, comma-separated ("-" for every topic)').setMaxLength(300))
        .addIntegerOption((option) => option.setName('max-items').setDescription('Stories per digest (1–10; up to 50 in the headlines format)').setMinValue(1).setMaxValue(MAX_HEADLINES))
        .addStringOption((option) => option.setName('include').setDescription('Only stories naming one of these keywords ("-" for no such filter)').setMaxLength(300))
        .addStringOption((option) => option.setName('exclude').setDescription('Never stories naming these keywords ("-" for no such filter)').setMaxLength(300))
        .addRoleOption((option) => option.setName('mention').setDescription('A role to ping with each digest (only that role is pinged)'))
        // Discord cannot send an empty role option, so stopping the ping needs an option of its own.
        .addBooleanOption((option) => option.setName('no-mention').setDescription('Stop pinging the schedule’s role'))
        .addBooleanOption((option) => option.setName('announce-empty').setDescription('Post "no new stories" when there is nothing new'))
        .addBooleanOption((option) => option.setName('updates').setDescription('Post updates in a thread when a story it sent develops'))
        .addStringOption((option) =>
          option.setName('language').setDescription('The language digests are read in, or the server’s own').addChoices(...LANGUAGE_CHOICES, { name: 'The server’s language', value: SERVER_LANGUAGE }),
        )
        .addStringOption((option) => option.setName('format').setDescription('How the digest looks').addChoices(...FORMAT_CHOICES))
        .addBooleanOption((option) => option.setName('images').setDescription('Show each story’s picture'))
        .addStringOption((option) => option.setName('summary').setDescription('How long each story’s summary is').addChoices(...SUMMARY_CHOICES))
        .addStringOption((option) => option.setName('group-by').setDescription('Stories by topic, or one ranked list').addChoices(...GROUPING_CHOICES)),
    )
    .addSubcommand((sub) =>
      sub
        .setName('preview')
        .setDescription('See privately what a schedule’s next digest would post now')
        .addStringOption((option) => option.setName('schedule').setDescription('The schedule to preview').setRequired(true).setAutocomplete(true)),
    )
    .addSubcommand((sub) =>
      sub
        .setName('send-now')
        .setDescription('Post a schedule’s next digest now; the next scheduled one carries on after it')
        .addStringOption((option) => option.setName('schedule').setDescription('The schedule to post').setRequired(true).setAutocomplete(true)),
    )
    .addSubcommand((sub) =>
      sub
        .setName('pause')
        .setDescription('Pause a schedule, keeping its place')
        .addStringOption((option) => option.setName('schedule').setDescription('The schedule to pause').setRequired(true).setAutocomplete(true)),
    )
    .addSubcommand((sub) =>
      sub
        .setName('resume')
        .setDescription('Resume a paused schedule, with only what is new')
        .addStringOption((option) => option.setName('schedule').setDescription('The schedule to resume').setRequired(true).setAutocomplete(true)),
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
      case 'edit':
        return edit(guildId, request, respond, services);
      case 'pause':
        return hold(guildId, request, respond, services, true);
      case 'resume':
        return hold(guildId, request, respond, services, false);
      case 'preview':
        return preview(guildId, request, respond, services);
      case 'send-now':
        return sendNow(guildId, request, respond, services);
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

/** The channel option, when given, if a digest can be posted there. */
function postableChannel(request: CommandRequest, text: ReplyText): ChannelChoice | undefined {
  const channel = request.channel('channel');
  if (!channel) return undefined;
  if (!(POSTABLE_TYPES as readonly number[]).includes(channel.type)) throw new InputError(text.cannotPostKind(channel.name));
  if (!channel.botCanPost) throw new InputError(text.cannotPostIn(channel.name));
  return channel;
}

async function set(guildId: string, request: CommandRequest, respond: Responder, services: Services): Promise<void> {
  const text = replyText(request.locale);
  const channel = postableChannel(request, text);
  if (!channel) throw new InputError(text.chooseChannel);
  const crons = parseScheduleTime(request.string('time') ?? '');
  const timezone = parseTimezone(request.string('timezone') ?? '');
  const topics = commaList(request.string('topics'));
  const include = commaList(request.string('include'));
  const exclude = commaList(request.string('exclude'));
  compileKeywords([...include, ...exclude]);
  const role = request.role('mention');
  if (role && role.id === guildId) throw new InputError(text.noEveryonePing);
  const language = chosenLanguage(request.string('language'), text);
  const look = chosenLook(request, text);
  const maxItems = request.integer('max-items') ?? services.scheduleDefaults.maxItems;
  checkMaxItems(look.format ?? 'embeds', maxItems, text);
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
    maxItems,
    ...(include.length ? { include } : {}),
    ...(exclude.length ? { exclude } : {}),
    ...(role ? { mentionRoleId: role.id } : {}),
    ...(request.boolean('announce-empty') ? { announceEmpty: true } : {}),
    ...(request.boolean('updates') === false ? { updates: false as const } : {}),
    ...(language ? { language } : {}),
    ...look,
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

/**
 * Changes what the admin gave and keeps the rest, the schedule's id above all: its journal and what its
 * channel was sent stay its own, so nothing already sent is sent again.
 */
async function edit(guildId: string, request: CommandRequest, respond: Responder, services: Services): Promise<void> {
  const text = replyText(request.locale);
  const current = await scheduleNamed(guildId, request, services, text);
  const channel = postableChannel(request, text);
  const time = request.string('time');
  const timezone = request.string('timezone');
  const role = request.role('mention');
  if (role && role.id === guildId) throw new InputError(text.noEveryonePing);
  const unmention = request.boolean('no-mention') === true;
  if (role && unmention) throw new InputError(text.mentionOrNot);
  const chosen = request.string('language')?.trim();
  const language = chosen === SERVER_LANGUAGE ? undefined : chosenLanguage(chosen ?? null, text);
  const lists = { topics: request.string('topics'), include: request.string('include'), exclude: request.string('exclude') };
  compileKeywords([...commaList(lists.include), ...commaList(lists.exclude)].filter((keyword) => keyword !== CLEAR));
  // Undefined turns an option off: withoutEmpty leaves it out of the stored schedule.
  const changes: { [Option in keyof Schedule]?: Schedule[Option] | undefined } = {
    ...(channel ? { channelId: channel.id, forum: channel.type === ChannelType.GuildForum } : {}),
    ...(time !== null ? { crons: parseScheduleTime(time), when: time.trim() } : {}),
    ...(timezone !== null ? { timezone: parseTimezone(timezone) } : {}),
    ...(request.integer('max-items') !== null ? { maxItems: request.integer('max-items')! } : {}),
    ...(role ? { mentionRoleId: role.id } : {}),
    ...(unmention ? { mentionRoleId: undefined } : {}),
    ...(request.boolean('announce-empty') !== null ? { announceEmpty: request.boolean('announce-empty')! } : {}),
    ...(request.boolean('updates') !== null ? { updates: request.boolean('updates') ? undefined : false } : {}),
    ...(chosen ? { language } : {}),
    ...Object.fromEntries(Object.entries(lists).flatMap(([name, value]) => (value === null ? [] : [[name, value.trim() === CLEAR ? [] : commaList(value)]]))),
    ...chosenLook(request, text),
  };
  if (Object.keys(changes).length === 0) throw new InputError(`${text.sayWhatToChange} ${text.clearWithDash}`);
  const changed = withoutEmpty({ ...current, ...changes });
  checkMaxItems(digestLook(changed).format, changed.maxItems, text);
  // A slot is named by its local minute: in another zone the same minute is another moment (see zoneEpoch).
  const zoneEpoch = changed.timezone === current.timezone ? current.zoneEpoch : (current.zoneEpoch ?? 0) + 1;
  const schedule: Schedule = { ...changed, ...(zoneEpoch ? { zoneEpoch } : {}) };
  await services.guilds.update(guildId, (settings) => ({
    ...withLocale(settings, request),
    schedules: settings.schedules.map((candidate) => (candidate.id === schedule.id ? schedule : candidate)),
  }));
  await services.reschedule(guildId);
  const next = (await services.scheduleTimes(guildId)).find((times) => times.scheduleId === schedule.id)?.nextRunAt;
  await respond.send(contentMessage(text.scheduleEdited(describe(schedule, text), discordTimestamp(next, 'R'))), { ephemeral: true });
}

/** A schedule without the options an edit turned off or emptied: stored as a schedule set that way would be. */
function withoutEmpty(schedule: { [Option in keyof Schedule]: Schedule[Option] | undefined }): Schedule {
  const kept = Object.entries(schedule).filter(([name, value]) => {
    if (value === undefined) return false;
    if (['include', 'exclude'].includes(name)) return (value as string[]).length > 0;
    if (['forum', 'announceEmpty'].includes(name)) return value === true;
    return true;
  });
  return Object.fromEntries(kept) as unknown as Schedule;
}

/** Puts a schedule on hold, or takes it off: a held one keeps its id, history and place, and posts nothing. */
async function hold(guildId: string, request: CommandRequest, respond: Responder, services: Services, held: boolean): Promise<void> {
  const text = replyText(request.locale);
  const current = await scheduleNamed(guildId, request, services, text);
  if (held && current.onHold) throw new InputError(text.alreadyPaused);
  if (!held && !current.onHold) throw new InputError(text.notPaused);
  const now = services.now().toISOString();
  const { onHold: _onHold, ...rest } = current;
  const schedule: Schedule = held ? { ...rest, onHold: { by: request.user.id, at: now } } : { ...rest, resumedAt: now };
  await services.guilds.update(guildId, (settings) => ({ ...settings, schedules: settings.schedules.map((candidate) => (candidate.id === schedule.id ? schedule : candidate)) }));
  await services.reschedule(guildId);
  if (held) {
    await respond.send(contentMessage(text.schedulePaused(describe(schedule, text))), { ephemeral: true });
    return;
  }
  const next = (await services.scheduleTimes(guildId)).find((times) => times.scheduleId === schedule.id)?.nextRunAt;
  await respond.send(contentMessage(text.scheduleResumed(describe(schedule, text), discordTimestamp(next, 'R'))), { ephemeral: true });
}

/** Shows the admin alone what the schedule would post now, pinging no one and marking nothing as sent. */
async function preview(guildId: string, request: CommandRequest, respond: Responder, services: Services): Promise<void> {
  const text = replyText(request.locale);
  const schedule = await scheduleNamed(guildId, request, services, text);
  await respond.defer({ ephemeral: true });
  const messages = await services.previewDigest(guildId, schedule.id);
  if (!messages) {
    await respond.send(contentMessage(text.previewEmpty(describe(schedule, text))), { ephemeral: true });
    return;
  }
  await respond.send(contentMessage(text.previewOf(describe(schedule, text))), { ephemeral: true });
  await sendAll(respond, messages.map((message) => ({ ...message, allowed_mentions: { parse: [] } })), { ephemeral: true });
}

/** Posts the schedule's digest now, as a run of its own slot: journaled, with nonces, and remembered by the runs after it. */
async function sendNow(guildId: string, request: CommandRequest, respond: Responder, services: Services): Promise<void> {
  const text = replyText(request.locale);
  const schedule = await scheduleNamed(guildId, request, services, text);
  if (schedule.onHold) throw new InputError(text.resumeFirst);
  await respond.defer({ ephemeral: true });
  const stories = await services.sendDigestNow(guildId, schedule.id);
  const channel = `<#${schedule.channelId}>`;
  if (stories > 0) {
    await respond.send(contentMessage(text.sentNow(stories, channel)), { ephemeral: true });
    return;
  }
  // Nothing posted: either nothing was new, or the channel refused Herald and the run paused the schedule.
  const refused = (await services.guilds.get(guildId)).schedules.find((candidate) => candidate.id === schedule.id)?.paused;
  const reply = refused ? text.sentRefused(channel, fitUntrusted(oneLine(refused.reason), 200)) : text.sentNothingNow(channel);
  await respond.send(contentMessage(reply), { ephemeral: true });
}

async function scheduleNamed(guildId: string, request: CommandRequest, services: Services, text: ReplyText): Promise<Schedule> {
  const id = request.string('schedule')?.trim() ?? '';
  const schedule = (await services.guilds.get(guildId)).schedules.find((candidate) => candidate.id === id);
  if (!schedule) throw new InputError(text.noSuchSchedule);
  return schedule;
}

/** The look options given, each checked against its choices (the console passes whatever it is given). */
function chosenLook(request: CommandRequest, text: ReplyText): Partial<Pick<Schedule, 'format' | 'images' | 'summary' | 'groupBy'>> {
  const format = oneOf(request.string('format'), DIGEST_FORMATS, 'format', text);
  const summary = oneOf(request.string('summary'), SUMMARY_LENGTHS, 'summary', text);
  const groupBy = oneOf(request.string('group-by'), GROUPINGS, 'group-by', text);
  const images = request.boolean('images');
  return { ...(format ? { format } : {}), ...(images !== null ? { images } : {}), ...(summary ? { summary } : {}), ...(groupBy ? { groupBy } : {}) };
}

function oneOf<T extends string>(value: string | null, choices: readonly T[], option: string, text: ReplyText): T | undefined {
  const chosen = value?.trim().toLowerCase();
  if (!chosen) return undefined;
  if (!(choices as readonly string[]).includes(chosen)) throw new InputError(text.chooseOneOf(option, choices.join(', ')));
  return chosen as T;
}

function checkMaxItems(format: DigestFormat, maxItems: number, text: ReplyText): void {
  const max = maxItemsFor(format);
  if (maxItems > max) throw new InputError(text.tooManyStories(format, max));
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
    ...lookParts(schedule, text),
  ].filter(Boolean);
  const held = schedule.onHold ? ` · ${text.onHold}` : '';
  const paused = `${held}${schedule.paused ? ` · ${text.paused(fitUntrusted(oneLine(schedule.paused.reason), 200))}` : ''}`;
  return `${parts.join(', ')}${paused}`;
}

/** The digest's look, each option where it is not the default: a schedule set before they existed reads as it did. */
function lookParts(schedule: Schedule, text: ReplyText): string[] {
  const look = digestLook(schedule);
  return [
    look.format === 'embeds' ? '' : text.formatNamed(look.format),
    look.images ? text.withImages : '',
    look.summary === 'medium' ? '' : text.summaryNamed(look.summary),
    look.groupBy === 'none' ? text.ranked : '',
  ];
}
