import type { Responder } from './command.ts';
import type { MessagePayload } from './render/message-payload.ts';

/** Sends a reply that the renderer split over several messages: the first answers, the rest follow up. */
export async function sendAll(respond: Responder, messages: MessagePayload[], options: { ephemeral?: boolean } = {}): Promise<void> {
  for (const message of messages) await respond.send(message, options);
}
