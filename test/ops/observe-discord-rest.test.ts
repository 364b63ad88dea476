import { REST } from '@discordjs/rest';
import { afterEach, describe, expect, it } from 'vitest';
import { createHeraldMetrics } from '../../src/ops/metrics.ts';
import { observeDiscordRest } from '../../src/ops/observe-discord-rest.ts';
import { startTestServer, type Handler, type TestServer } from '../support/http-server.ts';

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Handler => {
  return (_request, response) => void response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
};

/** Discord's answer to a request over its limit: retry after 10 ms, here for the given headers' scope. */
const tooMany = (headers: Record<string, string>): Handler => json(429, { message: 'You are being rate limited.', retry_after: 0.01, global: false }, { 'retry-after': '0.01', ...headers });

/** Answers 429 once, then 200. */
function onceThenOk(first: Handler): Handler {
  let answered = 0;
  return (request, response) => (answered++ === 0 ? first : json(200, { url: 'wss://gateway.invalid' }))(request, response);
}

let server: TestServer | undefined;
const clients: REST[] = [];
afterEach(async () => {
  for (const rest of clients.splice(0)) {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
  await server?.close();
});

async function observedRest(answer: Handler): Promise<{ rest: REST; metrics: ReturnType<typeof createHeraldMetrics> }> {
  server = await startTestServer({ '/api/v10/gateway': answer });
  const rest = new REST({ api: `${server.origin}/api`, offset: 0 }).setToken('not-a-real-token');
  clients.push(rest);
  const metrics = createHeraldMetrics();
  observeDiscordRest(rest, metrics);
  return { rest, metrics };
}

describe('observeDiscordRest', () => {
  it('counts a 429 by its scope while discord.js retries the request to success', async () => {
    const { rest, metrics } = await observedRest(onceThenOk(tooMany({ 'x-ratelimit-scope': 'shared' })));
    expect(await rest.get('/gateway')).toEqual({ url: 'wss://gateway.invalid' });
    const text = await metrics.registry.metrics();
    expect(text).toContain('herald_discord_rate_limited_total{scope="shared"} 1');
    expect(text).toContain('herald_discord_rate_limited_total{scope="user"} 0');
  });

  it('counts every answer by method and status class, the 429 and the retry alike', async () => {
    const { rest, metrics } = await observedRest(onceThenOk(tooMany({ 'x-ratelimit-scope': 'user' })));
    await rest.get('/gateway');
    const text = await metrics.registry.metrics();
    expect(text).toContain('herald_discord_requests_total{method="GET",status_class="4xx"} 1');
    expect(text).toContain('herald_discord_requests_total{method="GET",status_class="2xx"} 1');
  });

  it('counts a 429 on the global limit as global', async () => {
    const { rest, metrics } = await observedRest(onceThenOk(tooMany({ 'x-ratelimit-scope': 'global', 'x-ratelimit-global': 'true' })));
    await rest.get('/gateway');
    expect(await metrics.registry.metrics()).toContain('herald_discord_rate_limited_total{scope="global"} 1');
  });

  it('counts a 429 without a scope as user, as discord.js reads it', async () => {
    const { rest, metrics } = await observedRest(onceThenOk(tooMany({})));
    await rest.get('/gateway');
    expect(await metrics.registry.metrics()).toContain('herald_discord_rate_limited_total{scope="user"} 1');
  });

  it('counts a 429 with a scope it does not know as user, so that no header value becomes a series', async () => {
    const { rest, metrics } = await observedRest(onceThenOk(tooMany({ 'x-ratelimit-scope': 'guild-of-the-future' })));
    await rest.get('/gateway');
    const text = await metrics.registry.metrics();
    expect(text).toContain('herald_discord_rate_limited_total{scope="user"} 1');
    expect(text).not.toContain('guild-of-the-future');
  });

  it('leaves the answer to discord.js: a failure still reaches the caller with its body', async () => {
    const { rest, metrics } = await observedRest(json(403, { message: 'Missing Access', code: 50001 }));
    await expect(rest.get('/gateway')).rejects.toThrow('Missing Access');
    expect(await metrics.registry.metrics()).toContain('herald_discord_requests_total{method="GET",status_class="4xx"} 1');
  });
});
