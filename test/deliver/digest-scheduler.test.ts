import { afterEach, describe, expect, it } from 'vitest';
import { Newsroom } from '../../src/brief/newsroom.ts';
import { createExtractiveSummarizer } from '../../src/brief/summarize/extractive-summarizer.ts';
import { createKeyvDeliveryLog } from '../../src/deliver/delivery-log.ts';
import { createDigestScheduler, type DigestScheduler } from '../../src/deliver/digest-scheduler.ts';
import type { MessagePayload } from '../../src/discord/render/message-payload.ts';
import { buildArticle } from '../../src/ingest/build-article.ts';
import { createKeyvGuildSettingsRepository, type Schedule } from '../../src/store/guild-settings-repository.ts';
import { openStore } from '../../src/store/open-store.ts';

const NOW = new Date('2024-09-12T09:00:00Z');
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const schedulers: DigestScheduler[] = [];

afterEach(async () => {
  for (const scheduler of schedulers.splice(0)) await scheduler.stop();
});

function article(title: string, paragraph: string, location = 'https://wire.example/feed.xml') {
  return buildArticle({ title, url: `https://wire.example/${encodeURIComponent(title)}`, paragraphs: [paragraph], alsoRead: [] }, { source: { kind: 'feed', location }, fetchedAt: NOW });
}

const SCHEDULE: Schedule = { id: 's1', channelId: 'c1', crons: ['0 8 * * *'], when: '08:00', timezone: 'Europe/London', topics: [], maxItems: 5, createdBy: 'admin', createdAt: NOW.toISOString() };

async function setUp(schedules: Schedule[] = [SCHEDULE]) {
  const store = await openStore('memory:');
  const newsroom = new Newsroom({ summarizer: createExtractiveSummarizer(), now: () => NOW, retentionMs: 30 * 86_400_000 });
  newsroom.add(article('Ferry strike ends', 'Ferry crews in Harbour City voted to accept a pay offer, ending a nine-day strike.'));
  newsroom.add(article('Storm Agnes warning', 'The Met Office issued an amber warning as Storm Agnes approached the west coast.'));
  const guilds = createKeyvGuildSettingsRepository(store);
  await guilds.update('g1', (settings) => ({ ...settings, schedules }));
  const posted: Array<{ channelId: string; messages: MessagePayload[] }> = [];
  const scheduler = createDigestScheduler({
    guilds,
    newsroom,
    defaultSources: ['https://wire.example/feed.xml'],
    poster: { post: async (channelId, messages) => void posted.push({ channelId, messages }) },
    deliveries: createKeyvDeliveryLog(store, 30 * 86_400_000),
    logger: quiet,
  });
  schedulers.push(scheduler);
  return { scheduler, newsroom, posted };
}

describe('digest scheduler', () => {
  it('posts the channel a digest of what it has not been sent, and nothing when nothing is new', async () => {
    const { scheduler, newsroom, posted } = await setUp();
    expect(await scheduler.run('g1', SCHEDULE)).toBe(2);
    expect(await scheduler.run('g1', SCHEDULE)).toBe(0);
    newsroom.add(article('Library reopens', 'The Central Library on Quay Street reopened after a two-year restoration.'));
    expect(await scheduler.run('g1', SCHEDULE)).toBe(1);
    expect(posted.map((post) => post.channelId)).toEqual(['c1', 'c1']);
  });

  it('keeps to the schedule’s topics', async () => {
    const { scheduler } = await setUp();
    expect(await scheduler.run('g1', { ...SCHEDULE, topics: ['storm agnes'] })).toBe(1);
  });

  it('never shows a server another server’s sources', async () => {
    const { scheduler, newsroom } = await setUp();
    newsroom.add(article('Private feed story about dams', 'Engineers found cracks in the Valley dam spillway on Tuesday.', 'https://other-guild.example/feed.xml'));
    expect(await scheduler.run('g1', SCHEDULE)).toBe(2);
  });

  it('runs each time in the schedule’s own time zone', async () => {
    const { scheduler } = await setUp([{ ...SCHEDULE, crons: ['0 8 * * *'], timezone: 'America/New_York' }]);
    await scheduler.start();
    const next = new Date(scheduler.times('g1')[0]!.nextRunAt!);
    const local = new Intl.DateTimeFormat('en-GB', { timeZone: 'America/New_York', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(next);
    expect(local).toBe('08:00');
  });
});
