import { afterEach, expect, it } from 'vitest';
import { Newsroom } from '../../src/brief/newsroom.ts';
import { createExtractiveSummarizer } from '../../src/brief/summarize/extractive-summarizer.ts';
import { createDigestComposer } from '../../src/deliver/digest-composer.ts';
import { createDigestScheduler } from '../../src/deliver/digest-scheduler.ts';
import { PostRefused, type Poster } from '../../src/deliver/poster.ts';
import { createStoryUpdater, type StoryUpdater } from '../../src/deliver/updates/story-updater.ts';
import type { MessagePayload } from '../../src/discord/render/message-payload.ts';
import type { Schedule } from '../../src/store/guild-settings-repository.ts';
import type { StoreEngine } from '../../src/store/store-engine.ts';
import { damReport, type DamReport } from '../support/dam-reports.ts';
import { describeEachEngine, engineOpener, type EngineUnderTest } from '../support/store-engines.ts';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const HOUR = 3_600_000;
const FEED = 'https://news.example/feed.xml';
const SCHEDULE: Schedule = { id: 's1', channelId: 'c1', crons: ['0 8 * * *'], when: '08:00', timezone: 'UTC', topics: [], maxItems: 5, createdBy: 'admin', createdAt: '2026-12-01T00:00:00.000Z' };

/**
 * Discord as far as posting goes: messages by channel, threads opened on messages (one per message, with its id),
 * forum posts, and enforce_nonce within a few minutes. `lostReplies` posts a message and then fails, as a
 * connection that drops before the answer arrives.
 */
function fakeDiscord() {
  const posts: Array<{ channelId: string; message: MessagePayload; nonce: string; id: string }> = [];
  const threads: Array<{ channelId: string; messageId: string; name: string }> = [];
  const nonces = { lostReplies: 0 };
  const deleted = new Set<string>();
  const poster: Poster = {
    async post(channelId, message, nonce) {
      const earlier = posts.find((post) => post.nonce === nonce);
      if (earlier) return { messageId: earlier.id };
      const id = `m${posts.length + 1}`;
      posts.push({ channelId, message, nonce, id });
      if (nonces.lostReplies > 0) {
        nonces.lostReplies -= 1;
        throw new Error('socket hang up');
      }
      return { messageId: id };
    },
    async startThread(_forumId, _title, message) {
      const id = `post-${posts.length + 1}`;
      posts.push({ channelId: id, message, nonce: '', id });
      return { threadId: id, messageId: id };
    },
    async openThread(channelId, messageId, name) {
      if (deleted.has(messageId)) throw new PostRefused('the digest message was deleted');
      if (!threads.some((thread) => thread.messageId === messageId)) threads.push({ channelId, messageId, name });
      return { threadId: messageId };
    },
    async findPosted(channelId, message) {
      return posts.find((post) => post.channelId === channelId && JSON.stringify(post.message) === JSON.stringify(message))?.id;
    },
    async blocker() {
      return undefined;
    },
  };
  const updates = () => posts.filter((post) => post.message.content?.startsWith('🔄'));
  return { poster, posts, threads, nonces, deleted, updates };
}

function harness(engine: EngineUnderTest) {
  const stores = engineOpener(engine);
  const updaters: StoryUpdater[] = [];
  afterEach(async () => {
    for (const updater of updaters.splice(0)) await updater.stop();
    await stores.closeAll();
  });

  return async function setUp(options: { location?: string; schedule?: Schedule; discord?: ReturnType<typeof fakeDiscord>; clock?: { at: Date } } = {}) {
    const clock = options.clock ?? { at: new Date('2026-12-06T08:00:00Z') };
    const store: StoreEngine = options.location ? await stores.reopen(options.location, { now: () => clock.at }) : await stores.fresh({ now: () => clock.at });
    const location = options.location ?? stores.lastLocation();
    const newsroom = new Newsroom({ catalog: store.catalog, summarizer: createExtractiveSummarizer(), now: () => clock.at });
    const schedule = options.schedule ?? SCHEDULE;
    await store.guilds.update('g1', (settings) => ({ ...settings, schedules: [schedule] }));
    const discord = options.discord ?? fakeDiscord();
    const shared = { guilds: store.guilds, newsroom, defaultSources: [FEED], poster: discord.poster, deliveries: store.deliveries, leases: store.leases, logger: quiet, now: () => clock.at };
    const scheduler = createDigestScheduler({ ...shared, compose: createDigestComposer({ newsroom, defaultSources: [FEED], deliveries: store.deliveries }), journal: store.journal, dueSlots: store.dueSlots, catchUpGraceMs: 0, sleep: async () => undefined });
    const updater = createStoryUpdater({ ...shared, updates: store.storyUpdates, rules: { minIntervalMs: 3 * HOUR, maxAgeMs: 24 * HOUR } });
    updaters.push(updater);
    /** A report arriving now from the news feed. */
    const arrives = async (...names: DamReport[]) => {
      for (const name of names) await store.articles.add({ ...(await damReport(name, clock.at)), source: { kind: 'feed', location: FEED } });
    };
    const later = (hours: number) => {
      clock.at = new Date(clock.at.getTime() + hours * HOUR);
    };
    /** The Coastline Post's report goes out in the 08:00 digest; two hours later another report (the Harbour Times' unless given) arrives. */
    const deliveredThenReported = async (next: DamReport = 'harbour-dam', hours = 2) => {
      await arrives('coastline-dam');
      await scheduler.run('g1', schedule, '2026-12-06T08:00');
      later(hours);
      await arrives(next);
    };
    return { store, location, clock, discord, schedule, scheduler, updater, arrives, later, deliveredThenReported };
  };
}

describeEachEngine('story updates', (engine) => {
  const setUp = harness(engine);

  it('posts one update in a thread on the digest message when a second site reports a story the channel was sent', async () => {
    const { scheduler, updater, discord, arrives, later } = await setUp();
    await arrives('coastline-dam', 'library');
    expect(await scheduler.run('g1', SCHEDULE, '2026-12-06T08:00')).toBe(2);
    later(2);
    await arrives('harbour-dam');
    expect(await updater.check('g1', SCHEDULE)).toBe(1);
    expect(await updater.check('g1', SCHEDULE)).toBe(0);
    expect(discord.threads).toEqual([{ channelId: 'c1', messageId: 'm1', name: 'Updates: Valley dam spillway cracks force evacuation of Millbrook' }]);
    expect(discord.updates()).toEqual([expect.objectContaining({ channelId: 'm1' })]);
    expect(discord.updates()[0]!.message.content).toContain('Harbour Times now reports it. New: 4,000 evacuated, 1.2 metres, Ana Ruiz.');
    expect(discord.updates()[0]!.message.content).toContain('(https://harbour.example/millbrook-dam-evacuation)');
  });

  it('records the update’s reports as sent, so no digest posts them as a new story', async () => {
    const { scheduler, updater, store, deliveredThenReported } = await setUp();
    await deliveredThenReported();
    await updater.check('g1', SCHEDULE);
    const harbour = await damReport('harbour-dam');
    expect((await store.deliveries.sentTo('c1')).has(harbour.id)).toBe(true);
    expect(await scheduler.run('g1', SCHEDULE, '2026-12-07T08:00')).toBe(0);
  });

  it('posts nothing for a copy of the text the channel was sent', async () => {
    const { updater, discord, deliveredThenReported } = await setUp();
    await deliveredThenReported('gazette-dam');
    expect(await updater.check('g1', SCHEDULE)).toBe(0);
    expect(discord.updates()).toEqual([]);
    expect(discord.threads).toEqual([]);
  });

  it('finishes an update cut short after a restart on the same store, and it is posted exactly once', async () => {
    const discord = fakeDiscord();
    const first = await setUp({ discord });
    await first.deliveredThenReported();
    discord.nonces.lostReplies = 1;
    await expect(first.updater.check('g1', SCHEDULE)).rejects.toThrow('socket hang up');
    await first.store.close();
    const second = await setUp({ discord, location: first.location, clock: first.clock });
    expect(await second.updater.check('g1', SCHEDULE)).toBe(1);
    expect(await second.updater.check('g1', SCHEDULE)).toBe(0);
    expect(discord.updates()).toHaveLength(1);
  });

  it('in a forum, posts the update inside the digest’s post', async () => {
    const forum = { ...SCHEDULE, forum: true };
    const { updater, discord, deliveredThenReported } = await setUp({ schedule: forum });
    await deliveredThenReported();
    expect(await updater.check('g1', forum)).toBe(1);
    expect(discord.threads).toEqual([]);
    expect(discord.updates()).toEqual([expect.objectContaining({ channelId: 'post-1' })]);
  });

  it('waits the minimum interval between two updates of a story, then posts the next in the same thread', async () => {
    const { updater, discord, arrives, later, deliveredThenReported } = await setUp();
    await deliveredThenReported('harbour-dam', 1);
    expect(await updater.check('g1', SCHEDULE)).toBe(1);
    later(1);
    await arrives('gazette-dam', 'coastline-dam-latest');
    expect(await updater.check('g1', SCHEDULE)).toBe(0);
    later(2);
    expect(await updater.check('g1', SCHEDULE)).toBe(1);
    expect(discord.updates().map((post) => post.channelId)).toEqual(['m1', 'm1']);
  });

  it('gives up an update whose digest message was deleted, without holding back the channel’s other updates', async () => {
    const { updater, discord, store, deliveredThenReported } = await setUp();
    discord.deleted.add('m1');
    await deliveredThenReported();
    expect(await updater.check('g1', SCHEDULE)).toBe(0);
    expect(await store.storyUpdates.unfinished('c1')).toEqual([]);
    expect((await store.storyUpdates.about('c1', (await damReport('harbour-dam')).id)).map((update) => [update.status, update.failure])).toEqual([['failed', 'the digest message was deleted']]);
    expect(await updater.check('g1', SCHEDULE)).toBe(0);
  });

  it('posts no update for a story first sent more than a day ago', async () => {
    const { updater, discord, deliveredThenReported } = await setUp();
    await deliveredThenReported('harbour-dam', 25);
    expect(await updater.check('g1', SCHEDULE)).toBe(0);
    expect(discord.updates()).toEqual([]);
  });

  it('posts no update for a schedule whose admin turned updates off', async () => {
    const off = { ...SCHEDULE, updates: false as const };
    const { updater, discord, deliveredThenReported } = await setUp({ schedule: off });
    await deliveredThenReported();
    expect(await updater.checkAll()).toBe(0);
    expect(discord.updates()).toEqual([]);
  });

  it('posts no update for a schedule an admin paused', async () => {
    const held = { ...SCHEDULE, onHold: { by: 'admin', at: '2024-09-12T09:00:00.000Z' } };
    const { updater, discord, deliveredThenReported } = await setUp({ schedule: held });
    await deliveredThenReported();
    expect(await updater.checkAll()).toBe(0);
    expect(discord.updates()).toEqual([]);
  });

  it('lists the updates sent for a story from any of its articles', async () => {
    const { updater, store, deliveredThenReported } = await setUp();
    await deliveredThenReported();
    await updater.check('g1', SCHEDULE);
    for (const name of ['coastline-dam', 'harbour-dam'] as const) {
      const updates = await store.storyUpdates.about('c1', (await damReport(name)).id);
      expect(updates.map((update) => [update.status, update.sources.map((source) => source.publisher)])).toEqual([['sent', ['Harbour Times']]]);
    }
  });

  it.runIf(engine.name === 'postgres')('posts one update when several processes look at the channel at once', async () => {
    const discord = fakeDiscord();
    const first = await setUp({ discord });
    await first.deliveredThenReported();
    const others = await Promise.all([1, 2].map(() => setUp({ discord, location: first.location, clock: first.clock })));
    const posted = await Promise.all([first, ...others].map((process) => process.updater.check('g1', SCHEDULE)));
    expect(posted.reduce((sum, count) => sum + count, 0)).toBe(1);
    expect(discord.updates()).toHaveLength(1);
  });
});
