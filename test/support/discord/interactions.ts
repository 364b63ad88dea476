import { InteractionResponseType, InteractionType, MessageFlags, type APIInteractionResponse, type APIUser } from 'discord.js';
import type { CommandRegistry } from './commands.ts';
import type { DirectMessages } from './direct-messages.ts';
import { discordErrors } from './discord-errors.ts';
import type { GuildDirectory } from './guilds.ts';
import { buttonPressPayload, interactionCreatePayload, type ButtonPressInput, type CommandInput } from './interaction-create.ts';
import { createMessage, editMessage, isLoading, WEBHOOK_DEFAULT_MENTIONS, type MessageBody, type StoredMessage, type UploadedFile } from './messages.ts';
import type { RestReply } from './rest-server.ts';
import { autocompleteIssues, invalidFormBody, isEmptyMessage, messageIssues, rejectIssues } from './validation.ts';

const TOKEN_LIFETIME_MS = 15 * 60_000;

export interface InteractionRecord {
  id: string;
  token: string;
  kind: 'command' | 'autocomplete' | 'button';
  channelId: string;
  /** For a button press: the message the button is on, wherever it is kept; an update changes it there. */
  target?: MessageSlot;
  dispatchedAt: number;
  callback?: APIInteractionResponse;
  /** The reply as it stands now: the deferred "thinking" message until it is edited or followed up. */
  original?: StoredMessage;
  followUps: StoredMessage[];
}

/** Where a message is kept (a channel, or an interaction's replies), to read and replace it. */
export interface MessageSlot {
  get(): StoredMessage;
  set(message: StoredMessage): void;
}

export interface InteractionDeps {
  applicationId: string;
  bot: APIUser;
  directory: GuildDirectory;
  commands: CommandRegistry;
  mintId: () => string;
  /** Discord's 3 s to acknowledge; configurable so a test of a slow handler need not wait 3 s. */
  deadlineMs: number;
  /** The bot's DM channels, where a button on a direct message is pressed. */
  directMessages: DirectMessages;
}

export interface Interactions {
  /** Records a new interaction and returns the INTERACTION_CREATE payload to dispatch. */
  begin(kind: 'command' | 'autocomplete', input: CommandInput, now: number): { record: InteractionRecord; payload: Record<string, unknown> };
  /** Records a button press on the message kept in `target`, and returns its INTERACTION_CREATE payload. */
  beginButton(input: ButtonPressInput, target: MessageSlot, now: number): { record: InteractionRecord; payload: Record<string, unknown> };
  /** An interaction reply or follow-up by message id, wherever it is kept. */
  slotOf(messageId: string): MessageSlot | undefined;
  callback(id: string, token: string, body: APIInteractionResponse, files: UploadedFile[], withResponse: boolean, now: number): RestReply;
  followUp(applicationId: string, token: string, body: MessageBody, files: UploadedFile[], now: number): StoredMessage;
  editMessage(applicationId: string, token: string, messageId: string, body: MessageBody, files: UploadedFile[], now: number): StoredMessage;
  getMessage(applicationId: string, token: string, messageId: string, now: number): StoredMessage;
  deleteMessage(applicationId: string, token: string, messageId: string, now: number): void;
  /** Makes every interaction so far `ms` older, as if that much time had passed: their tokens run out after 15 minutes. */
  age(ms: number): void;
}

export function createInteractions(deps: InteractionDeps): Interactions {
  const byId = new Map<string, InteractionRecord>();
  const byToken = new Map<string, InteractionRecord>();
  const unregisteredIds = new Map<string, string>();

  const newMessage = (record: InteractionRecord, id: string, body: MessageBody, files: UploadedFile[], now: number, flags?: number): StoredMessage =>
    createMessage({
      id,
      channelId: record.channelId,
      author: deps.bot,
      body,
      files,
      defaultMentions: WEBHOOK_DEFAULT_MENTIONS,
      now,
      mintId: deps.mintId,
      webhookId: deps.applicationId,
      ...(flags === undefined ? {} : { flags }),
    });

  const webhookRecord = (applicationId: string, token: string, now: number): InteractionRecord => {
    const record = byToken.get(token);
    if (!record || applicationId !== deps.applicationId || now - record.dispatchedAt > TOKEN_LIFETIME_MS) throw discordErrors.invalidWebhookToken();
    // The interaction webhook exists only once a command has been acknowledged.
    if (!record.callback || record.kind === 'autocomplete') throw discordErrors.unknownWebhook();
    return record;
  };

  const findMessage = (record: InteractionRecord, messageId: string): StoredMessage => {
    const found = messageId === '@original' || messageId === record.original?.id ? record.original : record.followUps.find((message) => message.id === messageId);
    if (!found) throw discordErrors.unknownMessage();
    return found;
  };

  const replaceMessage = (record: InteractionRecord, updated: StoredMessage): void => {
    if (record.original?.id === updated.id) record.original = updated;
    else record.followUps = record.followUps.map((message) => (message.id === updated.id ? updated : message));
    // After a deferred update, the reply a button's interaction edits is the pressed message itself.
    if (record.target?.get().id === updated.id) record.target.set(updated);
  };

  const record = (id: string, kind: InteractionRecord['kind'], channelId: string, now: number, target?: MessageSlot): InteractionRecord => {
    const created: InteractionRecord = { id, token: `loopback-token-${id}`, kind, channelId, dispatchedAt: now, followUps: [], ...(target ? { target } : {}) };
    byId.set(created.id, created);
    byToken.set(created.token, created);
    return created;
  };

  const interactionType = (kind: InteractionRecord['kind']): InteractionType =>
    kind === 'command' ? InteractionType.ApplicationCommand : kind === 'button' ? InteractionType.MessageComponent : InteractionType.ApplicationCommandAutocomplete;

  return {
    begin(kind, input, now) {
      const id = deps.mintId();
      const commandId = unregisteredIds.get(input.name) ?? deps.mintId();
      unregisteredIds.set(input.name, commandId);
      const payload = interactionCreatePayload({ kind, input, id, token: `loopback-token-${id}`, unregisteredCommandId: commandId, ...deps, now });
      return { record: record(id, kind, input.channelId, now), payload };
    },

    beginButton(input, target, now) {
      const id = deps.mintId();
      const payload = buttonPressPayload({ ...input, message: target.get() }, { id, token: `loopback-token-${id}`, applicationId: deps.applicationId, directory: deps.directory, directMessages: deps.directMessages });
      return { record: record(id, 'button', input.channelId, now, target), payload };
    },

    slotOf(messageId) {
      for (const owner of byId.values()) {
        if (owner.original?.id === messageId || owner.followUps.some((message) => message.id === messageId)) {
          return { get: () => findMessage(owner, messageId), set: (message) => replaceMessage(owner, message) };
        }
      }
      return undefined;
    },

    callback(id, token, body, files, withResponse, now) {
      const record = byId.get(id);
      if (!record || record.token !== token) throw discordErrors.unknownInteraction();
      if (record.callback) throw discordErrors.alreadyAcknowledged();
      if (now - record.dispatchedAt > deps.deadlineMs) throw discordErrors.unknownInteraction();
      const wrongType = (): never => {
        throw invalidFormBody([{ path: ['type'], code: 'INTERACTION_RESPONSE_TYPE_INVALID', message: 'This response type is not valid for this interaction.' }]);
      };
      switch (body.type) {
        case InteractionResponseType.ChannelMessageWithSource: {
          if (record.kind === 'autocomplete') wrongType();
          const data = (body.data ?? {}) as MessageBody;
          rejectIssues(messageIssues(data), ['data']);
          if (isEmptyMessage(data, files.length)) throw discordErrors.emptyMessage();
          record.original = newMessage(record, deps.mintId(), data, files, now);
          break;
        }
        case InteractionResponseType.DeferredChannelMessageWithSource: {
          if (record.kind === 'autocomplete') wrongType();
          const flags = body.data?.flags ?? 0;
          if ((flags & ~MessageFlags.Ephemeral) !== 0) {
            rejectIssues([{ path: ['flags'], code: 'INTERACTION_RESPONSE_FLAGS_INVALID', message: 'A deferred response may only be ephemeral.' }], ['data']);
          }
          record.original = newMessage(record, deps.mintId(), {}, [], now, flags | MessageFlags.Loading);
          break;
        }
        case InteractionResponseType.DeferredMessageUpdate:
          if (!record.target) wrongType();
          record.original = record.target!.get();
          break;
        case InteractionResponseType.UpdateMessage: {
          if (!record.target) wrongType();
          const data = (body.data ?? {}) as MessageBody;
          rejectIssues(messageIssues(data), ['data']);
          const updated = editMessage(record.target!.get(), data, files, now, deps.mintId, WEBHOOK_DEFAULT_MENTIONS);
          if (isEmptyMessage(updated, updated.attachments.length)) throw discordErrors.emptyMessage();
          record.target!.set(updated);
          record.original = updated;
          break;
        }
        case InteractionResponseType.ApplicationCommandAutocompleteResult:
          if (record.kind !== 'autocomplete') wrongType();
          rejectIssues(autocompleteIssues(body.data?.choices), ['data']);
          break;
        default:
          wrongType();
      }
      record.callback = body;
      if (!withResponse) return { status: 204 };
      const original = record.original;
      return {
        status: 200,
        body: {
          interaction: {
            id: record.id,
            type: interactionType(record.kind),
            ...(original
              ? { response_message_id: original.id, response_message_loading: isLoading(original), response_message_ephemeral: ((original.flags ?? 0) & MessageFlags.Ephemeral) !== 0 }
              : {}),
          },
          resource: {
            type: body.type,
            ...(body.type === InteractionResponseType.ChannelMessageWithSource || body.type === InteractionResponseType.UpdateMessage ? { message: original } : {}),
          },
        },
      };
    },

    followUp(applicationId, token, body, files, now) {
      const record = webhookRecord(applicationId, token, now);
      rejectIssues(messageIssues(body));
      if (isEmptyMessage(body, files.length)) throw discordErrors.emptyMessage();
      const original = record.original;
      // Discord turns the first follow-up after a deferral into the reply itself, keeping the deferral's ephemerality.
      if (original && isLoading(original)) {
        record.original = newMessage(record, original.id, body, files, now, (original.flags ?? 0) & MessageFlags.Ephemeral);
        return record.original;
      }
      const message = newMessage(record, deps.mintId(), body, files, now);
      record.followUps.push(message);
      return message;
    },

    editMessage(applicationId, token, messageId, body, files, now) {
      const record = webhookRecord(applicationId, token, now);
      rejectIssues(messageIssues(body));
      const edited = editMessage(findMessage(record, messageId), body, files, now, deps.mintId, WEBHOOK_DEFAULT_MENTIONS);
      if (isEmptyMessage(edited, edited.attachments.length)) throw discordErrors.emptyMessage();
      replaceMessage(record, edited);
      return edited;
    },

    getMessage: (applicationId, token, messageId, now) => findMessage(webhookRecord(applicationId, token, now), messageId),

    age(ms) {
      for (const each of byId.values()) each.dispatchedAt -= ms;
    },

    deleteMessage(applicationId, token, messageId, now) {
      const record = webhookRecord(applicationId, token, now);
      const message = findMessage(record, messageId);
      if (record.original?.id === message.id) delete record.original;
      else record.followUps = record.followUps.filter((other) => other.id !== message.id);
    },
  };
}
