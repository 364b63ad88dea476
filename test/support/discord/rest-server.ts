import type { IncomingMessage, ServerResponse } from 'node:http';
import { startTestServer } from '../http-server.ts';
import { DiscordError, discordErrors } from './discord-errors.ts';
import type { FaultInjector } from './faults.ts';
import type { UploadedFile } from './messages.ts';
import { tooManyRequests, type RateLimiter } from './rate-limits.ts';

const VERSION_PREFIX = '/api/v10';

export interface RestRequest {
  method: string;
  /** Decoded route after `/api/v10`: discord-api-types percent-encodes `@original`, so it arrives as `%40original`. */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  files: UploadedFile[];
  now: number;
}

export interface RestReply {
  status: number;
  body?: unknown;
}

export interface RestRoute {
  method: string;
  /** A route template such as `/channels/:channelId/messages`. */
  route: string;
  /** Bot-token routes; the rest (interaction callbacks, interaction webhooks) authenticate by token in the path and sit outside the global limit. */
  auth: boolean;
  handle(request: RestRequest): RestReply | Promise<RestReply>;
}

export interface RecordedRequest {
  method: string;
  path: string;
  status: number;
  /** Epoch ms the request arrived. */
  at: number;
  body: unknown;
  /** For a 429, the limit that refused it, as its x-ratelimit-scope says: the global one, or the route's bucket ('user'). */
  limitedBy?: 'global' | 'user';
}

export interface RestServer {
  apiBase: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

interface CompiledRoute {
  route: RestRoute;
  pattern: RegExp;
  names: string[];
}

export async function startRestServer(input: { token: string; routes: RestRoute[]; faults: FaultInjector; rateLimiter: RateLimiter }): Promise<RestServer> {
  const requests: RecordedRequest[] = [];
  const routes = input.routes.map(compile);

  const answer = async (request: IncomingMessage, url: URL, raw: Buffer, at: number): Promise<{ path: string; body: unknown; answer: Answer }> => {
    const method = request.method ?? 'GET';
    if (!url.pathname.startsWith(`${VERSION_PREFIX}/`)) return { path: url.pathname, body: undefined, answer: fromError(discordErrors.notFound()) };
    const path = decodeURIComponent(url.pathname.slice(VERSION_PREFIX.length));
    const { body, files } = await parseBody(request.headers['content-type'], raw);
    const done = (result: Answer): { path: string; body: unknown; answer: Answer } => ({ path, body, answer: result });

    const fault = input.faults.take(method, path);
    const serverError = (status: number): Answer => ({ status, headers: {}, body: { message: `${status}: Server Error`, code: 0 } });
    if (fault?.status === 429) return done(limited(fault.retryAfterSeconds, fault.global ?? false, {}));
    if (fault && !fault.afterServing) return done(serverError(fault.status));
    const lost = fault;

    const candidates = routes.filter((candidate) => candidate.pattern.test(path));
    const found = candidates.find((candidate) => candidate.route.method === method);
    if (!found) return done(fromError(candidates.length > 0 ? discordErrors.methodNotAllowed() : discordErrors.notFound()));
    if (found.route.auth && request.headers.authorization !== `Bot ${input.token}`) return done(fromError(discordErrors.unauthorized()));

    const verdict = input.rateLimiter.admit(method, path, found.route.auth, at);
    if (verdict.limited) return done(limited(verdict.limited.retryAfterSeconds, verdict.limited.global, verdict.headers));

    const values = found.pattern.exec(path)?.slice(1) ?? [];
    const params = Object.fromEntries(found.names.map((name, index) => [name, values[index] ?? '']));
    try {
      const reply = await found.route.handle({ method, path, params, query: url.searchParams, body, files, now: at });
      return done(lost ? serverError(lost.status) : { status: reply.status, headers: verdict.headers, body: reply.body });
    } catch (error) {
      if (error instanceof DiscordError) return done({ ...fromError(error), headers: verdict.headers });
      // A bug in the fake should fail loudly in the test, not look like Discord being down.
      return done({ status: 500, headers: {}, body: { message: `loopback Discord failed: ${String(error)}`, code: 0 } });
    }
  };

  const server = await startTestServer(
    {},
    {
      fallback: async (request: IncomingMessage, response: ServerResponse) => {
        const at = Date.now();
        const url = new URL(request.url ?? '/', 'http://loopback');
        const result = await answer(request, url, await readBody(request), at);
        const scope = result.answer.status === 429 ? result.answer.headers['x-ratelimit-scope'] : undefined;
        requests.push({
          method: request.method ?? 'GET',
          path: result.path,
          status: result.answer.status,
          at,
          body: result.body,
          ...(scope === 'global' || scope === 'user' ? { limitedBy: scope } : {}),
        });
        send(response, result.answer);
      },
    },
  );
  return { apiBase: server.url('/api'), requests, close: () => server.close() };
}

function compile(route: RestRoute): CompiledRoute {
  const names: string[] = [];
  const source = route.route.replace(/:(\w+)/g, (_match, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { route, pattern: new RegExp(`^${source}$`), names };
}

function limited(retryAfterSeconds: number, global: boolean, headers: Record<string, string>): Answer {
  const answer = tooManyRequests(retryAfterSeconds, global);
  return { status: 429, headers: { ...headers, ...answer.headers }, body: answer.body };
}

function fromError(error: DiscordError): Answer {
  return { status: error.status, headers: {}, body: error.toJSON() };
}

/** discord.js sends JSON, or multipart with `payload_json` and `files[n]` when a message carries attachments. */
async function parseBody(contentType: string | undefined, raw: Buffer): Promise<{ body: unknown; files: UploadedFile[] }> {
  if (raw.length === 0) return { body: undefined, files: [] };
  if (contentType?.startsWith('multipart/form-data')) {
    const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } }).formData();
    const files: UploadedFile[] = [];
    let body: unknown;
    for (const [field, value] of form) {
      if (typeof value === 'string') {
        if (field === 'payload_json') body = JSON.parse(value);
      } else {
        files.push({ field, name: value.name, size: value.size, contentType: value.type });
      }
    }
    return { body, files };
  }
  return { body: JSON.parse(raw.toString('utf8')), files: [] };
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function send(response: ServerResponse, answer: Answer): void {
  if (answer.status === 204) {
    response.writeHead(204, answer.headers).end();
    return;
  }
  // @discordjs/rest parses a body as JSON only when Content-Type says so.
  response.writeHead(answer.status, { ...answer.headers, 'content-type': 'application/json' }).end(JSON.stringify(answer.body ?? null));
}
