import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { consolePoster } from '../../src/discord/console/run-console.ts';
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
