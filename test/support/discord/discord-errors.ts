/** Discord's nested form-error map: `{ embeds: { 0: { title: { _errors: [...] } } } }`. */
export interface FormErrors {
  [key: string]: FormErrors | Array<{ code: string; message: string }>;
}

/** An error answer in Discord's JSON shape; REST handlers throw it and the server renders it. */
export class DiscordError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly errors?: FormErrors,
  ) {
    super(message);
  }

  toJSON(): { code: number; message: string; errors?: FormErrors } {
    return this.errors ? { code: this.code, message: this.message, errors: this.errors } : { code: this.code, message: this.message };
  }
}

export const discordErrors = {
  unauthorized: () => new DiscordError(401, 0, '401: Unauthorized'),
  notFound: () => new DiscordError(404, 0, '404: Not Found'),
  methodNotAllowed: () => new DiscordError(405, 0, '405: Method Not Allowed'),
  unknownChannel: () => new DiscordError(404, 10003, 'Unknown Channel'),
  unknownMember: () => new DiscordError(404, 10007, 'Unknown Member'),
  unknownMessage: () => new DiscordError(404, 10008, 'Unknown Message'),
  unknownWebhook: () => new DiscordError(404, 10015, 'Unknown Webhook'),
  unknownInteraction: () => new DiscordError(404, 10062, 'Unknown interaction'),
  alreadyAcknowledged: () => new DiscordError(400, 40060, 'Interaction has already been acknowledged.'),
  missingAccess: () => new DiscordError(403, 50001, 'Missing Access'),
  emptyMessage: () => new DiscordError(400, 50006, 'Cannot send an empty message'),
  notATextChannel: () => new DiscordError(400, 50008, 'Cannot send messages in a non-text channel'),
  missingPermissions: () => new DiscordError(403, 50013, 'Missing Permissions'),
  invalidWebhookToken: () => new DiscordError(401, 50027, 'Invalid Webhook Token'),
  wrongChannelType: () => new DiscordError(400, 50024, 'Cannot execute action on this channel type'),
  invalidFormBody: (errors: FormErrors) => new DiscordError(400, 50035, 'Invalid Form Body', errors),
  threadAlreadyCreated: () => new DiscordError(400, 160004, 'A thread has already been created for this message'),
};
