import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { consolePoster, runConsole } from '../../src/discord/console/run-console.ts';
import { loadCommands } from '../../src/discord/load-commands.ts';
import { startHeraldApp } from '../../src/herald-app.ts';
import { createLogger } from '../../src/logger.ts';
import { contentMessage } from '../../src/discord/render/message-payload.ts';

describe('consolePoster', () => {
  it('prints a scheduled digest in the terminal under the channel it was meant for', async () => {
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    const poster = consolePoster(output);
    expect(await poster.post('news', contentMessage('**Top stories** Ferry strike ends'), 'nonce')).toEqual({ messageId: 'console-1' });
    expect(printed).toBe('\n📰 Scheduled briefing for #news\n\nTop stories Ferry strike ends\n\n');
    expect(await poster.blocker('news')).toBeUndefined();
  });
});

describe('runConsole', () => {
  async function consoleSession(lines: string[]): Promise<string> {
    const loaded = await loadConfig({ HERALD_STORE: 'memory:' });
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    const logger = createLogger({ HERALD_LOG_LEVEL: 'silent' });
    const app = await startHeraldApp({ config: { ...loaded, ingest: { ...loaded.ingest, seedFirstPoll: false } }, env: {}, logger, poster: consolePoster(output) });
    try {
      await app.ingestAll();
      const input = new PassThrough();
      input.end(lines.map((line) => `${line}\n`).join(''));
      await runConsole({ commands: await loadCommands(), services: app.services, input, output, logger });
      return printed;
    } finally {
      await app.stop();
    }
  }

  it('prints buttons as [Label], and presses one typed as printed, answering as on Discord', async () => {
    const printed = await consoleSession(['/news topic:north korea', '[More like: Kim Jong Un to Meet…]']);
    expect(printed).toContain('[More like: Kim Jong Un to Meet…]');
    const answer = printed.slice(printed.indexOf('(only you can see this)\nMore like "Kim Jong Un to Meet Putin'));
    expect(answer).toMatch(/^\(only you can see this\)\nMore like "Kim Jong Un[\s\S]*\n\nSeoul warns Pyongyang and Moscow against arms deal\n/);
  }, 30_000);

  it('explains a button that no reply above has', async () => {
    expect(await consoleSession(['[Next ▶]'])).toContain('⚠️ No reply above has a [Next ▶] button.');
  }, 30_000);
});
