import { REST, type APIApplicationCommandOption, type APIEmbed } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { deployCommands } from '../../src/discord/deploy-commands.ts';
import { channelOption, option, startHeraldOnLoopback, sub, type HeraldOnLoopback } from '../support/discord/herald-on-loopback.ts';
import { ADMIN_PERMISSIONS, MEMBER_PERMISSIONS, type CommandInput, type LoopbackDiscord, type StoredMessage } from '../support/discord/loopback-discord.ts';

const GUILD = '1200000000000000001';
const NEWS = '1300000000000000001';
/** A server where the admin commands were never registered, so a plain member can reach one, as an owner may allow. */
const OPEN_GUILD = '1200000000000000002';
const OPEN_NEWS = '1300000000000000002';

let herald: HeraldOnLoopback;
let discord: LoopbackDiscord;

beforeAll(async () => {
  const loaded = await loadConfig({ HERALD_STORE: 'memory:' });
  herald = await startHeraldOnLoopback({
    guilds: [
      { id: GUILD, name: 'Newsroom', ownerId: '1400000000000000001', channels: [{ id: NEWS, name: 'news' }] },
      { id: OPEN_GUILD, name: 'Open', ownerId: '1400000000000000001', channels: [{ id: OPEN_NEWS, name: 'general' }] },
    ],
    config: loaded,
  });
  discord = herald.discord;
  await herald.app.ingestAll();
  await herald.bot.login(discord.token);
  await deployCommands(new REST({ api: discord.apiBase }).setToken(discord.token), herald.commands, { clientId: discord.applicationId, guildId: GUILD });
}, 30_000);

afterAll(async () => {
  await herald?.close();
});

const ADMIN = { id: '1400000000000000009', username: 'rédaction' };

/** A member whose Discord is set to French, in a server whose language is English. */
const frenchMember = (input: Omit<CommandInput, 'guildId' | 'channelId' | 'locale'>): CommandInput => ({ guildId: GUILD, channelId: NEWS, permissions: MEMBER_PERMISSIONS, locale: 'fr', ...input });

async function reply(input: CommandInput): Promise<StoredMessage> {
  return (await discord.runCommand(input)).waitForOriginal();
}

function text(message: StoredMessage): string {
  const embeds = (message.embeds ?? []) as APIEmbed[];
  return [message.content ?? '', ...embeds.flatMap((embed) => [embed.author?.name ?? '', embed.title ?? '', embed.description ?? '', embed.footer?.text ?? ''])].join('\n');
}

describe('a command in French', () => {
  it('is registered with its French name and description, and its options’ too', () => {
    const news = discord.commands(GUILD).find((command) => command.name === 'news');
    const topic = news?.options?.find((each) => each.name === 'topic') as APIApplicationCommandOption | undefined;

    expect(news?.name_localizations).toMatchObject({ fr: 'actualités', 'es-ES': 'noticias', 'es-419': 'noticias', de: 'nachrichten', 'pt-BR': 'notícias' });
    expect(news?.description_localizations?.fr).toBe('Un point sur un sujet : les derniers articles, une synthèse et quoi lire ensuite');
    expect(topic?.name_localizations?.fr).toBe('sujet');
  });

  it('answers /news with Herald’s labels in French and the articles in their own words', async () => {
    const answer = await reply(frenchMember({ name: 'news', options: [option('topic', 'north korea')] }));
    const shown = text(answer);

    expect(answer.content).toBe('**Le point sur : north korea**');
    expect(shown).toContain('Kim Jong');
    expect(shown).toMatch(/\*\*Également chez\*\* /);
    expect(shown).not.toMatch(/Also reported by|Also read|Overview|Briefing:/);
  });

  it('answers /topics with French labels around the topics as the articles name them', async () => {
    const shown = text(await reply(frenchMember({ name: 'topics' })));

    expect(shown).toContain('Tendances du moment');
    expect(shown).toMatch(/\*\*Kim Jong Un\*\* · \d+ articles de 3 sources/);
  });

  it('answers /help in French, naming the commands as a French Discord shows them', async () => {
    const shown = text(await reply(frenchMember({ name: 'help' })));

    expect(shown).toContain('**Pour tout le monde**');
    expect(shown).toContain('`/actualités sujet:` le point sur un sujet');
    expect(shown).toContain('`/programmation définir|modifier|liste|aperçu|envoyer-maintenant|pause|reprendre|retirer|langue`');
  });

  it('explains a missing topic in French, privately', async () => {
    const answer = await reply(frenchMember({ name: 'news', options: [option('topic', '   ')] }));

    expect(answer.flags! & 64).toBe(64);
    expect(answer.content).toBe('⚠️ Indiquez un sujet, par exemple /actualités sujet:corée du nord');
  });

  it('says in French that the sources hold nothing on a question, quoting the question as asked', async () => {
    const answer = await reply(frenchMember({ name: 'ask', options: [option('question', 'Qui a gagné la finale olympique de natation ?')] }));

    expect(answer.content).toBe('Je n’ai rien trouvé dans les sources de ce serveur sur «\u00a0Qui a gagné la finale olympique de natation ?\u00a0».');
  });

  it('refuses an admin command in French to a member without Manage Server', async () => {
    const answer = await reply({ guildId: OPEN_GUILD, channelId: OPEN_NEWS, permissions: MEMBER_PERMISSIONS, locale: 'fr', name: 'sources', options: [sub('list')] });

    expect(answer.content).toBe('⚠️ Il vous faut la permission Gérer le serveur pour changer les sources et programmations de Herald.');
  });

  it('answers the same command in English for a member whose Discord is in a language Herald has no words for', async () => {
    const answer = await reply({ ...frenchMember({ name: 'news', options: [option('topic', 'north korea')] }), locale: 'ja' });

    expect(answer.content).toBe('**Briefing: north korea**');
  });
});

describe('an admin in German', () => {
  const germanAdmin = (input: Omit<CommandInput, 'guildId' | 'channelId' | 'locale'>): CommandInput => ({ guildId: GUILD, channelId: NEWS, user: ADMIN, permissions: ADMIN_PERMISSIONS, locale: 'de', ...input });

  it('sets a schedule and reads it back in German, the time zone and channel as they are', async () => {
    const set = await reply(germanAdmin({ name: 'schedule', options: [sub('set', [channelOption('channel', NEWS), option('time', '08:00'), option('timezone', 'Europe/Berlin'), option('max-items', 3)])] }));

    expect(set.content).toMatch(new RegExp(`^Geplant: <#${NEWS}> um 08:00 \\(Europe/Berlin\\), bis zu 3 Meldungen\\. Die erste geht <t:\\d+:R> raus\\.$`));
    expect(text(await reply(germanAdmin({ name: 'schedule', options: [sub('list')] })))).toMatch(/Zeitpläne\n• `\w+` <#\d+> um 08:00 \(Europe\/Berlin\), bis zu 3 Meldungen · nächste <t:\d+:R>/);
  });

  it('shows /status with German labels', async () => {
    const shown = text(await reply(germanAdmin({ name: 'status' })));

    expect(shown).toMatch(/Herald-Status\n\*\*Gespeicherte Artikel:\*\* \d+/);
    expect(shown).toContain('**Quellen**');
    expect(shown).toMatch(/\(alle Server\): gelesen <t:\d+:R>, nächste <t:\d+:R>/);
  });
});
