import { PermissionFlagsBits } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { Newsroom } from '../../src/brief/newsroom.ts';
import { createExtractiveSummarizer } from '../../src/brief/summarize/extractive-summarizer.ts';
import type { Services } from '../../src/discord/command.ts';
import { articleInScope, guildScope, readers, requireGuild, requireManageGuild, requirePoster } from '../../src/discord/guild-access.ts';
import { ENGLISH } from '../../src/discord/i18n/english.ts';
import { replyText } from '../../src/discord/i18n/reply-text.ts';
import { buildArticle } from '../../src/ingest/build-article.ts';
import { openEmbeddedEngine } from '../../src/store/embedded-engine.ts';
import type { StoreEngine } from '../../src/store/store-engine.ts';
import { commandRequest } from '../support/command-request.ts';

const { ManageGuild, Administrator, SendMessages, EmbedLinks, ViewChannel } = PermissionFlagsBits;

const request = commandRequest;

describe('requireGuild', () => {
  it('gives the server a command was used in', () => {
    expect(requireGuild(request({ guildId: 'g7' }))).toBe('g7');
  });

  it('refuses a command used in a direct message, in the user’s language', () => {
    expect(() => requireGuild(request({ guildId: null }))).toThrow(ENGLISH.serversOnly);
    expect(() => requireGuild(request({ guildId: null, locale: 'fr' }))).toThrow(replyText('fr').serversOnly);
  });
});

describe('requireManageGuild', () => {
  it('lets a member with Manage Server change what the server reads', () => {
    expect(requireManageGuild(request({ memberPermissions: ManageGuild | ViewChannel }))).toBe('g1');
  });

  it('lets an administrator through though Discord spells out no Manage Server bit', () => {
    expect(requireManageGuild(request({ memberPermissions: Administrator }))).toBe('g1');
  });

  it('refuses a member granted the command without Manage Server', () => {
    expect(() => requireManageGuild(request({ memberPermissions: SendMessages | EmbedLinks | ViewChannel }))).toThrow(ENGLISH.needsManageServer);
  });

  it('refuses a direct message before looking at permissions', () => {
    expect(() => requireManageGuild(request({ guildId: null, memberPermissions: ManageGuild }))).toThrow(ENGLISH.serversOnly);
  });
});

describe('requirePoster', () => {
  it('lets a member who may post links have Herald post for them', () => {
    expect(() => requirePoster(request({ memberPermissions: SendMessages | EmbedLinks }))).not.toThrow();
  });

  it('lets an administrator have Herald post for them', () => {
    expect(() => requirePoster(request({ memberPermissions: Administrator }))).not.toThrow();
  });

  it.each([
    ['may post but not embed links', SendMessages],
    ['may embed links but not post', EmbedLinks],
    ['may do neither', ViewChannel],
  ])('refuses a member who %s', (_case, permissions) => {
    expect(() => requirePoster(request({ memberPermissions: permissions }))).toThrow(ENGLISH.cannotPostForYou);
  });
});

describe('readers', () => {
  it('reads a briefing in the language of the server', () => {
    expect(readers(request({ guildLocale: 'fr' }))).toEqual({ language: 'fr' });
    expect(readers(request({ guildLocale: 'pt-BR' }))).toEqual({ language: 'pt' });
  });

  it('names no language where the server gives none', () => {
    expect(readers(request())).toEqual({});
  });
});

describe('what a server may read', () => {
  const engines: StoreEngine[] = [];
  afterEach(async () => {
    await Promise.all(engines.splice(0).map((engine) => engine.close()));
  });

  const SHARED = 'https://wire.example/feed.xml';
  const OURS = 'https://harbour.example/feed.xml';
  const THEIRS = 'https://elsewhere.example/feed.xml';
  const now = new Date('2024-09-12T09:00:00Z');

  /** Server g1 reads the shared wire and its own harbour feed; server g2 reads a feed of its own. */
  async function servers() {
    const engine = await openEmbeddedEngine('memory:', { retentionMs: 30 * 86_400_000, now: () => now });
    engines.push(engine);
    const newsroom = new Newsroom({ catalog: engine.catalog, summarizer: createExtractiveSummarizer(), now: () => now });
    const own = (url: string) => ({ url, addedBy: 'admin', addedAt: now.toISOString() });
    await engine.guilds.update('g1', (settings) => ({ ...settings, sources: [own(OURS)] }));
    await engine.guilds.update('g2', (settings) => ({ ...settings, sources: [own(THEIRS)] }));
    const services = { newsroom, guilds: engine.guilds, defaultSources: [SHARED] } as Pick<Services, 'newsroom' | 'guilds' | 'defaultSources'> as Services;
    const keep = async (title: string, location: string) => {
      const article = buildArticle({ title, url: `${new URL(location).origin}/${encodeURIComponent(title)}`, paragraphs: [`${title}, as the paper reported it this morning.`], alsoRead: [] }, { source: { kind: 'feed', location }, fetchedAt: now });
      await engine.articles.add(article);
      return article;
    };
    return { services, keep };
  }

  it('is the sources every server shares and the server’s own', async () => {
    const { services } = await servers();
    expect(await guildScope(request(), services)).toEqual({ sourceLocations: [SHARED, OURS] });
  });

  it('gives a button’s article from a source the server reads', async () => {
    const { services, keep } = await servers();
    const shared = await keep('Ferry strike ends', SHARED);
    const ours = await keep('Harbour dredging begins', OURS);
    expect((await articleInScope(request(), services, shared.id)).id).toBe(shared.id);
    expect((await articleInScope(request(), services, ours.id)).id).toBe(ours.id);
  });

  it('answers for another server’s article as for one no longer kept', async () => {
    const { services, keep } = await servers();
    const theirs = await keep('Council meets on parking', THEIRS);
    await expect(articleInScope(request(), services, theirs.id)).rejects.toThrow(ENGLISH.articleGone);
    await expect(articleInScope(request(), services, 'no-such-article')).rejects.toThrow(ENGLISH.articleGone);
  });
});
