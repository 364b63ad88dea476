import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackDiscord, type LoopbackDiscord } from '../support/discord/loopback-discord.ts';
import { killAllHerald, startHerald } from '../support/herald-process.ts';
import { createTestDatabase, dropTestDatabases, hasPostgres } from '../support/postgres.ts';

/** A TCP door in front of the database that holds every connection until it is opened: a store slow to open. */
interface Door {
  port: number;
  open(): void;
  close(): Promise<void>;
}

async function doorTo(target: URL): Promise<Door> {
  const held: Socket[] = [];
  let opened = false;
  const pass = (socket: Socket): void => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    socket.pipe(upstream).pipe(socket);
    for (const end of [socket, upstream]) end.on('error', () => (end === socket ? upstream : socket).destroy());
  };
  const server: Server = createServer((socket) => (opened ? pass(socket) : held.push(socket)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    open() {
      opened = true;
      for (const socket of held.splice(0)) pass(socket);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const GUILD = '1200000000000000001';
let discord: LoopbackDiscord;
let door: Door | undefined;

beforeAll(async () => {
  discord = await startLoopbackDiscord({ guilds: [{ id: GUILD, name: 'Newsroom', ownerId: '1400000000000000001', channels: [{ id: '1300000000000000001', name: 'news' }] }] });
});

afterEach(async () => {
  await killAllHerald();
  await door?.close();
});

afterAll(async () => {
  await discord?.close();
  await dropTestDatabases();
});

describe.skipIf(!hasPostgres)('npm start with DISCORD_TOKEN, stopped before its store has opened', () => {
  it('stops gracefully on a SIGTERM that comes while the gateway is connected and the store still opening', async () => {
    const store = new URL(await createTestDatabase());
    door = await doorTo(store);
    const held = new URL(store);
    held.port = String(door.port);
    const herald = startHerald({ DISCORD_TOKEN: discord.token, DISCORD_API_BASE: discord.apiBase, HERALD_STORE: held.href });
    await herald.logged('"connected to Discord"');
    herald.child.kill('SIGTERM');
    await herald.logged('"stopping"');
    door.open();
    expect(await herald.exited).toBe(0);
    expect(herald.output()).not.toContain('"level":50');
  }, 60_000);
});
