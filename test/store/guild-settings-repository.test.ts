import { describe, expect, it } from 'vitest';
import { createKeyvGuildSettingsRepository } from '../../src/store/guild-settings-repository.ts';
import { openStore } from '../../src/store/open-store.ts';

const source = (url: string) => ({ url, addedBy: 'admin', addedAt: '2024-09-12T09:00:00.000Z' });

describe('guild settings', () => {
  it('starts a server with no sources and no schedules', async () => {
    const guilds = createKeyvGuildSettingsRepository(await openStore('memory:'));
    expect(await guilds.get('1')).toEqual({ guildId: '1', sources: [], schedules: [] });
  });

  it('keeps each server’s changes to that server', async () => {
    const guilds = createKeyvGuildSettingsRepository(await openStore('memory:'));
    await guilds.update('1', (settings) => ({ ...settings, sources: [source('https://a.example/feed')] }));
    expect((await guilds.get('2')).sources).toEqual([]);
  });

  it('applies concurrent changes to one server one after another, losing none', async () => {
    const guilds = createKeyvGuildSettingsRepository(await openStore('memory:'));
    await Promise.all(Array.from({ length: 10 }, (_, index) => guilds.update('1', (settings) => ({ ...settings, sources: [...settings.sources, source(`https://${index}.example/feed`)] }))));
    expect((await guilds.get('1')).sources).toHaveLength(10);
  });

  it('lists every server with settings', async () => {
    const guilds = createKeyvGuildSettingsRepository(await openStore('memory:'));
    await guilds.update('1', (settings) => settings);
    await guilds.update('2', (settings) => settings);
    const ids: string[] = [];
    for await (const settings of guilds.all()) ids.push(settings.guildId);
    expect(ids.sort()).toEqual(['1', '2']);
  });
});
