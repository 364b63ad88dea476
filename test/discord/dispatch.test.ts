import { SlashCommandBuilder } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Command, CommandRequest, Responder, Services } from '../../src/discord/command.ts';
import { dispatchAutocomplete, dispatchCommand } from '../../src/discord/dispatch.ts';
import { contentMessage, type MessagePayload } from '../../src/discord/render/message-payload.ts';
import { InputError } from '../../src/input-error.ts';
import { commandRequest } from '../support/command-request.ts';

const services = { owedNotice: async () => undefined } as unknown as Services;

function request(commandName: string): CommandRequest {
  return commandRequest({ commandName, guildId: 'guild', channelId: 'channel', user: { id: 'u', name: 'u' } });
}

function recorder(): Responder & { calls: string[]; sent: Array<{ message: MessagePayload; ephemeral: boolean }> } {
  const calls: string[] = [];
  const sent: Array<{ message: MessagePayload; ephemeral: boolean }> = [];
  return {
    calls,
    sent,
    async defer() {
      calls.push('defer');
    },
    async send(message, options) {
      calls.push('send');
      sent.push({ message, ephemeral: options?.ephemeral ?? false });
    },
  };
}

function command(name: string, execute: Command['execute'], autocomplete?: Command['autocomplete']): Map<string, Command> {
  return new Map([[name, { data: new SlashCommandBuilder().setName(name).setDescription(name), execute, ...(autocomplete ? { autocomplete } : {}) }]]);
}

const logger = { warn: vi.fn(), error: vi.fn() };

beforeEach(() => {
  vi.useFakeTimers();
  logger.warn.mockClear();
  logger.error.mockClear();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('dispatchCommand', () => {
  it('defers a handler that has not answered by the deadline, then sends its answer', async () => {
    const respond = recorder();
    const slow = command('slow', async (_request, responder) => {
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      await responder.send(contentMessage('done'));
    });
    const done = dispatchCommand(slow, request('slow'), respond, services, { logger, deferAfterMs: 1_500 });
    await vi.advanceTimersByTimeAsync(1_500);
    expect(respond.calls).toEqual(['defer']);
    await vi.advanceTimersByTimeAsync(3_500);
    await done;
    expect(respond.calls).toEqual(['defer', 'send']);
  });

  it('defers a command that arrives while the store is still opening, then answers it with the services', async () => {
    const respond = recorder();
    const opened = { defaultSources: ['opened'], owedNotice: async () => undefined } as unknown as Services;
    const starting = new Promise<Services>((resolve) => setTimeout(() => resolve(opened), 4_000));
    const echo = command('echo', async (_request, responder, given) => responder.send(contentMessage(given.defaultSources.join())));
    const done = dispatchCommand(echo, request('echo'), respond, starting, { logger, deferAfterMs: 1_500 });
    await vi.advanceTimersByTimeAsync(1_500);
    expect(respond.calls).toEqual(['defer']);
    await vi.advanceTimersByTimeAsync(2_500);
    await done;
    expect(respond.sent.map((sent) => sent.message.content)).toEqual(['opened']);
  });

  it('does not defer a handler that answers in time', async () => {
    const respond = recorder();
    await dispatchCommand(command('fast', async (_request, responder) => responder.send(contentMessage('hi'))), request('fast'), respond, services, { logger });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(respond.calls).toEqual(['send']);
  });

  it('acknowledges at once, before its handler starts, a command that arrives while two others are being answered', async () => {
    const slow = command('slow', async (_request, responder) => {
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      await responder.send(contentMessage('done'));
    });
    const [first, second, third] = [recorder(), recorder(), recorder()];
    const running = [first, second].map((respond) => dispatchCommand(slow, request('slow'), respond, services, { logger, deferAfterMs: 1_500 }));
    let deferredBeforeStart: string[] = [];
    const watched = command('watched', async (_request, responder) => {
      deferredBeforeStart = [...third.calls];
      await responder.send(contentMessage('hi'));
    });
    await dispatchCommand(watched, request('watched'), third, services, { logger, deferAfterMs: 1_500 });
    expect(deferredBeforeStart).toEqual(['defer']);
    expect(third.calls).toEqual(['defer', 'send']);
    expect([first.calls, second.calls]).toEqual([[], []]);
    await vi.advanceTimersByTimeAsync(5_000);
    await Promise.all(running);
    const alone = recorder();
    await dispatchCommand(command('fast', async (_request, responder) => responder.send(contentMessage('hi'))), request('fast'), alone, services, { logger });
    expect(alone.calls).toEqual(['send']);
  });

  it('answers bad input privately with its one-line explanation, without logging it as a failure', async () => {
    const respond = recorder();
    await dispatchCommand(command('bad', async () => { throw new InputError('That is not a time of day.'); }), request('bad'), respond, services, { logger });
    expect(respond.sent).toEqual([{ message: contentMessage('⚠️ That is not a time of day.'), ephemeral: true }]);
    expect(logger.error).not.toHaveBeenCalled();
  });

  it('logs an unexpected failure and tells the user privately, without the internals', async () => {
    const respond = recorder();
    await dispatchCommand(command('broken', async () => { throw new Error('database exploded at /var/lib'); }), request('broken'), respond, services, { logger });
    expect(logger.error).toHaveBeenCalledOnce();
    expect(respond.sent[0]?.ephemeral).toBe(true);
    expect(respond.sent[0]?.message.content).toContain('Something went wrong while answering /broken');
    expect(respond.sent[0]?.message.content).not.toContain('database');
  });

  it('tells a user whose Discord is in French of a failure in French', async () => {
    const respond = recorder();
    await dispatchCommand(command('broken', async () => { throw new Error('database exploded'); }), { ...request('broken'), locale: 'fr' }, respond, services, { logger });
    expect(respond.sent[0]?.message.content).toBe('⚠️ Un problème est survenu en répondant à /broken. Il a été consigné ; merci de réessayer.');
  });

  it('tells a user of a command Herald no longer has in the user’s language, naming /help as the user sees it', async () => {
    const respond = recorder();
    await dispatchCommand(new Map(), { ...request('weather'), locale: 'pt-BR' }, respond, services, { logger });
    expect(respond.sent[0]?.message.content).toBe('⚠️ O Herald já não tem o comando /weather; /ajuda mostra o que ele pode fazer.');
  });
});

describe('an explanation Herald owes the member', () => {
  it('follows the answer to their next command, privately', async () => {
    const respond = recorder();
    const owing = { owedNotice: async (guildId: string, userId: string) => (guildId === 'guild' && userId === 'u' ? 'Your follows are paused.' : undefined) } as unknown as Services;
    await dispatchCommand(command('fast', async (_request, responder) => responder.send(contentMessage('hi'))), request('fast'), respond, owing, { logger });
    expect(respond.sent).toEqual([
      { message: contentMessage('hi'), ephemeral: false },
      { message: contentMessage('ℹ️ Your follows are paused.'), ephemeral: true },
    ]);
  });

  it('costs nothing else when it cannot be read', async () => {
    const respond = recorder();
    const failing = { owedNotice: async () => Promise.reject(new Error('store closed')) } as unknown as Services;
    await dispatchCommand(command('fast', async (_request, responder) => responder.send(contentMessage('hi'))), request('fast'), respond, failing, { logger });
    expect(respond.sent).toEqual([{ message: contentMessage('hi'), ephemeral: false }]);
    expect(logger.warn).toHaveBeenCalledOnce();
  });
});

describe('dispatchAutocomplete', () => {
  it('offers no choices, and logs, when the handler fails', async () => {
    const choices = await dispatchAutocomplete(command('news', async () => undefined, async () => { throw new Error('boom'); }), { ...request('news'), focused: { name: 'topic', value: 'k' } }, services, { logger });
    expect(choices).toEqual([]);
    expect(logger.warn).toHaveBeenCalledOnce();
  });

  it('keeps to Discord’s 25 choices', async () => {
    const many = Array.from({ length: 40 }, (_, index) => ({ name: `topic ${index}`, value: `topic ${index}` }));
    const choices = await dispatchAutocomplete(command('news', async () => undefined, async () => many), { ...request('news'), focused: { name: 'topic', value: '' } }, services, { logger });
    expect(choices).toHaveLength(25);
  });
});
