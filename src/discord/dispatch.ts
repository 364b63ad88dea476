import { InputError } from '../input-error.ts';
import type { Logger } from '../logger.ts';
import { parseButtonId, retiredButton } from './button-id.ts';
import type { AutocompleteRequest, ButtonRequest, ButtonResponder, Command, CommandRequest, Responder, Services } from './command.ts';
import { replyText, type ReplyText } from './i18n/reply-text.ts';
import { contentMessage } from './render/message-payload.ts';
import { fitUntrusted, oneLine } from './render/safe-text.ts';

export interface DispatchOptions {
  logger: Pick<Logger, 'warn' | 'error'>;
  /**
   * Discord drops an interaction not acknowledged within 3 s. A handler that has not answered by this time
   * is deferred for it, so a slow summariser or store never costs the user their answer.
   */
  deferAfterMs?: number;
}

const DEFAULT_DEFER_AFTER_MS = 1_500;
const ERROR_MAX = 500;
/**
 * Commands and presses this process is answering now, across its bots. They share one event loop: while
 * others are under way, a deadline timer may fire late (a storm of /news on a big store keeps the loop busy
 * for seconds), so a new one is acknowledged before its handler starts rather than when the timer comes.
 */
let answeringNow = 0;
const BUSY_AT = 2;

/**
 * Runs one command for one user, whatever the front end: answers within the deadline, turns an InputError
 * into a short private explanation, and catches, logs and answers every other failure.
 */
export async function dispatchCommand(
  commands: ReadonlyMap<string, Command>,
  request: CommandRequest,
  responder: Responder,
  services: Services | Promise<Services>,
  options: DispatchOptions,
): Promise<void> {
  const respond = deadlineResponder(responder, options.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS, () => responder.defer());
  const text = replyText(request.locale);
  await answering(respond, `/${request.commandName}`, request.guildId, text, options, async () => {
    const command = commands.get(request.commandName);
    if (!command) throw new InputError(text.noSuchCommand(request.commandName));
    // Awaited under the deadline: a process still opening its store defers rather than letting the interaction expire.
    await command.execute(request, respond, await services);
  });
  await tellOwedNotice(request, respond, services, options);
}

/**
 * Runs the handler of one button press, with the same deadline and error handling as a command. A slow
 * handler is acknowledged with `deferUpdate`, which adds nothing to the conversation, so that it may still
 * answer by changing the pressed message or with a reply.
 */
export async function dispatchButton(
  commands: ReadonlyMap<string, Command>,
  request: ButtonRequest,
  responder: ButtonResponder & { deferUpdate(): Promise<void> },
  services: Services | Promise<Services>,
  options: DispatchOptions,
): Promise<void> {
  const respond = deadlineResponder(responder, options.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS, () => responder.deferUpdate());
  const named = parseButtonId(request.customId);
  const command = named ? commands.get(named.command) : undefined;
  const text = replyText(request.locale);
  await answering(respond, `button ${named?.command ?? '?'}:${named?.action ?? '?'}`, request.guildId, text, options, async () => {
    if (!command?.button) throw retiredButton(request.locale);
    await command.button(request, { ...respond, update: (message) => respond.enqueue(() => responder.update(message)) }, await services);
  });
}

/** Runs a handler, turns an InputError into a short private explanation, and catches, logs and answers every other failure. */
async function answering(
  respond: Responder & { settle(): void; acknowledge(): Promise<void> },
  what: string,
  guildId: string | null,
  text: ReplyText,
  options: DispatchOptions,
  handle: () => Promise<void>,
): Promise<void> {
  const busy = answeringNow >= BUSY_AT;
  answeringNow += 1;
  try {
    if (busy) await respond.acknowledge();
    await handle();
  } catch (error) {
    const userError = error instanceof InputError;
    if (!userError) options.logger.error({ err: error, command: what, guildId }, 'command failed');
    const explanation = userError ? error.message : text.commandFailed(what);
    // An explanation may quote what the user typed, which can be 10,000 characters long.
    await respond.send(contentMessage(`⚠️ ${fitUntrusted(oneLine(explanation), ERROR_MAX)}`), { ephemeral: true }).catch((sendError: unknown) => {
      options.logger.warn({ err: sendError, command: what }, 'could not tell the user about a failure');
    });
  } finally {
    answeringNow -= 1;
    respond.settle();
  }
}

/**
 * What Herald owes the member in this server (their follows paused because their DMs are closed) is told
 * once, privately, after the answer to whatever command they used next; a failure to tell costs nothing else.
 */
async function tellOwedNotice(request: CommandRequest, respond: Responder, services: Services | Promise<Services>, options: DispatchOptions): Promise<void> {
  if (!request.guildId) return;
  try {
    const notice = await (await services).owedNotice(request.guildId, request.user.id);
    if (notice) await respond.send(contentMessage(`ℹ️ ${notice}`), { ephemeral: true });
  } catch (error) {
    options.logger.warn({ err: error, command: request.commandName }, 'could not give a member the explanation Herald owed them');
  }
}

/** Autocomplete must answer fast and never fails loudly: a problem gives no suggestions, and is logged. */
export async function dispatchAutocomplete(
  commands: ReadonlyMap<string, Command>,
  request: AutocompleteRequest,
  services: Services,
  options: DispatchOptions,
): Promise<Array<{ name: string; value: string }>> {
  try {
    const choices = (await commands.get(request.commandName)?.autocomplete?.(request, services)) ?? [];
    return choices.filter((choice) => choice.name && choice.value).slice(0, 25);
  } catch (error) {
    options.logger.warn({ err: error, command: request.commandName }, 'autocomplete failed');
    return [];
  }
}

/** The responder a handler sees: it acknowledges by itself (with `lateDefer`) when the handler is slow, and keeps calls in order. */
function deadlineResponder(
  inner: Responder,
  deferAfterMs: number,
  lateDefer: () => Promise<void>,
): Responder & { settle(): void; acknowledge(): Promise<void>; enqueue(step: () => Promise<void>): Promise<void> } {
  let answered = false;
  let chain: Promise<void> = Promise.resolve();
  const enqueue = (step: () => Promise<void>): Promise<void> => {
    answered = true;
    const result = chain.then(step);
    // One failed call (an expired interaction) must not stop the error message queued after it.
    chain = result.catch(() => undefined);
    return result;
  };
  const timer = setTimeout(() => {
    if (answered) return;
    enqueue(lateDefer).catch(() => undefined);
  }, deferAfterMs);
  return {
    defer(options) {
      if (answered) return chain;
      return enqueue(() => inner.defer(options));
    },
    send(message, options) {
      return enqueue(() => inner.send(message, options));
    },
    enqueue,
    /** Acknowledges now as the deadline would (a deferral), unless something was sent already. */
    acknowledge() {
      return answered ? Promise.resolve() : enqueue(lateDefer);
    },
    settle() {
      clearTimeout(timer);
    },
  };
}
