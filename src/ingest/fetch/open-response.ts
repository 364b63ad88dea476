import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { decompressBody } from './decompress-body.ts';
import { FetchFailure } from './fetch-failure.ts';

/** The socket went silent (while connecting or mid-body) for longer than the idle timeout. */
export class IdleTimeout extends Error {
  constructor(readonly ms: number) {
    super(`no data for ${ms} ms`);
  }
}

/** One HTTP response whose headers have arrived; its body is still on the wire. */
export interface OpenResponse {
  status: number;
  statusText: string;
  header(name: string): string | undefined;
  /** Reads the body within the size cap and undoes its Content-Encoding. */
  readBody(): Promise<Buffer>;
  /** Drops the connection without reading the body. */
  discard(): void;
}

export interface RequestSettings {
  headers: Record<string, string>;
  lookup: LookupFunction;
  /** Aborts the request, or the reading of its body; a rejection then carries the signal's reason. */
  signal: AbortSignal;
  idleTimeoutMs: number;
  maxBytes: number;
  maxBytesLabel: string;
}

/**
 * Without keep-alive: a polling bot gains little from pooled sockets, and an idle pooled socket is one more
 * thing that could keep the process from exiting.
 */
const agents = { http: new http.Agent({ keepAlive: false }), https: new https.Agent({ keepAlive: false }) };

/** Sends one GET and resolves once the response headers are in. Failures reject with the raw error, or the signal's reason when aborted. */
export function openResponse(url: URL, settings: RequestSettings): Promise<OpenResponse> {
  const idle = new AbortController();
  const signal = AbortSignal.any([settings.signal, idle.signal]);
  return new Promise((resolve, reject) => {
    const secure = url.protocol === 'https:';
    const options = { method: 'GET', headers: settings.headers, lookup: settings.lookup, signal, timeout: settings.idleTimeoutMs };
    const onResponse = (response: IncomingMessage): void => resolve(wrapResponse(response, signal, settings));
    const request = secure ? https.request(url, { ...options, agent: agents.https }, onResponse) : http.request(url, { ...options, agent: agents.http }, onResponse);
    request.on('timeout', () => idle.abort(new IdleTimeout(settings.idleTimeoutMs)));
    request.on('error', (error) => reject(signal.aborted ? signal.reason : error));
    request.end();
  });
}

function wrapResponse(response: IncomingMessage, signal: AbortSignal, settings: RequestSettings): OpenResponse {
  const tooLarge = (): FetchFailure => new FetchFailure(`response larger than ${settings.maxBytesLabel}`);
  return {
    status: response.statusCode ?? 0,
    statusText: response.statusMessage ?? '',
    header(name) {
      const value = response.headers[name.toLowerCase()];
      return Array.isArray(value) ? value[0] : value;
    },
    async readBody() {
      // Content-Length is trusted only to refuse early: a body without one, or longer than it says, is counted as it streams.
      if (Number(response.headers['content-length']) > settings.maxBytes) {
        response.destroy();
        throw tooLarge();
      }
      const chunks: Buffer[] = [];
      let received = 0;
      try {
        for await (const chunk of response as AsyncIterable<Buffer>) {
          received += chunk.length;
          if (received > settings.maxBytes) {
            response.destroy();
            throw tooLarge();
          }
          chunks.push(chunk);
        }
      } catch (error) {
        if (signal.aborted) throw signal.reason;
        // Node calls a body cut short a reset ("aborted"), even when the server simply closed after promising more.
        if (!response.complete && (error as NodeJS.ErrnoException).code === 'ECONNRESET') throw cutShort(response, received);
        throw error;
      }
      if (signal.aborted) throw signal.reason;
      if (!response.complete) throw cutShort(response, received);
      const encoding = response.headers['content-encoding'];
      return decompressBody(Buffer.concat(chunks), encoding, settings.maxBytes, settings.maxBytesLabel);
    },
    discard() {
      response.destroy();
    },
  };
}

/** A body that ended before its end: how much came, and how much the server had said would, when it said. */
function cutShort(response: IncomingMessage, received: number): FetchFailure {
  const announced = Number(response.headers['content-length']);
  const extent = Number.isSafeInteger(announced) && announced > received ? ` (${received} of the ${announced} bytes announced)` : '';
  return new FetchFailure(`connection closed before the body was complete${extent}`);
}
