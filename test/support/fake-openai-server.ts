import type { IncomingMessage, ServerResponse } from 'node:http';
import { startTestServer } from './http-server.ts';

/** What the fake answers one chat-completions request with. */
export type FakeReply =
  | { kind: 'answer'; text: string; delayMs?: number }
  /** An error answer; `message` lets a test make the server echo something, as real servers echo a wrong key. */
  | { kind: 'status'; status: number; headers?: Record<string, string>; message?: string }
  | { kind: 'malformed-json' }
  | { kind: 'no-choices' };

export interface RecordedChatRequest {
  body: {
    model: string;
    messages: Array<{ role: string; content: string }>;
    temperature?: number;
    max_tokens?: number;
  };
  authorization: string | undefined;
}

/** An OpenAI-compatible server of our own on 127.0.0.1 that serves POST /v1/chat/completions and /v1/embeddings. */
export interface FakeOpenAiServer {
  /** Every embeddings request, in the order they arrived. */
  embeddingRequests: Array<{ model: string; input: string[] }>;
  /** How the server embeds one text; a bag of hashed words (bagOfWords) unless a test says otherwise. */
  embedWith(embed: (text: string) => number[]): void;
  /** The next `times` embeddings requests get this status instead of embeddings. */
  failEmbeddings(status: number, times?: number): void;
  /** http://127.0.0.1:PORT/v1, as OPENAI_BASE_URL or the SDK's baseURL. */
  baseURL: string;
  /** Every chat-completions request, in the order they arrived. */
  requests: RecordedChatRequest[];
  /** Replies to the next requests, in order; once they run out, each request gets the default answer. */
  script(...replies: FakeReply[]): void;
  close(): Promise<void>;
}

export const DEFAULT_ANSWER = 'The city council approved a new budget on Monday, raising spending on schools by ten percent.';

export async function startFakeOpenAiServer(defaultAnswer = DEFAULT_ANSWER): Promise<FakeOpenAiServer> {
  const requests: RecordedChatRequest[] = [];
  const queue: FakeReply[] = [];
  const embeddingRequests: FakeOpenAiServer['embeddingRequests'] = [];
  let embed = bagOfWords;
  const failures: number[] = [];
  const server = await startTestServer({
    '/v1/chat/completions': async (request, response) => {
      const body = JSON.parse(await readBody(request)) as RecordedChatRequest['body'];
      requests.push({ body, authorization: request.headers.authorization });
      await send(response, queue.shift() ?? { kind: 'answer', text: defaultAnswer }, body.model);
    },
    '/v1/embeddings': async (request, response) => {
      const body = JSON.parse(await readBody(request)) as { model: string; input: string | string[] };
      const input = typeof body.input === 'string' ? [body.input] : body.input;
      embeddingRequests.push({ model: body.model, input });
      const failure = failures.shift();
      if (failure) {
        await send(response, { kind: 'status', status: failure }, body.model);
        return;
      }
      // Listed in reverse, as a server may: each item names the input it belongs to.
      const data = input.map((text, index) => ({ object: 'embedding', index, embedding: embed(text) })).reverse();
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'list', data, model: body.model, usage: { prompt_tokens: 1, total_tokens: 1 } }));
    },
  });
  return {
    baseURL: server.url('/v1'),
    embeddingRequests,
    embedWith: (next) => void (embed = next),
    failEmbeddings: (status, times = 1) => void failures.push(...Array.from({ length: times }, () => status)),
    requests,
    script: (...replies) => void queue.push(...replies),
    close: () => server.close(),
  };
}

async function send(response: ServerResponse, reply: FakeReply, model: string): Promise<void> {
  const json = { 'content-type': 'application/json' };
  switch (reply.kind) {
    case 'answer':
      if (reply.delayMs) await delayUnlessClosed(response, reply.delayMs);
      response.writeHead(200, json).end(JSON.stringify(completion(model, [{ index: 0, message: { role: 'assistant', content: reply.text }, finish_reason: 'stop' }])));
      return;
    case 'status':
      response.writeHead(reply.status, { ...json, ...reply.headers }).end(JSON.stringify({ error: { message: reply.message ?? `fake failure ${reply.status}`, type: 'server_error', code: null } }));
      return;
    case 'malformed-json':
      response.writeHead(200, json).end('{"id": "chatcmpl-fake", "choices": [{"message": ');
      return;
    case 'no-choices':
      response.writeHead(200, json).end(JSON.stringify(completion(model, [])));
      return;
  }
}

function completion(model: string, choices: unknown[]): unknown {
  return { id: 'chatcmpl-fake', object: 'chat.completion', created: 0, model, choices, usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } };
}

/** Waits like a slow model, but stops early once the client hangs up so no timer outlives the test. */
function delayUnlessClosed(response: ServerResponse, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    response.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** A stand-in for a model: each lower-cased word adds one to a dimension of 64 chosen by its hash. */
export function bagOfWords(text: string): number[] {
  const vector = new Array<number>(64).fill(0);
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    let hash = 0;
    for (const char of word) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
    vector[hash % 64]! += 1;
  }
  return vector;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
