import { afterEach, expect, it } from 'vitest';
import type { FollowStore } from '../../../src/deliver/follows/follow-store.ts';
import { withFollow } from '../../../src/deliver/follows/member-follows.ts';
import { describeEachEngine, engineOpener } from '../../support/store-engines.ts';

const NOW = new Date('2024-09-12T09:00:00.000Z');
const follow = (topic: string) => (record: Parameters<typeof withFollow>[0]) => withFollow(record, { topic }, NOW, 10).record;

describeEachEngine('members’ follows', (engine) => {
  const stores = engineOpener(engine);
  afterEach(() => stores.closeAll());
  const fresh = async (): Promise<FollowStore> => (await stores.fresh()).follows;

  it('starts a member with no follows', async () => {
    const follows = await fresh();
    expect(await follows.get('g1', 'u1')).toEqual({ guildId: 'g1', userId: 'u1', follows: [], sent: [], pending: [] });
  });

  it('keeps a member’s follows to that member in that server', async () => {
    const follows = await fresh();
    await follows.update('g1', 'u1', follow('North Korea'));
    expect((await follows.get('g1', 'u1')).follows.map((each) => each.topic)).toEqual(['North Korea']);
    expect((await follows.get('g1', 'u2')).follows).toEqual([]);
    expect((await follows.get('g2', 'u1')).follows).toEqual([]);
  });

  it('applies concurrent changes to one member one after another, losing none', async () => {
    const follows = await fresh();
    await Promise.all(Array.from({ length: 8 }, (_, index) => follows.update('g1', 'u1', follow(`Topic ${index}`))));
    expect((await follows.get('g1', 'u1')).follows).toHaveLength(8);
  });

  // The embedded store belongs to one process; only a shared store is opened by several.
  it.runIf(engine.name === 'postgres')('applies changes made by two processes at once one after another, losing none', async () => {
    const first = await stores.fresh();
    const second = await stores.reopen(stores.lastLocation());
    await Promise.all(Array.from({ length: 8 }, (_, index) => (index % 2 ? first : second).follows.update('g1', 'u1', follow(`Topic ${index}`))));
    expect((await first.follows.get('g1', 'u1')).follows).toHaveLength(8);
  });

  it('keeps follows for a store opened again, and lists every member once', async () => {
    const first = await stores.fresh();
    await first.follows.update('g1', 'u1', follow('Storm Agnes'));
    await first.follows.update('g2', 'u2', follow('Kim Jong Un'));
    const again = await stores.reopen(stores.lastLocation());
    const members: string[] = [];
    for await (const record of again.follows.members()) members.push(`${record.guildId}/${record.userId}`);
    expect(members.sort()).toEqual(['g1/u1', 'g2/u2']);
  });

  it('deletes a member’s record once nothing is left in it', async () => {
    const follows = await fresh();
    await follows.update('g1', 'u1', follow('Storm Agnes'));
    await follows.update('g1', 'u1', (record) => ({ ...record, follows: [] }));
    const members: string[] = [];
    for await (const record of follows.members()) members.push(record.userId);
    expect(members).toEqual([]);
  });

  it('forgets one member, or every member of a server Herald left', async () => {
    const follows = await fresh();
    await follows.update('g1', 'u1', follow('Storm Agnes'));
    await follows.update('g1', 'u2', follow('Storm Agnes'));
    await follows.update('g2', 'u1', follow('Storm Agnes'));
    await follows.forget('g1', 'u1');
    expect((await follows.get('g1', 'u1')).follows).toEqual([]);
    expect(await follows.forgetGuild('g1')).toBe(1);
    expect((await follows.get('g1', 'u2')).follows).toEqual([]);
    expect((await follows.get('g2', 'u1')).follows).toHaveLength(1);
  });
});
