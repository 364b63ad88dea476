import { InputError } from '../input-error.ts';
import { replyText } from './i18n/reply-text.ts';

/** Discord's limit on a component's custom id. */
export const BUTTON_ID_MAX = 100;

/** What a button press names: the command module that answers it, what to do, and whatever that needs. */
export interface ButtonId {
  command: string;
  action: string;
  /** Everything after the action, as written; may itself hold colons. */
  data: string;
}

/**
 * The custom id of a button: "<command>:<action>:<data>". Herald keeps no state for a button, so that it
 * works after a restart and in any process: the id is all a press brings. Undefined when it would be longer
 * than Discord allows, so the caller can carry less (a shorter query, a key into the store) instead.
 */
export function buttonId(command: string, action: string, data = ''): string | undefined {
  if (command.includes(':') || action.includes(':')) throw new Error(`a button's command and action hold no colon: ${command}, ${action}`);
  const id = `${command}:${action}:${data}`;
  return id.length <= BUTTON_ID_MAX ? id : undefined;
}

/** What a press on a button Herald no longer answers (a retired command or action) is told, in the presser's language. */
export function retiredButton(locale: string | undefined): InputError {
  return new InputError(replyText(locale).buttonGone);
}

/** The parts of a custom id Herald made; null for one it did not (another app's, or a mangled one). */
export function parseButtonId(customId: string): ButtonId | null {
  const match = /^([^:]+):([^:]+):(.*)$/s.exec(customId);
  return match ? { command: match[1]!, action: match[2]!, data: match[3]! } : null;
}
