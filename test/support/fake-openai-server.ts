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

/** An OpenAI-compatible server of our own on 127.0.0.1 that serves POST /v1/chat/completions and nothing else. */
export interface FakeOpenAiServer {
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
  const server = await startTestServer({
    '/v1/chat/completions': async (request, response) => {
      const body = JSON.parse(await readBody(request)) as RecordedChatRequest['body'];
      requests.push({ body, authorization: request.headers.authorization });
      await send(response, queue.shift() ?? { kind: 'answer', text: defaultAnswer }, body.model);
    },
  });
  return {
    baseURL: server.url('/v1'),
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

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
