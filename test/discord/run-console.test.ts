import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { consolePoster, runConsole } from '../../src/discord/console/run-console.ts';
import { loadCommands } from '../../src/discord/load-commands.ts';
import { startHeraldApp } from '../../src/herald-app.ts';
import { createLogger } from '../../src/logger.ts';
import { contentMessage } from '../../src/discord/render/message-payload.ts';
import { storyUpdateMessage } from '../../src/discord/render/story-update-message.ts';

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

  it('prints a story’s update under the thread it opened on the digest', async () => {
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    const poster = consolePoster(output);
    const { messageId } = await poster.post('news', contentMessage('**Top stories** Valley dam spillway cracks force evacuation of Millbrook'), 'nonce');
    const { threadId } = await poster.openThread('news', messageId, 'Updates: Valley dam spillway cracks force evacuation of Millbrook');
    const update = storyUpdateMessage('Harbour Times now reports it. New: 4,000 evacuated, 1.2 metres, Ana Ruiz.', [
      { publisher: 'Harbour Times', title: 'Millbrook dam: 4,000 evacuated as engineers race to drain reservoir', url: 'https://harbour.example/millbrook-dam-evacuation' },
    ]);
    printed = '';
    await poster.post(threadId, update, 'update-nonce');
    expect(printed).toBe(
      '\n🧵 Updates: Valley dam spillway cracks force evacuation of Millbrook\n\n🔄 Update: Harbour Times now reports it. New: 4,000 evacuated, 1.2 metres, Ana\nRuiz.\n• Millbrook dam: 4,000 evacuated as engineers race to drain reservoir\n<https://harbour.example/millbrook-dam-evacuation> · Harbour Times\n\n',
    );
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
