import { AllowedMentionsTypes, MessageFlags, MessageType, type APIAllowedMentions, type APIAttachment, type APIEmbed, type APIMessage, type APIUser } from 'discord.js';

/** The message fields a bot sends, common to channel posts, interaction replies, follow-ups and edits. */
export interface MessageBody {
  content?: string | null;
  embeds?: APIEmbed[] | null;
  allowed_mentions?: APIAllowedMentions | null;
  components?: unknown[] | null;
  attachments?: Array<{ id: string | number }> | null;
  sticker_ids?: string[];
  poll?: unknown;
  flags?: number | null;
  nonce?: string | number;
  enforce_nonce?: boolean;
  tts?: boolean;
}

export interface UploadedFile {
  field: string;
  name: string;
  size: number;
  contentType: string;
}

/** A message as Discord would return it, plus the `allowed_mentions` the bot sent, which tests assert on. */
export type StoredMessage = APIMessage & { allowed_mentions?: APIAllowedMentions };

/** Interactions and webhooks parse only user mentions by default; plain channel posts parse everything. */
export const CHANNEL_DEFAULT_MENTIONS = [AllowedMentionsTypes.User, AllowedMentionsTypes.Role, AllowedMentionsTypes.Everyone];
export const WEBHOOK_DEFAULT_MENTIONS = [AllowedMentionsTypes.User];

export interface NewMessage {
  id: string;
  channelId: string;
  author: APIUser;
  body: MessageBody;
  files: UploadedFile[];
  defaultMentions: AllowedMentionsTypes[];
  now: number;
  mintId: () => string;
  flags?: number;
  webhookId?: string;
}

export function createMessage(input: NewMessage): StoredMessage {
  const { body } = input;
  const message: StoredMessage = {
    id: input.id,
    type: MessageType.Default,
    channel_id: input.channelId,
    author: input.author,
    content: body.content ?? '',
    timestamp: new Date(input.now).toISOString(),
    edited_timestamp: null,
    tts: body.tts ?? false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: attachmentsFor(input.files, [], input.mintId),
    embeds: body.embeds ?? [],
    components: (body.components ?? []) as NonNullable<StoredMessage['components']>,
    pinned: false,
    flags: input.flags ?? body.flags ?? 0,
    ...(body.nonce === undefined ? {} : { nonce: body.nonce }),
    ...(body.allowed_mentions ? { allowed_mentions: body.allowed_mentions } : {}),
    ...(input.webhookId ? { webhook_id: input.webhookId, application_id: input.webhookId } : {}),
  };
  return withMentions(message, input.defaultMentions);
}

/** PATCH semantics: fields the body names replace the old ones; editing a deferred reply ends its "thinking" state. */
export function editMessage(previous: StoredMessage, body: MessageBody, files: UploadedFile[], now: number, mintId: () => string, defaultMentions: AllowedMentionsTypes[]): StoredMessage {
  const kept = body.attachments ? previous.attachments.filter((attachment) => body.attachments?.some((wanted) => String(wanted.id) === attachment.id)) : previous.attachments;
  const edited: StoredMessage = {
    ...previous,
    content: body.content === undefined ? previous.content : (body.content ?? ''),
    embeds: body.embeds === undefined ? previous.embeds : (body.embeds ?? []),
    components: body.components === undefined ? (previous.components ?? []) : ((body.components ?? []) as NonNullable<StoredMessage['components']>),
    attachments: files.length > 0 || body.attachments ? attachmentsFor(files, kept, mintId) : previous.attachments,
    flags: (previous.flags ?? 0) & ~MessageFlags.Loading,
    edited_timestamp: new Date(now).toISOString(),
    ...(body.allowed_mentions ? { allowed_mentions: body.allowed_mentions } : {}),
  };
  return withMentions(edited, defaultMentions);
}

export function isLoading(message: StoredMessage): boolean {
  return ((message.flags ?? 0) & MessageFlags.Loading) !== 0;
}

/**
 * Whom the content pings, given what the bot allowed, as Discord works it out: @everyone/@here, and the roles
 * written <@&id> that parsing roles or the allowed `roles` list lets through. Tests prove with it that an article
 * never pings and that a digest pings its schedule's role and no other.
 */
function withMentions(message: StoredMessage, defaultMentions: AllowedMentionsTypes[]): StoredMessage {
  const parse = message.allowed_mentions?.parse ?? (message.allowed_mentions ? [] : defaultMentions);
  const allowedRoles = message.allowed_mentions?.roles ?? [];
  const written = [...message.content.matchAll(/<@&(\d+)>/g)].map((match) => match[1]!);
  const roles = written.filter((role, index) => written.indexOf(role) === index && (parse.includes(AllowedMentionsTypes.Role) || allowedRoles.includes(role)));
  return { ...message, mention_everyone: /@(everyone|here)\b/.test(message.content) && parse.includes(AllowedMentionsTypes.Everyone), mention_roles: roles };
}

function attachmentsFor(files: UploadedFile[], kept: APIAttachment[], mintId: () => string): APIAttachment[] {
  const uploaded = files.map((file) => {
    const id = mintId();
    const url = `https://cdn.discordapp.com/attachments/loopback/${id}/${encodeURIComponent(file.name)}`;
    return { id, filename: file.name, size: file.size, content_type: file.contentType, url, proxy_url: url };
  });
  return [...kept, ...uploaded];
}
