import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { APIEmbed } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeyvGuildSettingsRepository } from '../../src/store/guild-settings-repository.ts';
import { openStore } from '../../src/store/open-store.ts';
import { startLoopbackDiscord, type LoopbackDiscord } from '../support/discord/loopback-discord.ts';

const root = path.resolve(import.meta.dirname, '../..');
const GUILD = '1200000000000000001';
const NEWS = '1300000000000000001';
const SPORT = '1300000000000000002';

let discord: LoopbackDiscord;
let folder: string;
let config: string;
const children: ChildProcess[] = [];

/** Twelve unrelated local stories with long headlines, so that a digest of ten spans more than one message. */
const STORIES: Array<[string, string]> = [
  ['Ashford library reopens after a two-year restoration of its Victorian reading room, glass roof and the children’s wing that flooded in 2021', 'The library’s oak shelving was rebuilt by apprentices from the town college, and more than two thousand visitors came through the doors on the first morning.'],
  ['Brixham trawler crews land a record catch of mackerel as fish prices at the harbour auction fall to their lowest level in a decade', 'Skippers said the shoals arrived three weeks early this year, and buyers from Spain and France bid against each other until dawn.'],
  ['Carlisle rail bridge closes for nine days so that engineers can replace corroded steel girders above the River Eden', 'Replacement buses will run every fifteen minutes between the station and Wetheral, and freight trains are being diverted through Newcastle.'],
  ['Dunmore school wins a national robotics final with a machine that sorts recycling faster than any other entry in the competition', 'The team of six pupils built their sorter from a broken vacuum cleaner and a camera, and will travel to Tokyo for the world championship.'],
  ['Elgin distillery plans a biomass boiler fed by barley husks to cut its gas bill and its carbon emissions by half within three years', 'Planning officers have asked for a study of lorry traffic on the narrow lane that leads to the site before the application is decided.'],
  ['Falmouth lifeboat rescues four sailors whose yacht lost its mast in a gale forty miles south of the Lizard peninsula overnight', 'The volunteers spent eleven hours at sea in waves of six metres, and the yacht was towed into harbour shortly after breakfast.'],
  ['Girvan golf club opens its links course to the public on Sundays after members vote to end a ban that had lasted since 1921', 'The club secretary said green fees would be halved for residents and that junior lessons would be free during the summer holidays.'],
  ['Hexham farmers’ market moves indoors to the old cattle mart while the abbey grounds are dug up for a new drainage system', 'Stallholders said the mart’s high roof and heating made winter trading easier, and several asked to stay there permanently.'],
  ['Ilkley lido faces closure unless volunteers raise the money to repair a cracked pool floor that leaked thousands of litres a day', 'The friends of the lido have started a crowdfunding appeal and a sponsored swim, and a local brewery has promised to match donations.'],
  ['Jarrow shipyard apprentices restore a 1930s tugboat that will sail up the Tyne at the head of the river festival in August', 'The tug spent forty years as a houseboat in Kent before the museum bought it at auction for a symbolic one pound.'],
  ['Keswick theatre stages a sold-out season of new plays written by residents of the Lake District about floods, tourism and sheep', 'Audiences came from as far as Glasgow, and the theatre has extended the run of the most popular play into the autumn.'],
  ['Lanark hospital opens a new maternity ward with birthing pools and family rooms after a campaign by midwives lasting six years', 'The health board said the ward would deliver about nine hundred babies a year and end the long drive to Glasgow for many mothers.'],
];

const DETAILS = [
  'A retired teacher who led the fundraising said the reading room had been her refuge as a girl, and that the restored ceiling paintings were even brighter than she remembered them.',
  'The harbour master warned that quotas agreed in Brussels could cut next season short, so the fleet is freezing as much of the catch as the cold store can hold.',
  'Network Rail apologised to commuters and said the girders, installed in 1876, had outlived three generations of trains and two world wars without major repair.',
  'Their teacher said the pupils had taught themselves to program the camera over the winter holidays using videos and a library book about machine vision.',
  'The managing director said the whisky itself would not change, though the chimney would be taller and the smell of malting would drift further over the town.',
  'The skipper thanked the crew by radio and said the boat’s new engine, paid for by a bequest from a local widow, had made the difference in the storm.',
  'Older members who opposed the change said they feared dog walkers on the fairways, but the vote passed by a margin of nearly three to one.',
  'The council expects the drainage work to take eighteen months, after which archaeologists will survey the medieval foundations found beneath the lawns.',
  'Engineers estimate the repairs at a little under half a million pounds, and the council says it cannot find the money before the next financial year.',
  'Volunteers have replaced her boiler, brass fittings and wheelhouse windows, working every Saturday for three years in a shed lent by the shipyard.',
  'The artistic director said the plays had drawn on interviews with farmers, hoteliers and mountain rescue teams about a decade of change in the valleys.',
  'Midwives said the rooms would let partners stay overnight for the first time, ending the practice of sending fathers home at ten in the evening.',
];

async function writeArticles(directory: string): Promise<void> {
  await mkdir(directory, { recursive: true });
  await Promise.all(
    STORIES.map(([title, body], index) =>
      writeFile(
        path.join(directory, `story-${index}.html`),
        `<html><head><title>${title}</title><meta property="og:url" content="https://local.example/story-${index}"></head><body><article><h1>${title}</h1><p>${body} ${DETAILS[index]}</p></article></body></html>`,
      ),
    ),
  );
}

beforeAll(async () => {
  discord = await startLoopbackDiscord({ guilds: [{ id: GUILD, name: 'Newsroom', ownerId: '1400000000000000001', channels: [{ id: NEWS, name: 'news' }, { id: SPORT, name: 'sport' }] }] });
  folder = await mkdtemp(path.join(tmpdir(), 'herald-restart-'));
  await writeArticles(path.join(folder, 'articles'));
  const defaults = JSON.parse(await readFile(path.join(root, 'config/default.json'), 'utf8')) as Record<string, unknown>;
  config = path.join(folder, 'config.json');
  // The articles stand for news that arrived after the schedules were set, not for a backlog to hold back.
  await writeFile(config, JSON.stringify({ ...defaults, sources: [path.join(folder, 'articles')], ingest: { ...(defaults.ingest as object), seedFirstPoll: false } }));
});

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await discord?.close();
  await rm(folder, { recursive: true, force: true });
});

/** Two channels' schedules whose slot was two minutes ago, so the bot makes them up as soon as it starts. */
async function scheduleJustMissed(store: string): Promise<void> {
  const opened = await openStore(store);
  const due = new Date(Date.now() - 2 * 60_000);
  const schedule = (id: string, channelId: string) => ({ id, channelId, crons: [`${due.getUTCMinutes()} ${due.getUTCHours()} * * *`], when: 'morning', timezone: 'UTC', topics: [], maxItems: 10, createdBy: 'admin', createdAt: new Date(Date.now() - 86_400_000).toISOString() });
  await createKeyvGuildSettingsRepository(opened).update(GUILD, (settings) => ({ ...settings, schedules: [schedule('news', NEWS), schedule('sport', SPORT)] }));
  await opened.close();
}

function startBot(store: string): { child: ChildProcess; logged: (text: string) => Promise<void>; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { ...process.env, DISCORD_TOKEN: discord.token, DISCORD_API_BASE: discord.apiBase, HERALD_STORE: store, HERALD_CONFIG: config, HERALD_LOG_LEVEL: 'info' },
  });
  children.push(child);
  let stderr = '';
  const waiters: Array<{ text: string; resolve: () => void }> = [];
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const waiter of waiters.filter((candidate) => stderr.includes(candidate.text))) waiter.resolve();
  });
  return {
    child,
    logged: (text) => (stderr.includes(text) ? Promise.resolve() : new Promise((resolve) => waiters.push({ text, resolve }))),
    exited: new Promise((resolve) => child.on('exit', resolve)),
  };
}

function storyUrls(channelId: string): string[] {
  return discord.channelMessages(channelId).flatMap((message) => ((message.embeds ?? []) as APIEmbed[]).map((embed) => embed.url).filter((url): url is string => Boolean(url)));
}

describe('delivery across restarts', () => {
  it('finishes a digest cut short by kill -9 after a restart, with no message twice and no story missing', async () => {
    const store = path.join(folder, 'killed.sqlite');
    await scheduleJustMissed(store);
    // One channel's digest is held back, so that the process dies with the other posted and this one under way.
    discord.failNext({ method: 'POST', path: new RegExp(`/channels/${SPORT}/messages`) }, { status: 429, retryAfterSeconds: 3 }, 2);
    const first = startBot(store);
    await discord.waitForChannelMessage(NEWS, undefined, 20_000);
    first.child.kill('SIGKILL');
    await first.exited;
    expect(discord.channelMessages(SPORT)).toHaveLength(0);
    const second = startBot(store);
    await discord.waitForChannelMessage(SPORT, undefined, 20_000);
    await second.logged('"ingest finished"');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    for (const channelId of [NEWS, SPORT]) {
      const urls = storyUrls(channelId);
      expect(urls).toHaveLength(10);
      expect(new Set(urls).size).toBe(10);
    }
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 60_000);

  it('does not post a finished digest again when the bot restarts on the same store', async () => {
    const before = discord.channelMessages(NEWS).length + discord.channelMessages(SPORT).length;
    const store = path.join(folder, 'killed.sqlite');
    const again = startBot(store);
    await again.logged('"connected to Discord"');
    await again.logged('"ingest finished"');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(discord.channelMessages(NEWS).length + discord.channelMessages(SPORT).length).toBe(before);
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  }, 60_000);
});
