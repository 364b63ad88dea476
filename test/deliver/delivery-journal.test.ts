import { afterEach, expect, it } from 'vitest';
import type { DeliveryRun } from '../../src/deliver/delivery-journal.ts';
import { describeEachEngine, engineOpener } from '../support/store-engines.ts';

function run(scheduleId: string, slot: string, status: DeliveryRun['status'] = 'pending'): DeliveryRun {
  return { scheduleId, guildId: 'g1', channelId: 'c1', slot, status, messages: [], nonces: [], messageIds: [], articleIds: [], stories: 0, startedAt: `${slot}:00.000Z` };
}

describeEachEngine('delivery journal', (engine) => {
  const stores = engineOpener(engine);
  afterEach(() => stores.closeAll());

  it('lists a schedule’s unfinished runs oldest first, and forgets each once it is sent', async () => {
    const { journal } = await stores.fresh();
    await journal.save(run('s1', '2024-09-13T08:00'));
    await journal.save(run('s1', '2024-09-12T08:00'));
    expect((await journal.unfinished('s1')).map((entry) => entry.slot)).toEqual(['2024-09-12T08:00', '2024-09-13T08:00']);
    await journal.save(run('s1', '2024-09-12T08:00', 'sent'));
    expect((await journal.unfinished('s1')).map((entry) => entry.slot)).toEqual(['2024-09-13T08:00']);
    await journal.save(run('s1', '2024-09-13T08:00', 'failed'));
    expect(await journal.unfinished('s1')).toEqual([]);
  });

  it('does not list another schedule’s runs', async () => {
    const { journal } = await stores.fresh();
    await journal.save(run('s2', '2024-09-12T08:00'));
    expect(await journal.unfinished('s1')).toEqual([]);
  });

  it('still lists an unfinished run after the store is reopened', async () => {
    const first = await stores.fresh();
    await first.journal.save(run('s1', '2024-09-12T08:00'));
    await first.close();
    const again = await stores.reopen(stores.lastLocation());
    expect((await again.journal.unfinished('s1')).map((entry) => entry.slot)).toEqual(['2024-09-12T08:00']);
  });

  it('gives back a run’s messages exactly as they were written, to be sent again with the same nonces', async () => {
    const { journal } = await stores.fresh();
    const written: DeliveryRun = { ...run('s1', '2024-09-12T08:00'), messages: [{ content: 'Top stories', embeds: [{ url: 'https://a.example/', title: 'A', description: 'B' }], allowed_mentions: { parse: [] } }], nonces: ['n1'] };
    await journal.save(written);
    expect(JSON.stringify(await journal.get('s1', '2024-09-12T08:00'))).toBe(JSON.stringify(written));
  });

  it('tells when a schedule last finished a run, whatever it posted', async () => {
    const { journal } = await stores.fresh();
    expect(await journal.lastFinished('s1')).toBeUndefined();
    await journal.save({ ...run('s1', '2024-09-12T08:00', 'sent'), finishedAt: '2024-09-12T08:00:05.000Z' });
    await journal.save({ ...run('s1', '2024-09-13T08:00', 'empty'), finishedAt: '2024-09-13T08:00:01.000Z' });
    expect(await journal.lastFinished('s1')).toBe('2024-09-13T08:00:01.000Z');
  });
});
