import { afterEach, describe, expect, it } from 'vitest';
import { createKeyvDeliveryJournal, type DeliveryRun } from '../../src/deliver/delivery-journal.ts';
import { openStore } from '../../src/store/open-store.ts';
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

/**
 * The index of pending slots is how a run finds unfinished ones without reading a month of every channel's runs;
 * its collections are the stored layout, read here as a store written by an older Herald would be.
 */
describe('delivery journal: the index of pending runs', () => {
  const DAY = 86_400_000;
  async function journalOnMemory() {
    const store = await openStore('memory:');
    return { journal: createKeyvDeliveryJournal(store, 30 * DAY), index: store.collection<string[]>('delivery_pending'), runs: store.collection<DeliveryRun>('delivery_runs') };
  }

  it('lists each pending slot once, however often its run is saved, and drops a schedule once none is pending', async () => {
    const { journal, index } = await journalOnMemory();
    await journal.save(run('s1', '2024-09-12T08:00'));
    await journal.save(run('s1', '2024-09-13T08:00'));
    await journal.save({ ...run('s1', '2024-09-12T08:00'), messageIds: ['m1'] });
    expect(await index.get('s1')).toEqual(['2024-09-12T08:00', '2024-09-13T08:00']);
    await journal.save(run('s1', '2024-09-12T08:00', 'sent'));
    expect(await index.get('s1')).toEqual(['2024-09-13T08:00']);
    await journal.save(run('s1', '2024-09-13T08:00', 'empty'));
    expect(await index.get('s1')).toBeUndefined();
  });

  it('lists no slot for a run that finished at its first save', async () => {
    const { journal, index } = await journalOnMemory();
    await journal.save(run('s1', '2024-09-12T08:00', 'empty'));
    expect(await index.get('s1')).toBeUndefined();
  });

  it('passes over a slot the index still lists whose run finished before the index was told, or was let go', async () => {
    const { journal, index, runs } = await journalOnMemory();
    await journal.save(run('s1', '2024-09-12T08:00'));
    await journal.save(run('s1', '2024-09-14T08:00'));
    // A crash between the run's write and the index's: the run is sent, the index still lists it.
    await runs.set('s1 2024-09-12T08:00', run('s1', '2024-09-12T08:00', 'sent'));
    await index.set('s1', ['2024-09-12T08:00', '2024-09-13T08:00', '2024-09-14T08:00']);
    expect((await journal.unfinished('s1')).map((entry) => entry.slot)).toEqual(['2024-09-14T08:00']);
  });

  it('keeps when the schedule last finished while a later run is pending', async () => {
    const { journal } = await journalOnMemory();
    await journal.save({ ...run('s1', '2024-09-12T08:00', 'sent'), finishedAt: '2024-09-12T08:00:05.000Z' });
    await journal.save(run('s1', '2024-09-13T08:00'));
    expect(await journal.lastFinished('s1')).toBe('2024-09-12T08:00:05.000Z');
  });
});
