import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import { InputError } from '../input-error.ts';
import type { Logger } from '../logger.ts';
import type { HealthReport } from './health.ts';
import { safeReason } from './safe-reason.ts';

export interface OpsServerOptions {
  /** 0 lets the system pick a free port (see `url`). */
  port: number;
  /** 127.0.0.1 by default: only this machine can ask. */
  host?: string;
  /** The process's health now; answered with 200 when ok, 503 otherwise. */
  health: () => Promise<HealthReport>;
  metrics: { registry: Registry };
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** How long /healthz waits for `health` before it answers 503 on its own. 2 s by default. */
  healthTimeoutMs?: number;
}

export interface OpsServer {
  /** Where it listens, with the port the system picked. */
  url: string;
  /** Stops listening, lets answers under way finish, then closes every connection. */
  close(): Promise<void>;
}

/** Well under the usual probe timeouts (Kubernetes: 1 s by default, often raised; load balancers: 5 s). */
const DEFAULT_HEALTH_TIMEOUT_MS = 2_000;
const TEXT = 'text/plain; charset=utf-8';

class HealthTimeout extends Error {}

/** What /healthz says when the health check itself fails: the same shape an operator or a probe reads. */
type HealthAnswer = HealthReport | Pick<HealthReport, 'status' | 'problems'>;

/**
 * GET /healthz (200 or 503, JSON) and GET /metrics (Prometheus text) over node:http. A health check that
 * throws or takes too long is itself an answer, 503, so a probe never hangs; closing never waits on an idle
 * connection, so SIGTERM is not held up by a scraper's keep-alive.
 */
export async function startOpsServer(options: OpsServerOptions): Promise<OpsServer> {
  const { logger, metrics } = options;
  const host = options.host ?? '127.0.0.1';
  const healthTimeoutMs = options.healthTimeoutMs ?? DEFAULT_HEALTH_TIMEOUT_MS;
  const answering = new Set<Promise<void>>();

  let checking: Promise<HealthReport> | undefined;
  // Probes that arrive while a check is under way share it: a store that hangs must not gather a ping per probe.
  const check = (): Promise<HealthReport> =>
    (checking ??= Promise.resolve()
      .then(options.health)
      .finally(() => {
        checking = undefined;
      }));

  const health = async (): Promise<{ status: number; answer: HealthAnswer }> => {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new HealthTimeout()), healthTimeoutMs);
    });
    try {
      const report = await Promise.race([check(), timedOut]);
      return { status: report.status === 'ok' ? 200 : 503, answer: report };
    } catch (error) {
      const problem = error instanceof HealthTimeout ? `health check did not answer within ${healthTimeoutMs / 1000} s` : `health check failed: ${safeReason(error)}`;
      // The safe line, not the error: a store's error may carry its address.
      logger.warn({ problem }, 'health check failed');
      return { status: 503, answer: { status: 'unhealthy', problems: [problem] } };
    } finally {
      clearTimeout(timer);
    }
  };

  const route = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = (request.url ?? '/').split('?')[0];
    if (path !== '/healthz' && path !== '/metrics') return send(response, 404, TEXT, 'not found\n');
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, TEXT, 'only GET and HEAD\n', { allow: 'GET, HEAD' });
    if (path === '/healthz') {
      const { status, answer } = await health();
      return send(response, status, 'application/json; charset=utf-8', `${JSON.stringify(answer)}\n`);
    }
    try {
      return send(response, 200, metrics.registry.contentType, await metrics.registry.metrics());
    } catch (error) {
      logger.error({ err: error }, 'metrics could not be collected');
      return send(response, 500, TEXT, `metrics could not be collected: ${safeReason(error)}\n`);
    }
  };

  const server = createServer((request, response) => {
    // 'close' comes once the answer is handed to the connection, or once the client has gone: either way it is over.
    const answered = new Promise<void>((resolve) => response.once('close', resolve));
    answering.add(answered);
    void answered.then(() => answering.delete(answered));
    // Metrics and probes must never be what takes Herald down: not by an unhandled rejection, nor by a server error below.
    route(request, response).catch((error: unknown) => {
      logger.error({ err: error, url: request.url }, 'ops request failed');
      response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(new InputError(`ops server: cannot listen on ${host}:${options.port}: ${listenProblem(error)}`, { cause: error })));
    server.listen(options.port, host, resolve);
  });
  server.removeAllListeners('error');
  server.on('error', (error) => logger.error({ err: error }, 'ops server error'));

  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  logger.info({ url }, 'serving /healthz and /metrics');

  let closing: Promise<void> | undefined;
  return {
    url,
    close: () =>
      (closing ??= (async () => {
        const stopped = new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
        // Answers under way end first (a health check within its timeout). server.close alone would then wait
        // for each keep-alive connection to time out, and for ever on one that never sent a request.
        await Promise.all(answering);
        server.closeAllConnections();
        await stopped;
      })()),
  };
}

function send(response: ServerResponse, status: number, contentType: string, body: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store', ...headers }).end(body);
}

function listenProblem(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'EADDRINUSE':
      return 'the port is in use';
    case 'EACCES':
      return 'not allowed (ports below 1024 need privileges)';
    case 'EADDRNOTAVAIL':
      return 'this machine has no such address';
    default:
      return safeReason(error);
  }
}
