import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeyvDeliveryLog } from '../../src/deliver/delivery-log.ts';
import { contentMessage } from '../../src/discord/render/message-payload.ts';
import { createWorkerPoster } from '../../src/discord/rest-poster.ts';
import { createKeyvGuildSettingsRepository } from '../../src/store/guild-settings-repository.ts';
import { openStore } from '../../src/store/open-store.ts';
import { DAM_REPORTS, damReport } from '../support/dam-reports.ts';
import { startLoopbackDiscord, type LoopbackDiscord } from '../support/discord/loopback-discord.ts';
import { killAllHerald, startHerald } from '../support/herald-process.ts';

const root = path.resolve(import.meta.dirname, '../..');
const GUILD = '1200000000000000001';
const NEWS = '1300000000000000001';
const DAY = 86_400_000;

let discord: LoopbackDiscord;
let folder: string;
let config: string;

beforeAll(async () => {
  discord = await startLoopbackDiscord({ guilds: [{ id: GUILD, name: 'Newsroom', ownerId: '1400000000000000001', channels: [{ id: NEWS, name: 'news' }] }] });
  folder = await mkdtemp(path.join(tmpdir(), 'herald-update-restart-'));
  const articles = path.join(folder, 'articles');
  await mkdir(articles);
  for (const report of ['coastline-dam', 'harbour-dam', 'library']) await copyFile(path.join(DAM_REPORTS, `${report}.html`), path.join(articles, `${report}.html`));
  const defaults = JSON.parse(await readFile(path.join(root, 'config/default.json'), 'utf8')) as Record<string, unknown>;
  config = path.join(folder, 'config.json');
  await writeFile(config, JSON.stringify({ ...defaults, sources: [articles], ingest: { ...(defaults.ingest as object), seedFirstPoll: false } }));
});

afterAll(async () => {
  await killAllHerald();
  await discord?.close();
  await rm(folder, { recursive: true, force: true });
});

/**
 * The store of a bot that sent #news the Coastline Post's report of the dam this morning, in the digest message
 * given, and whose schedule is not due again for hours: the Harbour Times' report is what it will read next.
 */
async function sentThisMorning(store: string, digestMessageId: string): Promise<void> {
  const opened = await openStore(store);
  const due = new Date(Date.now() + 12 * 3_600_000);
  const schedule = { id: 's-news', channelId: NEWS, crons: [`${due.getUTCMinutes()} ${due.getUTCHours()} * * *`], when: 'evening', timezone: 'UTC', topics: [], maxItems: 10, createdBy: 'admin', createdAt: new Date(Date.now() - DAY).toISOString() };
  await createKeyvGuildSettingsRepository(opened).update(GUILD, (settings) => ({ ...settings, schedules: [schedule] }));
  await createKeyvDeliveryLog(opened, 30 * DAY).record(NEWS, [(await damReport('coastline-dam')).id], { messageId: digestMessageId });
  await opened.close();
}

describe('a story update across kill -9', () => {
  it('finishes an update cut short by kill -9 after a restart, posted once in the thread on the digest', async () => {
    const poster = createWorkerPoster({ apiBase: discord.apiBase, token: discord.token, logger: { error: () => undefined } });
    const { messageId } = await poster.post(NEWS, contentMessage('Top stories: Valley dam spillway cracks force evacuation of Millbrook'), 'digest');
    const store = path.join(folder, 'herald.sqlite');
    await sentThisMorning(store, messageId);
    const env = { DISCORD_TOKEN: discord.token, DISCORD_API_BASE: discord.apiBase, HERALD_STORE: store, HERALD_CONFIG: config };
    // The update's message is held back, so that the process dies with the update journaled and its thread open.
    discord.failNext({ method: 'POST', path: new RegExp(`/channels/${messageId}/messages`) }, { status: 429, retryAfterSeconds: 5 }, 1);
    const first = startHerald(env);
    const limited = () => discord.requests.some((request) => request.status === 429 && request.path === `/channels/${messageId}/messages`);
    while (!limited()) await new Promise((resolve) => setTimeout(resolve, 50));
    first.child.kill('SIGKILL');
    await first.exited;
    expect(discord.threadsIn(NEWS).map((thread) => [thread.id, thread.messages.length])).toEqual([[messageId, 0]]);

    const second = startHerald(env);
    await second.logged('"story update posted"');
    // The updater's first pass has begun once this is logged, and stopping waits for it to end: after a clean exit
    // nothing more can be posted, so what the thread and channel hold below is final (rather than read after a while).
    await second.logged('"polling sources and delivering digests"');
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    const [thread] = discord.threadsIn(NEWS);
    expect(thread?.messages.map((message) => message.content)).toEqual([expect.stringContaining('Harbour Times now reports it.')]);
    expect(discord.channelMessages(NEWS)).toHaveLength(1);
  }, 60_000);
});
