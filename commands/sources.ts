import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { Command, CommandRequest, Responder, Services } from '../src/discord/command.ts';
import { requireManageGuild } from '../src/discord/guild-access.ts';
import { replyText } from '../src/discord/i18n/reply-text.ts';
import { listEmbeds } from '../src/discord/render/list-embeds.ts';
import { contentMessage } from '../src/discord/render/message-payload.ts';
import { packEmbeds } from '../src/discord/render/pack-embeds.ts';
import { fitUntrusted, oneLine, safeLink } from '../src/discord/render/safe-text.ts';
import { sendAll } from '../src/discord/send-all.ts';
import { InputError } from '../src/input-error.ts';
import { canonicalUrl } from '../src/model/canonical-url.ts';

/** Enough for any newsroom's feeds; a cap keeps one server from making Herald poll the whole web. */
const MAX_SOURCES = 50;
/** One server must not make Herald hammer a publisher; the config may go lower for sources of its own. */
const MIN_INTERVAL_MINUTES = 5;

export default {
  data: new SlashCommandBuilder()
    .setName('sources')
    .setDescription('The feeds and sites this server reads')
    .setContexts(InteractionContextType.Guild)
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addSubcommand((sub) =>
      sub
        .setName('add')
        .setDescription('Add a feed or news site')
        .addStringOption((option) => option.setName('url').setDescription('The feed or page address, starting with https://').setRequired(true).setMaxLength(2000))
        .addStringOption((option) => option.setName('name').setDescription('What to call it (the feed’s own title otherwise)').setMaxLength(100))
        .addIntegerOption((option) => option.setName('every').setDescription('Minutes between reads (the configured interval otherwise)').setMinValue(MIN_INTERVAL_MINUTES).setMaxValue(1440)),
    )
    .addSubcommand((sub) =>
      sub
        .setName('remove')
        .setDescription('Stop reading a source')
        .addStringOption((option) => option.setName('url').setDescription('The source to remove').setRequired(true).setAutocomplete(true)),
    )
    .addSubcommand((sub) => sub.setName('list').setDescription('Every source this server reads')),
  async execute(request, respond, services) {
    const guildId = requireManageGuild(request);
    switch (request.subcommand()) {
      case 'add':
        return add(guildId, request, respond, services);
      case 'remove':
        return remove(guildId, request, respond, services);
      default:
        return list(guildId, request, respond, services);
    }
  },
  async autocomplete(request, services) {
    if (!request.guildId) return [];
    const typed = request.focused.value.toLowerCase();
    const { sources } = await services.guilds.get(request.guildId);
    return sources
      .filter((source) => source.url.toLowerCase().includes(typed) || source.name?.toLowerCase().includes(typed))
      .slice(0, 25)
      .map((source) => ({ name: (source.name ? `${source.name} · ${source.url}` : source.url).slice(0, 100), value: source.url.slice(0, 100) }));
  },
} satisfies Command;

async function add(guildId: string, request: CommandRequest, respond: Responder, services: Services): Promise<void> {
  const text = replyText(request.locale);
  const url = request.string('url')?.trim() ?? '';
  if (!/^https?:\/\/\S+$/i.test(url) || !URL.canParse(url)) throw new InputError(text.notASourceAddress);
  const { sources } = await services.guilds.get(guildId);
  const key = canonicalUrl(url) ?? url;
  const existing = sources.find((source) => (canonicalUrl(source.url) ?? source.url) === key);
  // Adding a disabled source again is how an admin says it is back: it is read again, under the address it had.
  if (existing && !(await services.sourceHealth(existing.url))?.disabled) throw new InputError(text.alreadyReads);
  if (!existing && sources.length >= MAX_SOURCES) throw new InputError(text.tooManySources(MAX_SOURCES));
  const every = request.integer('every') ?? existing?.intervalMinutes;
  const location = existing?.url ?? url;
  await respond.defer({ ephemeral: true });
  const found = await services.addSource(location, every === undefined ? {} : { intervalMinutes: every });
  const name = request.string('name')?.trim() || existing?.name || found.name;
  await services.guilds.update(guildId, (settings) => ({
    ...settings,
    sources: [
      ...settings.sources.filter((source) => (canonicalUrl(source.url) ?? source.url) !== key),
      { url: location, ...(name ? { name } : {}), ...(every === undefined ? {} : { intervalMinutes: every }), addedBy: existing?.addedBy ?? request.user.id, addedAt: existing?.addedAt ?? services.now().toISOString() },
    ],
  }));
  await respond.send(contentMessage(text.sourceAdded(name ? `**${fitUntrusted(oneLine(name), 100)}**` : undefined, found.articles)), { ephemeral: true });
}

async function remove(guildId: string, request: CommandRequest, respond: Responder, services: Services): Promise<void> {
  const url = request.string('url')?.trim() ?? '';
  const { sources } = await services.guilds.get(guildId);
  const key = canonicalUrl(url) ?? url;
  if (!sources.some((source) => source.url === url || (canonicalUrl(source.url) ?? source.url) === key)) throw new InputError(replyText(request.locale).doesNotRead);
  await services.guilds.update(guildId, (settings) => ({ ...settings, sources: settings.sources.filter((source) => source.url !== url && (canonicalUrl(source.url) ?? source.url) !== key) }));
  await respond.send(contentMessage(replyText(request.locale).sourceRemoved), { ephemeral: true });
}

async function list(guildId: string, request: CommandRequest, respond: Responder, services: Services): Promise<void> {
  const text = replyText(request.locale);
  const { sources } = await services.guilds.get(guildId);
  const lines = [
    ...(await Promise.all(sources.map(async (source) => `• ${safeLink(source.name ?? source.url, source.url)}${(await services.sourceHealth(source.url))?.disabled ? ` · ${text.disabledSeeStatus}` : ''}`))),
    ...services.defaultSources.map((source) => `• ${fitUntrusted(source, 200)} (${text.everyServer})`),
  ];
  await sendAll(respond, packEmbeds(listEmbeds(text.sourcesOfServer(sources.length), lines)), { ephemeral: true });
}
