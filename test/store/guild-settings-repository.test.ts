import { afterEach, expect, it } from 'vitest';
import type { GuildSettingsRepository } from '../../src/store/guild-settings-repository.ts';
import { describeEachEngine, engineOpener } from '../support/store-engines.ts';

const source = (url: string) => ({ url, addedBy: 'admin', addedAt: '2024-09-12T09:00:00.000Z' });

describeEachEngine('guild settings', (engine) => {
  const stores = engineOpener(engine);
  afterEach(() => stores.closeAll());
  const fresh = async (): Promise<GuildSettingsRepository> => (await stores.fresh()).guilds;

  it('starts a server with no sources and no schedules', async () => {
    const guilds = await fresh();
    expect(await guilds.get('1')).toEqual({ guildId: '1', sources: [], schedules: [] });
  });

  it('keeps each server’s changes to that server', async () => {
    const guilds = await fresh();
    await guilds.update('1', (settings) => ({ ...settings, sources: [source('https://a.example/feed')] }));
    expect((await guilds.get('2')).sources).toEqual([]);
  });

  it('applies concurrent changes to one server one after another, losing none', async () => {
    const guilds = await fresh();
    await Promise.all(Array.from({ length: 10 }, (_, index) => guilds.update('1', (settings) => ({ ...settings, sources: [...settings.sources, source(`https://${index}.example/feed`)] }))));
    expect((await guilds.get('1')).sources).toHaveLength(10);
  });

  // The embedded store belongs to one process; only a shared store is opened by several.
  it.runIf(engine.name === 'postgres')('applies changes made by two processes at once one after another, losing none', async () => {
    const first = await stores.fresh();
    const second = await stores.reopen(stores.lastLocation());
    await Promise.all(
      Array.from({ length: 10 }, (_, index) => (index % 2 ? first : second).guilds.update('1', (settings) => ({ ...settings, sources: [...settings.sources, source(`https://${index}.example/feed`)] }))),
    );
    expect((await first.guilds.get('1')).sources).toHaveLength(10);
  });

  it('keeps the language a schedule is read in and the server’s locale, for a store opened again', async () => {
    const first = await stores.fresh();
    const schedule = { id: 's1', channelId: '10', crons: ['0 8 * * *'], when: '08:00', timezone: 'UTC', topics: [], maxItems: 5, language: 'fr', createdBy: 'admin', createdAt: '2024-09-12T09:00:00.000Z' };
    await first.guilds.update('1', (settings) => ({ ...settings, locale: 'pt-BR', schedules: [schedule] }));
    const again = await stores.reopen(stores.lastLocation());
    expect(await again.guilds.get('1')).toMatchObject({ locale: 'pt-BR', schedules: [{ id: 's1', language: 'fr' }] });
  });

  it('lists every server with settings', async () => {
    const guilds = await fresh();
    await guilds.update('1', (settings) => settings);
    await guilds.update('2', (settings) => settings);
    const ids: string[] = [];
    for await (const settings of guilds.all()) ids.push(settings.guildId);
    expect(ids.sort()).toEqual(['1', '2']);
  });

  it('tells a process every server at first, then every change since', async () => {
    const guilds = await fresh();
    await guilds.update('1', (settings) => settings);
    await guilds.update('2', (settings) => settings);
    const first = await guilds.changedSince();
    expect(first.changed.map((settings) => settings.guildId).sort()).toEqual(['1', '2']);
    await guilds.update('2', (settings) => ({ ...settings, sources: [source('https://b.example/feed')] }));
    const next = await guilds.changedSince(first.cursor);
    expect(next.changed.find((settings) => settings.guildId === '2')?.sources).toEqual([source('https://b.example/feed')]);
  });

  // The embedded store answers with every server each time, which one process's store can afford.
  it.runIf(engine.name === 'postgres')('tells a process only the servers changed since it last asked', async () => {
    const guilds = await fresh();
    await guilds.update('1', (settings) => settings);
    const { cursor } = await guilds.changedSince();
    await guilds.update('2', (settings) => settings);
    expect((await guilds.changedSince(cursor)).changed.map((settings) => settings.guildId)).toEqual(['2']);
  });
});
