import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createKeyvDeliveryJournal, type DeliveryRun } from '../../src/deliver/delivery-journal.ts';
import { openStore } from '../../src/store/open-store.ts';

const DAY = 86_400_000;
const folder = await mkdtemp(path.join(tmpdir(), 'herald-journal-'));

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

function run(scheduleId: string, slot: string, status: DeliveryRun['status'] = 'pending'): DeliveryRun {
  return { scheduleId, guildId: 'g1', channelId: 'c1', slot, status, messages: [], nonces: [], messageIds: [], articleIds: [], stories: 0, startedAt: `${slot}:00.000Z` };
}

describe('delivery journal', () => {
  it('lists a schedule’s unfinished runs oldest first, and forgets each once it is sent', async () => {
    const store = await openStore('memory:');
    const journal = createKeyvDeliveryJournal(store, 30 * DAY);
    await journal.save(run('s1', '2024-09-13T08:00'));
    await journal.save(run('s1', '2024-09-12T08:00'));
    expect((await journal.unfinished('s1')).map((entry) => entry.slot)).toEqual(['2024-09-12T08:00', '2024-09-13T08:00']);
    await journal.save(run('s1', '2024-09-12T08:00', 'sent'));
    expect((await journal.unfinished('s1')).map((entry) => entry.slot)).toEqual(['2024-09-13T08:00']);
    await journal.save(run('s1', '2024-09-13T08:00', 'failed'));
    expect(await journal.unfinished('s1')).toEqual([]);
    await store.close();
  });

  it('does not list another schedule’s runs', async () => {
    const store = await openStore('memory:');
    const journal = createKeyvDeliveryJournal(store, 30 * DAY);
    await journal.save(run('s2', '2024-09-12T08:00'));
    expect(await journal.unfinished('s1')).toEqual([]);
    await store.close();
  });

  it('still lists an unfinished run after the SQLite store is reopened', async () => {
    const file = path.join(folder, 'journal.sqlite');
    const first = await openStore(file);
    await createKeyvDeliveryJournal(first, 30 * DAY).save(run('s1', '2024-09-12T08:00'));
    await first.close();
    const again = await openStore(file);
    expect((await createKeyvDeliveryJournal(again, 30 * DAY).unfinished('s1')).map((entry) => entry.slot)).toEqual(['2024-09-12T08:00']);
    await again.close();
  });
});
