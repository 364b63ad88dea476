import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { matchTopics } from '../src/brief/topics/match-topics.ts';
import type { ButtonRequest, ButtonResponder, Command, CommandRequest, Responder, Services } from '../src/discord/command.ts';
import { requireGuild, requireManageGuild } from '../src/discord/guild-access.ts';
import { discordTimestamp } from '../src/discord/render/discord-time.ts';
import { contentMessage } from '../src/discord/render/message-payload.ts';
import { fitUntrusted, oneLine } from '../src/discord/render/safe-text.ts';
import { parseFollowButton, topicToken } from '../src/follows/follow-buttons.ts';
import { resumed, withFollow, withMute, withoutFollow, type Follow } from '../src/follows/member-follows.ts';
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
  const button = parseFollowButton(request.customId);
  if (!button || (request.guildId !== null && request.guildId !== button.guildId)) throw new InputError('This button no longer works; /follow list shows what you follow.');
  if (button.userId !== request.user.id) throw new InputError('These buttons are for the member the news was sent to; /follow add to follow a topic yourself.');
  const follow = (await services.follows.get(button.guildId, button.userId)).follows.find((candidate) => topicToken(candidate.topic) === button.topic);
  if (!follow) {
    await respond.send(contentMessage('You no longer follow that topic.'), { ephemeral: true });
    return;
  }
  if (button.action === 'unfollow') {
    await services.follows.update(button.guildId, button.userId, (record) => withoutFollow(record, follow.topic));
    await respond.send(contentMessage(`No longer following **${shown(follow.topic)}**.`), { ephemeral: true });
    return;
  }
  const until = new Date(services.now().getTime() + DAY_MS);
  await services.follows.update(button.guildId, button.userId, (record) => withMute(record, follow.topic, until));
  await respond.send(contentMessage(`**${shown(follow.topic)}** is muted until ${discordTimestamp(until.toISOString(), 'f')}: its stories until then are not sent.`), { ephemeral: true });
}

/** A server's follow settings with Herald's defaults filled in. */
function serverRules(chosen: GuildFollowSettings | undefined, services: Services): Required<GuildFollowSettings> {
  return { enabled: chosen?.enabled ?? true, maxPerMember: chosen?.maxPerMember ?? services.followDefaults.maxPerMember, allowHere: chosen?.allowHere ?? false };
}

async function add(guildId: string, request: CommandRequest, respond: Responder, services: Services): Promise<void> {
  const topic = oneLine(request.string('topic') ?? '');
  if (!topicKey(topic)) throw new InputError('Tell me a topic to follow, for example /follow add topic:north korea');
  if (topic.length > TOPIC_MAX) throw new InputError(`A topic is at most ${TOPIC_MAX} characters: a person, place, organisation or subject.`);
  // "all" names every follow in /follow remove, so it cannot name one of them.
  if (topic.toLowerCase() === ALL) throw new InputError('Follow a person, place, organisation or subject; /brief gives all the news.');
  const rules = serverRules((await services.guilds.get(guildId)).follows, services);
  if (!rules.enabled) throw new InputError('The admins of this server have turned follows off.');
  const here = request.string('where') === 'here';
  if (here && !rules.allowHere) throw new InputError('This server’s admins allow follows by direct message only; leave out where, or choose where:dm.');
  if (here && request.botCanPostHere === false) throw new InputError('Herald cannot post in this channel; use /follow add in a channel where it can, or choose where:dm.');
  let outcome = '';
  const updated = await services.follows.update(guildId, request.user.id, (record) => {
    const result = withFollow(record, { topic, ...(here ? { channelId: request.channelId } : {}) }, services.now(), rules.maxPerMember);
    outcome = result.outcome;
    return result.record;
  });
  if (outcome === 'full') throw new InputError(`You follow ${updated.follows.length} topics in this server, which allows ${rules.maxPerMember}; /follow remove one first.`);
  const where = here ? `in <#${request.channelId}>, mentioning only you` : 'by direct message';
  const paused = updated.paused ? ' Your follows are paused: /follow resume once Herald can reach you again.' : '';
  const verb = outcome === 'added' ? 'Following' : 'Still following';
  await respond.send(
    contentMessage(`${verb} **${shown(topic)}**: its new stories reach you ${where}, at most ${services.followDefaults.storiesPerDay} a day, bundled. /follow list shows what you follow; only you can see it.${paused}`),
    { ephemeral: true },
  );
}

async function list(guildId: string, request: CommandRequest, respond: Responder, services: Services): Promise<void> {
  const record = await services.follows.get(guildId, request.user.id);
  if (record.follows.length === 0) {
    await respond.send(contentMessage('You follow nothing in this server yet. Follow a topic with /follow add.'), { ephemeral: true });
    return;
  }
  const now = services.now();
  const lines = record.follows.map((follow) => `• ${describeFollow(follow, now)}`);
  const paused = record.paused ? ['', '⏸️ Paused: Herald could not reach you. /follow resume once your direct messages are open.'] : [];
  await respond.send(contentMessage([`You follow ${record.follows.length} ${record.follows.length === 1 ? 'topic' : 'topics'} in this server (only you can see this):`, ...lines, ...paused].join('\n')), { ephemeral: true });
}

function describeFollow(follow: Follow, now: Date): string {
  const where = follow.channelId ? `in <#${follow.channelId}>` : 'by direct message';
  const muted = follow.mutedUntil && Date.parse(follow.mutedUntil) > now.getTime() ? ` · muted until ${discordTimestamp(follow.mutedUntil, 'f')}` : '';
  return `**${shown(follow.topic)}** · ${where}${muted}`;
}

async function remove(guildId: string, request: CommandRequest, respond: Responder, services: Services): Promise<void> {
  const topic = oneLine(request.string('topic') ?? '');
  if (topic.toLowerCase() === ALL) {
    await services.follows.forget(guildId, request.user.id);
    await respond.send(contentMessage('You follow nothing in this server any more, and Herald has forgotten what it sent you.'), { ephemeral: true });
    return;
  }
  const before = (await services.follows.get(guildId, request.user.id)).follows.length;
  const updated = await services.follows.update(guildId, request.user.id, (record) => withoutFollow(record, topic));
  if (updated.follows.length === before) throw new InputError(`You do not follow "${oneLine(topic).slice(0, TOPIC_MAX)}" here; /follow list shows what you do.`);
  await respond.send(contentMessage(`No longer following **${shown(topic)}**.`), { ephemeral: true });
}

async function resume(guildId: string, request: CommandRequest, respond: Responder, services: Services): Promise<void> {
  const before = await services.follows.get(guildId, request.user.id);
  if (!before.paused) {
    await respond.send(contentMessage(before.follows.length ? 'Your follows are not paused.' : 'You follow nothing in this server yet. Follow a topic with /follow add.'), { ephemeral: true });
    return;
  }
  await services.follows.update(guildId, request.user.id, resumed);
  await respond.send(contentMessage('Your follows are back on: new stories reach you with the next look for them, in a few minutes.'), { ephemeral: true });
}

async function settings(request: CommandRequest, respond: Responder, services: Services): Promise<void> {
  const guildId = requireManageGuild(request);
  const enabled = request.boolean('enabled');
  const maxPerMember = request.integer('max-per-member');
  const allowHere = request.boolean('allow-here');
  if (maxPerMember !== null && (maxPerMember < 1 || maxPerMember > 25)) throw new InputError('A member may follow between 1 and 25 topics.');
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
    `Follows in this server: ${rules.enabled ? 'on' : 'off'}`,
    `• up to ${rules.maxPerMember} topics a member`,
    `• ${rules.allowHere ? 'by direct message, or in a channel mentioning only the member (where:here)' : 'by direct message only'}`,
    `• at most ${services.followDefaults.storiesPerDay} stories a member a day, bundled`,
    'What each member follows is theirs alone: Herald shows it to no one else, admins included.',
  ];
  await respond.send(contentMessage(lines.join('\n')), { ephemeral: true });
}

function shown(topic: string): string {
  return fitUntrusted(oneLine(topic), TOPIC_SHOWN);
}
