import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { Gauge } from 'prom-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InputError } from '../../src/input-error.ts';
import { evaluateHealth, type HealthReport } from '../../src/ops/health.ts';
import { createHeraldMetrics } from '../../src/ops/metrics.ts';
import { startOpsServer, type OpsServer, type OpsServerOptions } from '../../src/ops/ops-server.ts';

const startedAt = new Date('2025-03-01T08:00:00Z');
const now = new Date('2025-03-01T09:00:00Z');
const worker = { role: 'worker', startedAt, pollLoopAt: now, deliveryLoopAt: now } as const;
const healthy = evaluateHealth({ ...worker, store: { reachable: true } }, now);
const unhealthy = evaluateHealth({ ...worker, store: { reachable: false, error: 'connect ECONNREFUSED 127.0.0.1:5432' } }, now);

const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
const servers: OpsServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function start(options: Partial<OpsServerOptions> = {}): Promise<OpsServer> {
  const server = await startOpsServer({ port: 0, health: async () => healthy, metrics: createHeraldMetrics(), logger, ...options });
  servers.push(server);
  return server;
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

function ask(url: string, options: { method?: string; agent?: Agent } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { method: options.method ?? 'GET', ...(options.agent ? { agent: options.agent } : {}) }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    })
      .on('error', reject)
      .end();
  });
}

function deferred<T>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => (resolve = settle));
  return { promise, resolve };
}

describe('startOpsServer', () => {
  it('listens on 127.0.0.1 unless told otherwise, on a free port when asked for port 0', async () => {
    const { url } = await start();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:[1-9]\d*$/);
  });

  it('answers /healthz with 200 and the report as JSON, never cached', async () => {
    const { url } = await start();
    const answer = await ask(`${url}/healthz`);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(answer.body)).toEqual(healthy);
  });

  it('answers /healthz with 503 and the report when the process is unhealthy', async () => {
    const { url } = await start({ health: async () => unhealthy });
    const answer = await ask(`${url}/healthz`);
    expect(answer.status).toBe(503);
    expect(JSON.parse(answer.body)).toEqual(unhealthy);
  });

  it('answers 503 with one safe line when the health check throws', async () => {
    const { url } = await start({
      health: async () => {
        throw new Error('cannot reach postgres://herald:hunter2@db/herald\n    at Pool.connect');
      },
    });
    const answer = await ask(`${url}/healthz`);
    expect(answer.status).toBe(503);
    expect(JSON.parse(answer.body)).toEqual({ status: 'unhealthy', problems: ['health check failed: cannot reach <address>'] });
  });

  it('answers 503 within its timeout when the health check never answers', { timeout: 1_000 }, async () => {
    const { url } = await start({ health: () => new Promise(() => undefined), healthTimeoutMs: 100 });
    const answer = await ask(`${url}/healthz`);
    expect(answer.status).toBe(503);
    expect(JSON.parse(answer.body)).toEqual({ status: 'unhealthy', problems: ['health check did not answer within 0.1 s'] });
  });

  it('lets probes that arrive while a check is under way share it', async () => {
    const health = vi.fn(() => new Promise<HealthReport>(() => undefined));
    const { url } = await start({ health, healthTimeoutMs: 500 });
    const answers = await Promise.all([ask(`${url}/healthz`), ask(`${url}/healthz`)]);
    expect(answers.map((answer) => answer.status)).toEqual([503, 503]);
    expect(health).toHaveBeenCalledTimes(1);
  });

  it('serves the registry at /metrics in the Prometheus text format', async () => {
    const metrics = createHeraldMetrics({ role: 'gateway' });
    metrics.messagesSent.inc(2);
    const { url } = await start({ metrics });
    const answer = await ask(`${url}/metrics`);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe(metrics.registry.contentType);
    expect(answer.body).toContain('herald_messages_sent_total 2');
    expect(answer.body).toContain('herald_role_info{role="gateway"} 1');
  });

  it('answers 500 with one line when the metrics cannot be collected', async () => {
    const metrics = createHeraldMetrics();
    new Gauge({
      name: 'broken',
      help: 'A gauge whose collection fails.',
      registers: [metrics.registry],
      collect() {
        throw new Error('collector broke');
      },
    });
    const { url } = await start({ metrics });
    const answer = await ask(`${url}/metrics`);
    expect(answer.status).toBe(500);
    expect(answer.body).toBe('metrics could not be collected: collector broke\n');
  });

  it('answers HEAD with the status and headers GET would have, and no body', async () => {
    const { url } = await start({ health: async () => unhealthy });
    const answer = await ask(`${url}/healthz`, { method: 'HEAD' });
    expect(answer.status).toBe(503);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Number(answer.headers['content-length'])).toBe(JSON.stringify(unhealthy).length + 1);
    expect(answer.body).toBe('');
  });

  it('answers any other path with 404', async () => {
    const { url } = await start();
    expect((await ask(`${url}/`)).status).toBe(404);
    expect((await ask(`${url}/healthz/extra`)).status).toBe(404);
  });

  it('answers a method other than GET or HEAD with 405 and the methods allowed', async () => {
    const { url } = await start();
    const answer = await ask(`${url}/metrics`, { method: 'POST' });
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe('GET, HEAD');
  });

  it('refuses to start on a port in use, in one line', async () => {
    const { url } = await start();
    const port = Number(new URL(url).port);
    await expect(start({ port })).rejects.toThrow(InputError);
    await expect(start({ port })).rejects.toThrow(`ops server: cannot listen on 127.0.0.1:${port}: the port is in use`);
  });

  it('closes while a keep-alive client holds an idle connection', { timeout: 1_000 }, async () => {
    const server = await start();
    const agent = new Agent({ keepAlive: true });
    await ask(`${server.url}/metrics`, { agent });
    await server.close();
    agent.destroy();
  });

  it('closes while a client holds a connection it never sent a request on', { timeout: 1_000 }, async () => {
    const server = await start();
    const socket = connect(Number(new URL(server.url).port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    const closed = new Promise((resolve) => socket.once('close', resolve));
    await server.close();
    await closed;
  });

  it('lets an answer under way finish, then closes at once', { timeout: 1_000 }, async () => {
    const asked = deferred<void>();
    const check = deferred<HealthReport>();
    const health = (): Promise<HealthReport> => {
      asked.resolve();
      return check.promise;
    };
    const server = await start({ health });
    const agent = new Agent({ keepAlive: true });
    const answer = ask(`${server.url}/healthz`, { agent });
    await asked.promise;
    const closed = server.close();
    check.resolve(healthy);
    expect((await answer).status).toBe(200);
    await closed;
    agent.destroy();
  });
});
