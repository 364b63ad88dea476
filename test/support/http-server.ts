import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';

export type Handler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

export interface TestServerOptions {
  /** Answers paths no route serves; a plain 404 otherwise. */
  fallback?: Handler;
  /** Serve https with this key and certificate (PEM) instead of http. */
  tls?: { key: string | Buffer; cert: string | Buffer };
  /** Listen on another loopback address (127.0.0.2, say) and port, to stand in for a second machine on the same port. */
  listen?: { host: string; port: number };
}

/** A web server of our own on 127.0.0.1 and an ephemeral port (unless `listen` says otherwise), standing in for the publishers and feeds tests read. */
export interface TestServer {
  /** http://HOST:PORT (https:// with `tls`) */
  origin: string;
  port: number;
  url(path: string): string;
  /** Serves a path (query strings ignored); a later call for the same path replaces it. */
  route(path: string, handler: Handler): void;
  /** Every request seen, in order, as "METHOD /path?query". */
  requests: string[];
  /** Connections currently open, to check a client closed its own. */
  openConnections(): number;
  /** Ends every open connection and stops listening. */
  close(): Promise<void>;
}

export async function startTestServer(routes: Record<string, Handler> = {}, options: TestServerOptions = {}): Promise<TestServer> {
  const table = new Map(Object.entries(routes));
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const listener = (request: IncomingMessage, response: ServerResponse): void => {
    requests.push(`${request.method} ${request.url}`);
    const handler = table.get(new URL(request.url ?? '/', 'http://x').pathname) ?? options.fallback;
    if (!handler) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    // A handler that throws drops the connection, which the client sees as a reset, rather than crashing the test run.
    Promise.resolve()
      .then(() => handler(request, response))
      .catch(() => response.destroy());
  };
  const server: Server = options.tls ? createHttpsServer(options.tls, listener) : createHttpServer(listener);
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const { host, port: wanted } = options.listen ?? { host: '127.0.0.1', port: 0 };
  await new Promise<void>((resolve) => server.listen(wanted, host, resolve));
  const port = (server.address() as AddressInfo).port;
  const origin = `${options.tls ? 'https' : 'http'}://${host}:${port}`;
  return {
    origin,
    port,
    url: (path) => `${origin}${path}`,
    route: (path, handler) => void table.set(path, handler),
    requests,
    openConnections: () => sockets.size,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A handler that answers with a fixed body and headers (text/html unless the headers say otherwise). */
export function respond(body: string | Buffer, headers: Record<string, string> = {}, status = 200): Handler {
  return (_request, response) => {
    response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers }).end(body);
  };
}

/** A handler that redirects to `location`, which may be relative. */
export function redirect(location: string, status: 301 | 302 | 303 | 307 | 308 = 302): Handler {
  return (_request, response) => {
    response.writeHead(status, { location }).end();
  };
}
