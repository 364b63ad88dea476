import { InputError } from '../input-error.ts';
import type { Logger } from '../logger.ts';
import type { AutocompleteRequest, Command, CommandRequest, Responder, Services } from './command.ts';
import { replyText } from './i18n/reply-text.ts';
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
  const respond = deadlineResponder(responder, options.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS);
  const text = replyText(request.locale);
  try {
    const command = commands.get(request.commandName);
    if (!command) throw new InputError(text.noSuchCommand(request.commandName));
    // Awaited under the deadline: a process still opening its store defers rather than letting the interaction expire.
    await command.execute(request, respond, await services);
  } catch (error) {
    const userError = error instanceof InputError;
    if (!userError) options.logger.error({ err: error, command: request.commandName, guildId: request.guildId }, 'command failed');
    const explanation = userError ? error.message : text.commandFailed(`/${request.commandName}`);
    // An explanation may quote what the user typed, which can be 10,000 characters long.
    await respond.send(contentMessage(`⚠️ ${fitUntrusted(oneLine(explanation), ERROR_MAX)}`), { ephemeral: true }).catch((sendError: unknown) => {
      options.logger.warn({ err: sendError, command: request.commandName }, 'could not tell the user about a failure');
    });
  } finally {
    respond.settle();
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

/** The responder a handler sees: it defers by itself when the handler is slow, and keeps calls in order. */
function deadlineResponder(inner: Responder, deferAfterMs: number): Responder & { settle(): void } {
  let answered = false;
  let chain: Promise<void> = Promise.resolve();
  const enqueue = (step: () => Promise<void>): Promise<void> => {
    const result = chain.then(step);
    // One failed call (an expired interaction) must not stop the error message queued after it.
    chain = result.catch(() => undefined);
    return result;
  };
  const timer = setTimeout(() => {
    if (answered) return;
    answered = true;
    enqueue(() => inner.defer()).catch(() => undefined);
  }, deferAfterMs);
  return {
    defer(options) {
      if (answered) return chain;
      answered = true;
      return enqueue(() => inner.defer(options));
    },
    send(message, options) {
      answered = true;
      return enqueue(() => inner.send(message, options));
    },
    settle() {
      clearTimeout(timer);
    },
  };
}
