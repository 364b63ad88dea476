import { ButtonStyle, ComponentType, Locale, type APIEmbed } from 'discord.js';
import { discordErrors, type DiscordError, type FormErrors } from './discord-errors.ts';
import type { MessageBody } from './messages.ts';

/** One reason Discord would refuse a body, at a path into it (`['embeds', 0, 'title']`). */
export interface FormIssue {
  path: Array<string | number>;
  code: string;
  message: string;
}

const MAX_CONTENT = 2000;
const MAX_EMBEDS = 10;
const MAX_EMBED_TOTAL = 6000;
const MAX_FIELDS = 25;
const MAX_CHOICES = 25;
const MAX_CHOICE_LENGTH = 100;
const MAX_NONCE = 25;
const MAX_OPTIONS = 25;
const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const MENU_NAME = /^[-_' \p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const LOCALES: readonly string[] = Object.values(Locale);

/** Discord counts characters, not UTF-16 units, so an emoji is one character against a limit. */
function characters(text: string | undefined | null): number {
  return text ? [...text].length : 0;
}

/** Message limits shared by channel posts, interaction replies, edits and follow-ups. */
export function messageIssues(body: MessageBody): FormIssue[] {
  const issues: FormIssue[] = [];
  if (characters(body.content) > MAX_CONTENT) issues.push(tooLong(['content'], MAX_CONTENT));
  if (typeof body.nonce === 'string' && characters(body.nonce) > MAX_NONCE) issues.push(tooLong(['nonce'], MAX_NONCE));
  const embeds = body.embeds ?? [];
  if (embeds.length > MAX_EMBEDS) issues.push(tooLong(['embeds'], MAX_EMBEDS));
  embeds.forEach((embed, index) => issues.push(...embedIssues(embed, ['embeds', index])));
  const total = embeds.reduce((sum, embed) => sum + embedCharacters(embed), 0);
  if (total > MAX_EMBED_TOTAL) {
    issues.push({ path: ['embeds'], code: 'MAX_EMBED_SIZE_EXCEEDED', message: `Embed size exceeds maximum size of ${MAX_EMBED_TOTAL}` });
  }
  issues.push(...allowedMentionsIssues(body));
  issues.push(...componentIssues(body.components ?? []));
  return issues;
}

/**
 * Discord's checks on rows of buttons (the only components Herald sends): at most 5 rows of 1 to 5 buttons,
 * labels of at most 80 characters, custom ids of 1 to 100 characters unique in the message, a link button
 * with a url and no custom id.
 */
function componentIssues(rows: unknown[]): FormIssue[] {
  const issues: FormIssue[] = [];
  if (rows.length > 5) issues.push(tooLong(['components'], 5));
  const seen = new Set<string>();
  rows.forEach((rowValue, rowIndex) => {
    const row = rowValue as { type?: unknown; components?: Array<Record<string, unknown>> };
    const path = ['components', rowIndex];
    if (row.type !== ComponentType.ActionRow) issues.push({ path: [...path, 'type'], code: 'UNION_TYPE_CHOICES', message: 'Value of field "type" must be one of (1,).' });
    const buttons = row.components ?? [];
    if (buttons.length < 1 || buttons.length > 5) issues.push(badLength([...path, 'components'], 1, 5));
    buttons.forEach((button, index) => {
      const at = [...path, 'components', index];
      if (button.type !== ComponentType.Button) issues.push({ path: [...at, 'type'], code: 'UNION_TYPE_CHOICES', message: 'Value of field "type" must be one of (2,).' });
      if (typeof button.label === 'string' && characters(button.label) > 80) issues.push(tooLong([...at, 'label'], 80));
      if (button.style === ButtonStyle.Link) {
        if (typeof button.url !== 'string') issues.push({ path: [...at, 'url'], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
        if (button.custom_id !== undefined) issues.push({ path: [...at, 'custom_id'], code: 'BUTTON_COMPONENT_CUSTOM_ID_WITH_URL', message: 'A custom id cannot be set on a link button.' });
        return;
      }
      const id = typeof button.custom_id === 'string' ? button.custom_id : '';
      if (characters(id) < 1 || characters(id) > 100) issues.push(badLength([...at, 'custom_id'], 1, 100));
      else if (seen.has(id)) issues.push({ path: [...at, 'custom_id'], code: 'COMPONENT_CUSTOM_ID_DUPLICATED', message: 'Component custom id cannot be duplicated' });
      seen.add(id);
    });
  });
  return issues;
}

/** Discord refuses a new message with nothing to show (50006), though an edit may clear content. */
export function isEmptyMessage(body: MessageBody, fileCount: number): boolean {
  const hasContent = typeof body.content === 'string' && body.content.trim() !== '';
  return !hasContent && !body.embeds?.length && !body.components?.length && !body.sticker_ids?.length && !body.poll && fileCount === 0;
}

export function autocompleteIssues(choices: unknown): FormIssue[] {
  if (!Array.isArray(choices)) return [{ path: ['choices'], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' }];
  return choiceIssues(choices, ['choices']);
}

interface CommandShape {
  name?: unknown;
  description?: unknown;
  type?: unknown;
  name_localizations?: unknown;
  description_localizations?: unknown;
  options?: CommandShape[];
  choices?: Array<{ name?: unknown; value?: unknown; name_localizations?: unknown }>;
}

/** The checks Discord runs on a command definition, so a bad definition fails in tests as it would in production. */
export function commandIssues(definition: object, path: Array<string | number> = []): FormIssue[] {
  const command = definition as CommandShape;
  const issues: FormIssue[] = [];
  const name = typeof command.name === 'string' ? command.name : '';
  const isOption = path.at(-2) === 'options';
  // Context-menu commands may have capitals and spaces in their names, localised or not, and no description.
  const isSlash = isOption || command.type === undefined || command.type === 1;
  if (isSlash ? !COMMAND_NAME.test(name) || name !== name.toLowerCase() : !MENU_NAME.test(name)) {
    issues.push({ path: [...path, 'name'], code: 'APPLICATION_COMMAND_INVALID_NAME', message: 'Command name is invalid' });
  }
  const description = typeof command.description === 'string' ? characters(command.description) : 0;
  if (isSlash && (description < 1 || description > 100)) issues.push(badLength([...path, 'description'], 1, 100));
  issues.push(...nameLocalizationIssues(command.name_localizations, [...path, 'name_localizations'], isSlash, isOption));
  if (isSlash) issues.push(...localizationIssues(command.description_localizations, [...path, 'description_localizations'], () => undefined, 100));
  const options = command.options ?? [];
  if (options.length > MAX_OPTIONS) issues.push(tooLong([...path, 'options'], MAX_OPTIONS));
  options.forEach((option, index) => issues.push(...commandIssues(option, [...path, 'options', index])));
  issues.push(...choiceIssues(command.choices ?? [], [...path, 'choices']));
  return issues;
}

/**
 * Localised names as Discord checks them: every key one of its locales, every name 1–32 characters, and a
 * slash command's or option's name of the same shape as its default name. Discord files a bad name of an
 * option under its locale, but a bad name of a command under the whole map.
 */
function nameLocalizationIssues(map: unknown, path: Array<string | number>, isSlash: boolean, isOption: boolean): FormIssue[] {
  const invalidName = { code: 'APPLICATION_COMMAND_INVALID_NAME', message: 'Command name is invalid' };
  const issues = localizationIssues(map, path, (name) => (isSlash && (!COMMAND_NAME.test(name) || name !== name.toLowerCase()) ? invalidName : undefined), 32);
  if (isOption) return issues;
  const others = issues.filter((issue) => issue.code !== invalidName.code);
  return others.length < issues.length ? [...others, { path, ...invalidName }] : others;
}

/** A localisation map's keys and values: `extra` adds a check of its own on each value, at the value's path. */
function localizationIssues(map: unknown, path: Array<string | number>, extra: (value: string) => Omit<FormIssue, 'path'> | undefined, max: number): FormIssue[] {
  if (map === undefined || map === null) return [];
  if (typeof map !== 'object' || Array.isArray(map)) return [{ path, code: 'DICT_TYPE_CONVERT', message: 'Only dictionaries may be used in a DictType' }];
  const issues: FormIssue[] = [];
  for (const [locale, value] of Object.entries(map)) {
    if (!LOCALES.includes(locale)) {
      issues.push({ path: [...path, locale], code: 'BASE_TYPE_CHOICES', message: `Value must be one of (${LOCALES.map((each) => `'${each}'`).join(', ')}).` });
      continue;
    }
    const length = typeof value === 'string' ? characters(value) : 0;
    if (length < 1 || length > max) {
      issues.push(badLength([...path, locale], 1, max));
      continue;
    }
    const issue = extra(value as string);
    if (issue) issues.push({ ...issue, path: [...path, locale] });
  }
  return issues;
}

/** Throws Discord's 50035 "Invalid Form Body" for these issues, nested under `prefix` (interaction callbacks nest under `data`). */
export function rejectIssues(issues: FormIssue[], prefix: Array<string | number> = []): void {
  if (issues.length > 0) throw invalidFormBody(issues, prefix);
}

export function invalidFormBody(issues: FormIssue[], prefix: Array<string | number> = []): DiscordError {
  const errors: FormErrors = {};
  for (const issue of issues) {
    let node = errors;
    for (const key of [...prefix, ...issue.path]) {
      const child = node[String(key)];
      node = child && !Array.isArray(child) ? child : (node[String(key)] = {});
    }
    const list = node._errors;
    const entry = { code: issue.code, message: issue.message };
    if (Array.isArray(list)) list.push(entry);
    else node._errors = [entry];
  }
  return discordErrors.invalidFormBody(errors);
}

function choiceIssues(choices: Array<{ name?: unknown; value?: unknown; name_localizations?: unknown }>, path: Array<string | number>): FormIssue[] {
  const issues: FormIssue[] = [];
  if (choices.length > MAX_CHOICES) issues.push(tooLong(path, MAX_CHOICES));
  choices.forEach((choice, index) => {
    const name = typeof choice.name === 'string' ? characters(choice.name) : 0;
    if (name < 1 || name > MAX_CHOICE_LENGTH) issues.push(badLength([...path, index, 'name'], 1, MAX_CHOICE_LENGTH));
    if (typeof choice.value === 'string' && characters(choice.value) > MAX_CHOICE_LENGTH) {
      issues.push(badLength([...path, index, 'value'], 1, MAX_CHOICE_LENGTH));
    }
    issues.push(...localizationIssues(choice.name_localizations, [...path, index, 'name_localizations'], () => undefined, MAX_CHOICE_LENGTH));
  });
  return issues;
}

function embedIssues(embed: APIEmbed, path: Array<string | number>): FormIssue[] {
  const issues: FormIssue[] = [];
  const limit = (value: string | undefined, max: number, ...keys: Array<string | number>): void => {
    if (characters(value) > max) issues.push(tooLong([...path, ...keys], max));
  };
  limit(embed.title, 256, 'title');
  limit(embed.description, 4096, 'description');
  limit(embed.footer?.text, 2048, 'footer', 'text');
  limit(embed.author?.name, 256, 'author', 'name');
  const fields = embed.fields ?? [];
  if (fields.length > MAX_FIELDS) issues.push(tooLong([...path, 'fields'], MAX_FIELDS));
  fields.forEach((field, index) => {
    for (const [key, max] of [['name', 256], ['value', 1024]] as const) {
      const text = field[key] as string | undefined;
      if (!text) issues.push({ path: [...path, 'fields', index, key], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
      else limit(text, max, 'fields', index, key);
    }
  });
  return issues;
}

function embedCharacters(embed: APIEmbed): number {
  const fields = (embed.fields ?? []).reduce((sum, field) => sum + characters(field.name) + characters(field.value), 0);
  return characters(embed.title) + characters(embed.description) + characters(embed.footer?.text) + characters(embed.author?.name) + fields;
}

function allowedMentionsIssues(body: MessageBody): FormIssue[] {
  const mentions = body.allowed_mentions;
  if (!mentions) return [];
  const issues: FormIssue[] = [];
  for (const kind of ['users', 'roles'] as const) {
    if (mentions.parse?.includes(kind as never) && mentions[kind] !== undefined) {
      issues.push({
        path: ['allowed_mentions'],
        code: 'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
        message: `parse:["${kind}"] and ${kind}: [ids...] are mutually exclusive.`,
      });
    }
  }
  return issues;
}

/** A forum post's title, which Discord requires and caps at 100 characters. */
export function threadNameIssues(name: unknown): FormIssue[] {
  const length = typeof name === 'string' ? characters(name) : 0;
  return length >= 1 && length <= 100 ? [] : [badLength(['name'], 1, 100)];
}

function tooLong(path: Array<string | number>, max: number): FormIssue {
  return { path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` };
}

function badLength(path: Array<string | number>, min: number, max: number): FormIssue {
  return { path, code: 'BASE_TYPE_BAD_LENGTH', message: `Must be between ${min} and ${max} in length.` };
}
