import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { GatewayCloseCodes, GatewayDispatchEvents, GatewayOpcodes, type APIUser } from 'discord.js';
import { WebSocket, WebSocketServer } from 'ws';
import { shardOf } from './shards.ts';
import type { ChangeFeed } from './wait-for.ts';

export interface GatewayOptions {
  token: string;
  heartbeatIntervalMs: number;
  user: APIUser;
  application: { id: string; flags: number };
  /** How many shards the bot must run; IDENTIFY must name one of them, and each guild's events go to its own. */
  shardCount: number;
  /** Built at each IDENTIFY, so a new session sees the guilds and channels as they are now; the shard's are picked out of them. */
  guildCreates: () => Array<{ id: string }>;
  feed: ChangeFeed;
}

export interface GatewayCounts {
  identifies: number;
  resumes: number;
  heartbeats: number;
}

export interface Gateway {
  /** What GET /gateway/bot and READY's resume_gateway_url point at. */
  url: string;
  /**
   * Sends a guild's dispatch to every session of the guild's shard, returning that shard; a session whose socket
   * is down keeps it for its RESUME, as Discord does.
   */
  dispatch(guildId: string, event: GatewayDispatchEvents, data: unknown): number;
  /** Whether a session exists (of the shard, if given), connected or waiting to resume, to receive dispatches. */
  hasSession(shard?: number): boolean;
  hasConnectedSession(shard?: number): boolean;
  /**
   * Closes every connection (of the shard, if given): resumable with 4000 (discord.js RESUMEs), otherwise with
   * 1000, which ends the session (discord.js IDENTIFYs again).
   */
  drop(resumable: boolean, shard?: number): void;
  /** What happened on the gateway in all, or on one shard. */
  counts(shard?: number): GatewayCounts;
  close(): Promise<void>;
}

interface Dispatch {
  op: GatewayOpcodes.Dispatch;
  t: GatewayDispatchEvents;
  s: number;
  d: unknown;
}

interface Session {
  id: string;
  shard: number;
  sequence: number;
  /** Every dispatch of the session, so a RESUME can replay what the client missed. */
  sent: Dispatch[];
  socket: WebSocket | null;
}

interface ClientPayload {
  op: GatewayOpcodes;
  d?: { token?: string; session_id?: string; seq?: number | null; shard?: unknown } | null;
}

const NORMAL_CLOSURES = new Set([1000, 1001]);
/** The dispatches a session keeps for a RESUME to replay. */
const REPLAY_KEPT = 1_000;
const RESUMABLE_DROP = 4000;

export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await once(server, 'listening');
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const sessions = new Map<string, Session>();
  const totals: GatewayCounts = { identifies: 0, resumes: 0, heartbeats: 0 };
  const shardCounts = Array.from({ length: options.shardCount }, (): GatewayCounts => ({ identifies: 0, resumes: 0, heartbeats: 0 }));
  const count = (what: keyof GatewayCounts, shard: number | undefined): void => {
    totals[what] += 1;
    // A heartbeat can come before IDENTIFY, when the connection belongs to no shard yet.
    if (shard !== undefined) shardCounts[shard]![what] += 1;
  };
  let sessionsStarted = 0;
  const sessionsOf = (shard: number | undefined): Session[] => [...sessions.values()].filter((session) => shard === undefined || session.shard === shard);

  const send = (socket: WebSocket, payload: unknown): void => {
    if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(payload));
  };
  const dispatchTo = (session: Session, t: GatewayDispatchEvents, d: unknown): void => {
    session.sequence += 1;
    const payload: Dispatch = { op: GatewayOpcodes.Dispatch, t, s: session.sequence, d };
    session.sent.push(payload);
    // A replay buffer, as Discord keeps: what a RESUME may ask for again, not the session's whole history, which
    // for a session nobody resumes (a killed process's) would grow for as long as the test runs.
    if (session.sent.length > REPLAY_KEPT) session.sent.splice(0, session.sent.length - REPLAY_KEPT);
    if (session.socket) send(session.socket, payload);
  };

  /** The shard an IDENTIFY asks for, or the close code Discord refuses it with. */
  const requestedShard = (shard: unknown): { shard: number } | { refuse: GatewayCloseCodes } => {
    if (shard === undefined) return options.shardCount > 1 ? { refuse: GatewayCloseCodes.ShardingRequired } : { shard: 0 };
    if (!Array.isArray(shard) || shard.length !== 2 || !shard.every(Number.isInteger)) return { refuse: GatewayCloseCodes.InvalidShard };
    const [id, total] = shard as [number, number];
    return total === options.shardCount && id >= 0 && id < total ? { shard: id } : { refuse: GatewayCloseCodes.InvalidShard };
  };

  const identify = (socket: WebSocket, shard: number): Session => {
    count('identifies', shard);
    sessionsStarted += 1;
    const session: Session = { id: `loopback-session-${sessionsStarted}`, shard, sequence: 0, sent: [], socket };
    sessions.set(session.id, session);
    const guilds = options.guildCreates().filter((guild) => shardOf(guild.id, options.shardCount) === shard);
    dispatchTo(session, GatewayDispatchEvents.Ready, {
      v: 10,
      user: options.user,
      guilds: guilds.map((guild) => ({ id: guild.id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: url,
      shard: [shard, options.shardCount],
      application: options.application,
    });
    for (const guild of guilds) dispatchTo(session, GatewayDispatchEvents.GuildCreate, guild);
    return session;
  };

  const resume = (socket: WebSocket, session: Session, lastSeen: number): void => {
    // Past the replay buffer Discord cannot send what was missed, and says the session is invalid.
    if ((session.sent[0]?.s ?? 1) > lastSeen + 1) {
      sessions.delete(session.id);
      send(socket, { op: GatewayOpcodes.InvalidSession, d: false });
      return;
    }
    count('resumes', session.shard);
    if (session.socket && session.socket !== socket) session.socket.terminate();
    session.socket = socket;
    for (const missed of session.sent.filter((dispatch) => dispatch.s > lastSeen)) send(socket, missed);
    dispatchTo(session, GatewayDispatchEvents.Resumed, null);
  };

  server.on('connection', (socket: WebSocket) => {
    let bound: Session | undefined;
    send(socket, { op: GatewayOpcodes.Hello, d: { heartbeat_interval: options.heartbeatIntervalMs } });
    socket.on('message', (raw) => {
      const payload = JSON.parse(String(raw)) as ClientPayload;
      const authenticated = payload.d?.token === options.token;
      switch (payload.op) {
        case GatewayOpcodes.Heartbeat:
          count('heartbeats', bound?.shard);
          send(socket, { op: GatewayOpcodes.HeartbeatAck });
          return;
        case GatewayOpcodes.Identify: {
          if (bound) return socket.close(GatewayCloseCodes.AlreadyAuthenticated);
          if (!authenticated) return socket.close(GatewayCloseCodes.AuthenticationFailed);
          const requested = requestedShard(payload.d?.shard);
          if ('refuse' in requested) return socket.close(requested.refuse);
          bound = identify(socket, requested.shard);
          options.feed.notify();
          return;
        }
        case GatewayOpcodes.Resume: {
          if (!authenticated) return socket.close(GatewayCloseCodes.AuthenticationFailed);
          const session = sessions.get(payload.d?.session_id ?? '');
          // discord.js answers an invalid session with a fresh IDENTIFY.
          if (!session) return send(socket, { op: GatewayOpcodes.InvalidSession, d: false });
          bound = session;
          resume(socket, session, payload.d?.seq ?? 0);
          options.feed.notify();
          return;
        }
        default:
          // Presence updates and member requests change nothing a test looks at.
          return;
      }
    });
    socket.on('close', (code: number) => {
      if (!bound || bound.socket !== socket) return;
      bound.socket = null;
      // A client that closes normally ends its session, as on Discord; any other close leaves it resumable.
      if (NORMAL_CLOSURES.has(code)) sessions.delete(bound.id);
    });
  });

  return {
    url,
    dispatch(guildId, event, data) {
      const shard = shardOf(guildId, options.shardCount);
      for (const session of sessionsOf(shard)) dispatchTo(session, event, data);
      return shard;
    },
    hasSession: (shard) => sessionsOf(shard).length > 0,
    hasConnectedSession: (shard) => sessionsOf(shard).some((session) => session.socket !== null),
    drop(resumable, shard) {
      for (const session of sessionsOf(shard)) {
        if (!resumable) sessions.delete(session.id);
        session.socket?.close(resumable ? RESUMABLE_DROP : 1000, 'loopback Discord dropped the connection');
      }
    },
    counts: (shard) => ({ ...(shard === undefined ? totals : shardCounts[shard]!) }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}
