import { ButtonStyle, type APIEmbed } from 'discord.js';
import { BUTTON_ID_MAX } from '../button-id.ts';
import type { MessagePayload } from './message-payload.ts';

/** Discord's limits on a message, from its "Embed Limits" and Create Message docs (discord/discord-api-docs, developers/resources/message.mdx). */
export const CONTENT_MAX = 2000;
export const EMBEDS_PER_MESSAGE = 10;
/** Across every embed of one message: titles, descriptions, field names and values, footers and author names. */
export const EMBED_TOTAL_MAX = 6000;
export const TITLE_MAX = 256;
export const DESCRIPTION_MAX = 4096;
export const FIELDS_MAX = 25;
export const FIELD_NAME_MAX = 256;
export const FIELD_VALUE_MAX = 1024;
export const FOOTER_MAX = 2048;
export const AUTHOR_NAME_MAX = 256;
/**
 * Discord documents no length for a link, so Herald sets its own: 2048 is the length browsers and link services
 * treat as the practical ceiling, and it keeps a hostile feed's kilobyte-long address out of an embed.
 */
export const URL_MAX = 2048;
/** From Discord's component reference: rows per message, buttons per row, characters in a label. */
export const ROWS_MAX = 5;
export const BUTTONS_PER_ROW = 5;
export const BUTTON_LABEL_MAX = 80;

/** How much of the 6000-character allowance one embed uses. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0)
  );
}

/** Every way the message would be refused by Discord, as sentences; empty when it would be accepted. */
export function validateMessage(payload: MessagePayload): string[] {
  const problems: string[] = [];
  const embeds = payload.embeds ?? [];
  const content = payload.content ?? '';
  if (content.length > CONTENT_MAX) problems.push(tooLong('content', content.length, CONTENT_MAX));
  if (content.length === 0 && embeds.length === 0) problems.push('message has neither content nor embeds');
  if (embeds.length > EMBEDS_PER_MESSAGE) problems.push(`message has ${embeds.length} embeds (limit ${EMBEDS_PER_MESSAGE})`);
  const total = embeds.reduce((sum, embed) => sum + embedLength(embed), 0);
  if (total > EMBED_TOTAL_MAX) problems.push(tooLong('embeds together', total, EMBED_TOTAL_MAX));
  // The type allows nothing else, but the adapter also guards payloads that reached it through a cast or JSON.
  if ((payload.allowed_mentions.parse as unknown[]).length > 0) problems.push('allowed_mentions must parse nothing');
  embeds.forEach((embed, index) => problems.push(...embedProblems(embed, `embed ${index + 1}`)));
  problems.push(...componentProblems(payload.components ?? []));
  return problems;
}

function componentProblems(rows: NonNullable<MessagePayload['components']>): string[] {
  const problems: string[] = [];
  if (rows.length > ROWS_MAX) problems.push(`message has ${rows.length} rows of buttons (limit ${ROWS_MAX})`);
  const ids = new Set<string>();
  rows.forEach((row, rowIndex) => {
    if (row.components.length === 0 || row.components.length > BUTTONS_PER_ROW) problems.push(`row ${rowIndex + 1} has ${row.components.length} buttons (1 to ${BUTTONS_PER_ROW})`);
    for (const button of row.components) {
      if (button.style === ButtonStyle.Premium) {
        problems.push('Herald sells nothing: no premium buttons');
        continue;
      }
      const name = `button "${button.label ?? '?'}"`;
      if (!button.label || button.label.length > BUTTON_LABEL_MAX) problems.push(`${name} has a label of ${button.label?.length ?? 0} characters (1 to ${BUTTON_LABEL_MAX})`);
      if (button.style === ButtonStyle.Link) {
        if (!/^https?:\/\//.test(button.url)) problems.push(`${name} links to no web address`);
      } else {
        if (!button.custom_id || button.custom_id.length > BUTTON_ID_MAX) problems.push(`${name} has a custom id of ${button.custom_id.length} characters (1 to ${BUTTON_ID_MAX})`);
        if (ids.has(button.custom_id)) problems.push(`${name} repeats the custom id of another button`);
        ids.add(button.custom_id);
      }
    }
  });
  return problems;
}


function embedProblems(embed: APIEmbed, name: string): string[] {
  const problems: string[] = [];
  const check = (part: string, text: string | undefined, max: number): void => {
    if (text !== undefined && text.length > max) problems.push(tooLong(`${name} ${part}`, text.length, max));
  };
  check('title', embed.title, TITLE_MAX);
  check('description', embed.description, DESCRIPTION_MAX);
  check('footer', embed.footer?.text, FOOTER_MAX);
  check('author name', embed.author?.name, AUTHOR_NAME_MAX);
  const fields = embed.fields ?? [];
  if (fields.length > FIELDS_MAX) problems.push(`${name} has ${fields.length} fields (limit ${FIELDS_MAX})`);
  fields.forEach((field, index) => {
    check(`field ${index + 1} name`, field.name, FIELD_NAME_MAX);
    check(`field ${index + 1} value`, field.value, FIELD_VALUE_MAX);
    if (!field.name || !field.value) problems.push(`${name} field ${index + 1} has an empty name or value`);
  });
  if (!embed.title && !embed.description && fields.length === 0 && !embed.footer?.text && !embed.author?.name) {
    problems.push(`${name} is empty`);
  }
  for (const [part, url] of [['url', embed.url], ['author url', embed.author?.url], ['thumbnail url', embed.thumbnail?.url], ['image url', embed.image?.url]] as const) {
    if (url !== undefined && !isWebAddress(url)) problems.push(`${name} ${part} is not an http(s) address of at most ${URL_MAX} characters`);
  }
  if (embed.timestamp !== undefined && Number.isNaN(Date.parse(embed.timestamp))) problems.push(`${name} timestamp is not a date`);
  return problems;
}

function isWebAddress(url: string): boolean {
  return url.length <= URL_MAX && URL.canParse(url) && ['http:', 'https:'].includes(new URL(url).protocol);
}

function tooLong(part: string, length: number, max: number): string {
  return `${part} is ${length} characters (limit ${max})`;
}
