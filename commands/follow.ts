import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { matchTopics } from '../src/brief/topics/match-topics.ts';
import type { ButtonRequest, ButtonResponder, Command, CommandRequest, Responder, Services } from '../src/discord/command.ts';
import { requireGuild, requireManageGuild } from '../src/discord/guild-access.ts';
import { replyText, type ReplyText } from '../src/discord/i18n/reply-text.ts';
import { discordTimestamp } from '../src/discord/render/discord-time.ts';
import { contentMessage } from '../src/discord/render/message-payload.ts';
import { fitUntrusted, oneLine } from '../src/discord/render/safe-text.ts';
import { parseFollowButton, topicToken } from '../src/deliver/follows/follow-buttons.ts';
import { resumed, withFollow, withMute, withoutFollow, type Follow, type MemberFollows } from '../src/deliver/follows/member-follows.ts';
import { topicKey } from '../src/ingest/topics/topic-key.ts';
import { InputError } from '../src/input-error.ts';
import type { GuildFollowSettings } from '../src/store/guild-settings-repository.ts';

/** `/follow remove topic:all`: every follow, and everything Herald kept about them. */
const ALL = 'all';
const TOPIC_MAX = 100;
const TOPIC_SHOWN = 200;
const DAY_MS = 86_400_000;

export default {
  data: new SlashCommandBuilder()
    .setName('follow')
    .setDescription('Follow a person, place, organisation or subject: new stories on it reach you privately')
    .setContexts(InteractionContextType.Guild)
    .addSubcommand((sub) =>
      sub
        .setName('add')
        .setDescription('Follow a topic: its new stories come to you, a few a day at most')
        .addStringOption((option) => option.setName('topic').setDescription('A person, place, organisation or subject').setRequired(true).setMaxLength(TOPIC_MAX).setAutocomplete(true))
        .addStringOption((option) =>
          option
            .setName('where')
            .setDescription('By direct message (default), or in this channel mentioning only you, where the server allows it')
            .addChoices({ name: 'By direct message', value: 'dm' }, { name: 'Here, mentioning only me', value: 'here' }),
        ),
    )
    .addSubcommand((sub) => sub.setName('list').setDescription('What you follow in this server (only you can see it)'))
    .addSubcommand((sub) =>
      sub
        .setName('remove')
        .setDescription('Stop following a topic, or everything ("all")')
        .addStringOption((option) => option.setName('topic').setDescription('A topic you follow, or "all"').setRequired(true).setMaxLength(TOPIC_MAX).setAutocomplete(true)),
    )
    .addSubcommand((sub) => sub.setName('resume').setDescription('Get your follows again once your direct messages are open'))
    .addSubcommand((sub) =>
      sub
        .setName('settings')
        .setDescription('Admins: whether members may follow topics here, and how')
        .addBooleanOption((option) => option.setName('enabled').setDescription('Whether members may follow topics in this server'))
        .addIntegerOption((option) => option.setName('max-per-member').setDescription('Topics one member may follow (1–25)').setMinValue(1).setMaxValue(25))
        .addBooleanOption((option) => option.setName('allow-here').setDescription('Whether members may have their stories posted in a channel, mentioning only them')),
    ),
  async execute(request, respond, services) {
    const guildId = requireGuild(request);
    switch (request.subcommand()) {
      case 'add':
        return add(guildId, request, respond, services);
      case 'remove':
        return remove(guildId, request, respond, services);
      case 'resume':
        return resume(guildId, request, respond, services);
      case 'settings':
        return settings(request, respond, services);
      default:
        return list(guildId, request, respond, services);
    }
  },
  async autocomplete(request, services) {
    if (request.subcommand() === 'remove') {
      if (!request.guildId) return [];
      const { follows } = await services.follows.get(request.guildId, request.user.id);
      const typed = request.focused.value.toLowerCase();
      return [...follows.map((follow) => follow.topic), ALL]
        .filter((topic) => topic.toLowerCase().includes(typed))
        .map((topic) => ({ name: topic === ALL ? 'all (everything you follow here)' : topic, value: topic }));
    }
    return matchTopics(request.focused.value, await services.trendingTopics(), 25).map(({ topic }) => ({ name: topic.slice(0, TOPIC_MAX), value: topic.slice(0, TOPIC_MAX) }));
  },
  button: pressed,
} satisfies Command;

/**
 * "Mute for a day" and "Unfollow" under a bundle. A press in a direct message comes with no server, so the
 * button names it, and the member the bundle was for: only they may press, since a `where:here` bundle is
 * in a channel everyone sees.
 */
async function pressed(request: ButtonRequest, respond: ButtonResponder, services: Services): Promise<void> {
  const text = replyText(request.locale);
  const button = parseFollowButton(request.customId);
  if (!button || (request.guildId !== null && request.guildId !== button.guildId)) throw new InputError(text.followButtonGone);
  if (button.userId !== request.user.id) throw new InputError(text.notYourFollowButtons);
  const follow = (await services.follows.get(button.guildId, button.userId)).follows.find((candidate) => topicToken(candidate.topic) === button.topic);
  if (!follow) {
    await respond.send(contentMessage(text.noLongerFollowed), { ephemeral: true });
    return;
  }
  if (button.action === 'unfollow') {
    await services.follows.update(button.guildId, button.userId, (record) => withoutFollow(record, follow.topic));
    await respond.send(contentMessage(text.unfollowed(shown(follow.topic))), { ephemeral: true });
    return;
  }
  const until = new Date(services.now().getTime() + DAY_MS);
  await services.follows.update(button.guildId, button.userId, (record) => withMute(record, follow.topic, until));
  await respond.send(contentMessage(text.mutedFor(shown(follow.topic), discordTimestamp(until.toISOString(), 'f') ?? until.toISOString())), { ephemeral: true });
}

/** A server's follow settings with Herald's defaults filled in. */
function serverRules(chosen: GuildFollowSettings | undefined, services: Services): Required<GuildFollowSettings> {
  return { enabled: chosen?.enabled ?? true, maxPerMember: chosen?.maxPerMember ?? services.followDefaults.maxPerMember, allowHere: chosen?.allowHere ?? false };
}

async function add(guildId: string, request: CommandRequest, respond: Responder, services: Services): Promise<void> {
  const text = replyText(request.locale);
  const topic = oneLine(request.string('topic') ?? '');
  if (!topicKey(topic)) throw new InputError(text.needFollowTopic);
  if (topic.length > TOPIC_MAX) throw new InputError(text.followTopicTooLong(TOPIC_MAX));
  // "all" names every follow in /follow remove, so it cannot name one of them.
  if (topic.toLowerCase() === ALL) throw new InputError(text.followTopicAll);
  const rules = serverRules((await services.guilds.get(guildId)).follows, services);
  if (!rules.enabled) throw new InputError(text.followsOff);
  const here = request.string('where') === 'here';
  if (here && !rules.allowHere) throw new InputError(text.followsByDmOnly);
  if (here && request.botCanPostHere === false) throw new InputError(text.cannotPostHere);
  let outcome = '';
  const updated = await services.follows.update(guildId, request.user.id, (record) => {
    const result = withFollow(withLocale(record, request), { topic, ...(here ? { channelId: request.channelId } : {}) }, services.now(), rules.maxPerMember);
    outcome = result.outcome;
    return result.record;
  });
  if (outcome === 'full') throw new InputError(text.followsFull(updated.follows.length, rules.maxPerMember));
  const where = here ? text.inChannelMentioningYou(`<#${request.channelId}>`) : text.byDirectMessage;
  const said = outcome === 'added' ? text.following : text.stillFollowing;
  const paused = updated.paused ? text.followsPausedHint : '';
  await respond.send(contentMessage(`${said(shown(topic), where, services.followDefaults.storiesPerDay)}${paused}`), { ephemeral: true });
}

async function list(guildId: string, request: CommandRequest, respond: Responder, services: Services): Promise<void> {
  const text = replyText(request.locale);
  const record = await services.follows.get(guildId, request.user.id);
  if (record.follows.length === 0) {
    await respond.send(contentMessage(text.followNothing), { ephemeral: true });
    return;
  }
  const now = services.now();
  const lines = record.follows.map((follow) => `• ${describeFollow(follow, now, text)}`);
  const paused = record.paused ? ['', text.followsPausedLine] : [];
  await respond.send(contentMessage([text.followsList(record.follows.length), ...lines, ...paused].join('\n')), { ephemeral: true });
}

function describeFollow(follow: Follow, now: Date, text: ReplyText): string {
  const where = follow.channelId ? text.inChannel(`<#${follow.channelId}>`) : text.byDirectMessage;
  const mutedUntil = follow.mutedUntil && Date.parse(follow.mutedUntil) > now.getTime() ? discordTimestamp(follow.mutedUntil, 'f') : undefined;
  return `**${shown(follow.topic)}** · ${where}${mutedUntil ? ` · ${text.mutedUntil(mutedUntil)}` : ''}`;
}

async function remove(guildId: string, request: CommandRequest, respond: Responder, services: Services): Promise<void> {
  const text = replyText(request.locale);
  const topic = oneLine(request.string('topic') ?? '');
  if (topic.toLowerCase() === ALL) {
    await services.follows.forget(guildId, request.user.id);
    await respond.send(contentMessage(text.forgotAllFollows), { ephemeral: true });
    return;
  }
  const before = (await services.follows.get(guildId, request.user.id)).follows.length;
  const updated = await services.follows.update(guildId, request.user.id, (record) => withoutFollow(record, topic));
  if (updated.follows.length === before) throw new InputError(text.notFollowing(topic.slice(0, TOPIC_MAX)));
  await respond.send(contentMessage(text.unfollowed(shown(topic))), { ephemeral: true });
}

async function resume(guildId: string, request: CommandRequest, respond: Responder, services: Services): Promise<void> {
  const text = replyText(request.locale);
  const before = await services.follows.get(guildId, request.user.id);
  if (!before.paused) {
    await respond.send(contentMessage(before.follows.length ? text.followsNotPaused : text.followNothing), { ephemeral: true });
    return;
  }
  await services.follows.update(guildId, request.user.id, (record) => resumed(withLocale(record, request)));
  await respond.send(contentMessage(text.followsResumed), { ephemeral: true });
}

async function settings(request: CommandRequest, respond: Responder, services: Services): Promise<void> {
  const guildId = requireManageGuild(request);
  const enabled = request.boolean('enabled');
  const maxPerMember = request.integer('max-per-member');
  const allowHere = request.boolean('allow-here');
  const text = replyText(request.locale);
  if (maxPerMember !== null && (maxPerMember < 1 || maxPerMember > 25)) throw new InputError(text.followCapRange);
  const updated = await services.guilds.update(guildId, (current) => ({
    ...current,
    follows: {
      ...current.follows,
      ...(enabled === null ? {} : { enabled }),
      ...(maxPerMember === null ? {} : { maxPerMember }),
      ...(allowHere === null ? {} : { allowHere }),
    },
  }));
  const rules = serverRules(updated.follows, services);
  const lines = [
    text.followSettings(rules.enabled),
    text.followSettingsCap(rules.maxPerMember),
    text.followSettingsWhere(rules.allowHere),
    text.followSettingsPerDay(services.followDefaults.storiesPerDay),
    text.followsArePrivate,
  ];
  await respond.send(contentMessage(lines.join('\n')), { ephemeral: true });
}

/** The member's language as this command found it, for what Herald sends them later (their bundles, an explanation). */
function withLocale(record: MemberFollows, request: CommandRequest): MemberFollows {
  return request.locale ? { ...record, locale: request.locale } : record;
}

function shown(topic: string): string {
  return fitUntrusted(oneLine(topic), TOPIC_SHOWN);
}
