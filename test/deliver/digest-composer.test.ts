import { afterEach, expect, it } from 'vitest';
import { Newsroom } from '../../src/brief/newsroom.ts';
import { createExtractiveSummarizer } from '../../src/brief/summarize/extractive-summarizer.ts';
import { createDigestComposer } from '../../src/deliver/digest-composer.ts';
import { createDigestScheduler, type DigestScheduler } from '../../src/deliver/digest-scheduler.ts';
import { buildArticle } from '../../src/ingest/build-article.ts';
import type { Article } from '../../src/model/article.ts';
import type { Schedule } from '../../src/store/guild-settings-repository.ts';
import type { StoreEngine } from '../../src/store/store-engine.ts';
import { fakeDiscord } from '../support/fake-poster.ts';
import { DETAILS, STORIES } from '../support/local-stories.ts';
import { describeEachEngine, engineOpener, type EngineUnderTest } from '../support/store-engines.ts';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

function article(title: string, paragraph: string, fetchedAt: Date, location = 'https://wire.example/feed.xml', alsoRead: Article['alsoRead'] = []) {
  return buildArticle({ title, url: `https://wire.example/${encodeURIComponent(title)}`, paragraphs: [paragraph], alsoRead }, { source: { kind: 'feed', location }, fetchedAt });
}

/**
 * Twelve stories that share no names, with headlines and the publisher's own "also read" links so long that a
 * digest of ten cannot fit one message's 6,000 characters.
 */
function unrelatedStories(fetchedAt: Date) {
  return STORIES.map(([title, body], index) =>
    article(`${title}: ${DETAILS[index]}`, `${body} ${DETAILS[index]} ${DETAILS[(index + 3) % DETAILS.length]}`, fetchedAt, undefined, [
      { title: `More from the town: ${DETAILS[(index + 1) % DETAILS.length]}`, url: `https://wire.example/more/${index}` },
      { title: `Background: ${DETAILS[(index + 2) % DETAILS.length]}`, url: `https://wire.example/background/${index}` },
    ]),
  );
}

/** A feed a server added itself, beside the default sources every server reads. */
const OWN_SOURCE = { url: 'https://own.example/feed.xml', addedBy: 'admin', addedAt: '2024-09-01T00:00:00.000Z' };

const SCHEDULE: Schedule = { id: 's1', channelId: 'c1', crons: ['0 8 * * *'], when: '08:00', timezone: 'Europe/London', topics: [], maxItems: 5, createdBy: 'admin', createdAt: '2024-09-01T00:00:00.000Z' };

interface Setup {
  /** A location of a store an earlier setUp used: a restart on the same store. */
  location?: string;
  schedule?: Schedule;
  discord?: ReturnType<typeof fakeDiscord>;
  isBacklog?: (article: Article) => boolean;
}

/** A scheduler posting the digests the real composer makes of a real store's news (two stories to begin with). */
function harness(engine: EngineUnderTest) {
  const stores = engineOpener(engine);
  const schedulers: DigestScheduler[] = [];
  afterEach(async () => {
    for (const scheduler of schedulers.splice(0)) await scheduler.stop();
    await stores.closeAll();
  });

  return async function setUp(options: Setup = {}) {
    const clock = { at: new Date('2024-09-12T09:00:00Z') };
    const store: StoreEngine = options.location ? await stores.reopen(options.location, { now: () => clock.at }) : await stores.fresh({ now: () => clock.at });
    const location = options.location ?? stores.lastLocation();
    const newsroom = new Newsroom({ catalog: store.catalog, summarizer: createExtractiveSummarizer(), now: () => clock.at });
    const add = async (...articles: Article[]) => {
      for (const story of articles) await store.articles.add(story);
    };
    await add(
      article('Ferry strike ends', 'Ferry crews in Harbour City voted to accept a pay offer, ending a nine-day strike.', clock.at),
      article('Storm Agnes warning', 'The Met Office issued an amber warning as Storm Agnes approached the west coast.', clock.at),
    );
    const guilds = store.guilds;
    await guilds.update('g1', (settings) => ({ ...settings, schedules: [options.schedule ?? SCHEDULE] }));
    const discord = options.discord ?? fakeDiscord();
    const isBacklog = options.isBacklog;
    const scheduler = createDigestScheduler({
      guilds,
      compose: createDigestComposer({ newsroom, defaultSources: ['https://wire.example/feed.xml'], deliveries: store.deliveries, ...(isBacklog ? { backlog: async () => isBacklog } : {}) }),
      poster: discord.poster,
      journal: store.journal,
      deliveries: store.deliveries,
      dueSlots: store.dueSlots,
      leases: store.leases,
      logger: quiet,
      now: () => clock.at,
      catchUpGraceMs: 60 * 60_000,
      sleep: async () => undefined,
    });
    schedulers.push(scheduler);
    return { scheduler, discord, guilds, store, location, clock, add };
  };
}

// What a digest says; how it is delivered (exactly once, nonces, retries, forums, the clock) is digest-scheduler.test.ts's.
describeEachEngine('digest composer', (engine) => {
  const setUp = harness(engine);

  it('posts the channel what it has not been sent, and nothing when nothing is new', async () => {
    const { scheduler, add, discord, clock } = await setUp();
    expect(await scheduler.run('g1', SCHEDULE, '2024-09-12T08:00')).toBe(2);
    expect(await scheduler.run('g1', SCHEDULE, '2024-09-13T08:00')).toBe(0);
    await add(article('Library reopens', 'The Central Library on Quay Street reopened after a two-year restoration.', clock.at));
    expect(await scheduler.run('g1', SCHEDULE, '2024-09-14T08:00')).toBe(1);
    expect(discord.posts.map((post) => post.channelId)).toEqual(['c1', 'c1']);
  });

  it('says "no new stories" in one line when the admin asked for it', async () => {
    const schedule = { ...SCHEDULE, announceEmpty: true };
    const { scheduler, discord } = await setUp({ schedule });
    await scheduler.run('g1', schedule, '2024-09-12T08:00');
    await scheduler.run('g1', schedule, '2024-09-13T08:00');
    expect(discord.posts.at(-1)?.message.content).toBe('No new stories since the last digest.');
  });

  it('heads a digest, and says there is nothing new, in the language its schedule is read in', async () => {
    const schedule: Schedule = { ...SCHEDULE, announceEmpty: true, language: 'de' };
    const { scheduler, discord } = await setUp({ schedule });
    await scheduler.run('g1', schedule, '2024-09-12T08:00');
    await scheduler.run('g1', schedule, '2024-09-13T08:00');
    expect(discord.posts[0]?.message.content).toMatch(/^\*\*Top-Meldungen\*\* · /);
    expect(discord.posts[0]?.message.embeds?.[0]?.footer?.text).toContain('auf Englisch');
    expect(discord.posts.at(-1)?.message.content).toBe('Keine neuen Meldungen seit der letzten Übersicht.');
  });

  it('keeps to the schedule’s topics and keyword filters', async () => {
    const topics = { ...SCHEDULE, topics: ['storm agnes'] };
    expect(await (await setUp({ schedule: topics })).scheduler.run('g1', topics, 'a')).toBe(1);
    const excluding = { ...SCHEDULE, exclude: ['/strike|storm/'] };
    expect(await (await setUp({ schedule: excluding })).scheduler.run('g1', excluding, 'a')).toBe(0);
    const including = { ...SCHEDULE, include: ['ferry'] };
    expect(await (await setUp({ schedule: including })).scheduler.run('g1', including, 'a')).toBe(1);
  });

  it('pings only the role the admin chose', async () => {
    const schedule = { ...SCHEDULE, mentionRoleId: '555' };
    const { scheduler, discord } = await setUp({ schedule });
    await scheduler.run('g1', schedule, 'a');
    expect(discord.posts[0]?.message.content).toMatch(/^<@&555> /);
    expect(discord.posts[0]?.message.allowed_mentions).toEqual({ parse: [], roles: ['555'] });
  });

  it('pings the role in the first message of a digest only', async () => {
    const schedule = { ...SCHEDULE, mentionRoleId: '555', maxItems: 10 };
    const { scheduler, discord, add, clock } = await setUp({ schedule });
    await add(...unrelatedStories(clock.at));
    await scheduler.run('g1', schedule, 'a');
    expect(discord.posts.length).toBeGreaterThan(1);
    for (const later of discord.posts.slice(1)) {
      expect(later.message.content ?? '').not.toContain('<@&555>');
      expect(later.message.allowed_mentions?.roles ?? []).toEqual([]);
    }
  });

  it('never shows a server another server’s sources', async () => {
    const { scheduler, add, clock } = await setUp();
    await add(article('Dam cracks found', 'Engineers found cracks in the Valley dam spillway on Tuesday.', clock.at, 'https://other-guild.example/feed.xml'));
    expect(await scheduler.run('g1', SCHEDULE, 'a')).toBe(2);
  });

  it('leaves out a story whose every article is backlog', async () => {
    const { scheduler, discord } = await setUp({ isBacklog: (candidate) => candidate.title === 'Storm Agnes warning' });
    expect(await scheduler.run('g1', SCHEDULE, 'a')).toBe(1);
    expect(JSON.stringify(discord.posts[0]!.message)).toContain('Ferry strike ends');
  });

  it('shows a server the stories of the sources it added itself', async () => {
    const { scheduler, add, guilds, clock } = await setUp();
    await guilds.update('g1', (settings) => ({ ...settings, sources: [OWN_SOURCE] }));
    await add(article('Dam cracks found', 'Engineers found cracks in the Valley dam spillway on Tuesday.', clock.at, OWN_SOURCE.url));
    expect(await scheduler.run('g1', SCHEDULE, 'a')).toBe(3);
  });

  it('does not post a story again when another source reports it after the channel was sent it', async () => {
    const { scheduler, add, guilds, clock } = await setUp();
    await guilds.update('g1', (settings) => ({ ...settings, sources: [OWN_SOURCE] }));
    expect(await scheduler.run('g1', SCHEDULE, '2024-09-12T08:00')).toBe(2);
    await add(article('Harbour City ferry crews end strike', 'Ferry crews in Harbour City voted to accept a pay offer, ending a nine-day strike. World Wire contributed reporting.', clock.at, OWN_SOURCE.url));
    expect(await scheduler.run('g1', SCHEDULE, '2024-09-13T08:00')).toBe(0);
  });

  it('keeps a story that is backlog in one source but news in another', async () => {
    const { scheduler, add, guilds, discord, clock } = await setUp({ isBacklog: (candidate) => candidate.source.location === 'https://wire.example/feed.xml' && candidate.title === 'Ferry strike ends' });
    await guilds.update('g1', (settings) => ({ ...settings, sources: [OWN_SOURCE] }));
    // The same wire copy as the own source runs it: one story of two articles, only the wire's one backlog.
    await add(article('Harbour City ferry crews end strike', 'Ferry crews in Harbour City voted to accept a pay offer, ending a nine-day strike. World Wire contributed reporting.', clock.at, OWN_SOURCE.url));
    expect(await scheduler.run('g1', SCHEDULE, 'a')).toBe(2);
    expect(JSON.stringify(discord.posts[0]!.message)).toMatch(/ferry/i);
  });

  it('remembers across a restart on the same store what each channel was sent', async () => {
    const discord = fakeDiscord();
    const first = await setUp({ discord });
    await first.scheduler.run('g1', SCHEDULE, '2024-09-12T08:00');
    await first.scheduler.stop();
    await first.store.close();
    const second = await setUp({ location: first.location, discord });
    expect(await second.scheduler.run('g1', SCHEDULE, '2024-09-13T08:00')).toBe(0);
    expect(discord.posts).toHaveLength(1);
  });
});
