import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { consolePoster } from '../../src/discord/console/run-console.ts';
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
