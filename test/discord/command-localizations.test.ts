import { ApplicationCommandType, Locale } from 'discord.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_LOCALIZATIONS, localizeCommand } from '../../src/discord/i18n/command-localizations.ts';
import { loadCommands } from '../../src/discord/load-commands.ts';

/** The locales every part of every command must be translated for: Spanish (both of Discord's), French, German, Portuguese. */
const REQUIRED = [Locale.SpanishES, Locale.SpanishLATAM, Locale.French, Locale.German, Locale.PortugueseBR];
/** Discord's rule for slash-command and option names, checked on the lower-cased name too. */
const SLASH_NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

type Localizations = Partial<Record<string, string>> | null | undefined;

interface Part {
  name: string;
  type?: number;
  description?: string;
  name_localizations?: Localizations;
  description_localizations?: Localizations;
  options?: Part[];
  choices?: Array<{ name: string; value: string | number; name_localizations?: Localizations }>;
}

/** One command, subcommand, option or choice, with its path of default names and whether Discord reads it as a slash command's. */
interface Visited {
  path: string;
  part: Part;
  slash: boolean;
  siblings: Part[];
}

let commands: Part[];

beforeAll(async () => {
  commands = [...(await loadCommands()).values()].map((command) => command.data.toJSON() as Part);
});

function walk(parts: Part[], prefix: string, slash: boolean): Visited[] {
  return parts.flatMap((part) => {
    const path = prefix ? `${prefix}.${part.name}` : part.name;
    const isSlash = slash || part.type === undefined || part.type === ApplicationCommandType.ChatInput;
    return [{ path, part, slash: isSlash, siblings: parts }, ...walk(part.options ?? [], path, true)];
  });
}

function characters(text: string | undefined): number {
  return text ? [...text].length : 0;
}

/** Every rule a part's localisations break, as readable lines, so one failure lists every gap at once. */
function problems({ path, part, slash, siblings }: Visited): string[] {
  const found: string[] = [];
  for (const locale of REQUIRED) {
    const name = part.name_localizations?.[locale];
    if (!name) {
      found.push(`${path}: no name in ${locale}`);
      continue;
    }
    if (slash && (!SLASH_NAME.test(name) || name !== name.toLocaleLowerCase(locale))) found.push(`${path}: name "${name}" in ${locale} is not a lower-case slash-command name`);
    if (characters(name) > 32) found.push(`${path}: name "${name}" in ${locale} is longer than 32 characters`);
    const sameName = siblings.filter((sibling) => sibling !== part && (sibling.type ?? ApplicationCommandType.ChatInput) === (part.type ?? ApplicationCommandType.ChatInput) && sibling.name_localizations?.[locale] === name);
    if (sameName.length > 0) found.push(`${path}: name "${name}" in ${locale} is also ${sameName.map((sibling) => sibling.name).join(', ')}'s`);
    if (!slash) continue;
    const description = part.description_localizations?.[locale];
    if (!description) found.push(`${path}: no description in ${locale}`);
    else if (characters(description) > 100) found.push(`${path}: description in ${locale} is longer than 100 characters`);
  }
  for (const choice of part.choices ?? []) {
    for (const locale of REQUIRED) {
      const name = choice.name_localizations?.[locale];
      if (!name) found.push(`${path}:${choice.value}: no choice name in ${locale}`);
      else if (characters(name) > 100) found.push(`${path}:${choice.value}: choice name in ${locale} is longer than 100 characters`);
    }
  }
  return found;
}

describe('command localisations', () => {
  it('name and describe every command, subcommand, option and choice in Spanish, French, German and Portuguese, as Discord accepts them', () => {
    const visited = walk(commands, '', false);

    expect(visited.length).toBeGreaterThan(commands.length);
    expect(visited.flatMap(problems)).toEqual([]);
  });

  it('hold no entry for a command, option or choice that no longer exists', () => {
    const paths = new Set(walk(commands, '', false).flatMap(({ path, part }) => [path, ...(part.choices ?? []).map((choice) => `${path}:${choice.value}`)]));

    expect(Object.keys(COMMAND_LOCALIZATIONS).filter((key) => !paths.has(key))).toEqual([]);
  });

  it('leave a part missing from the catalogue in English, for the test above to name', () => {
    const localized = localizeCommand({ name: 'not-in-the-catalogue', description: 'Nothing', options: [{ type: 3, name: 'topic', description: 'Nothing' }] });

    expect(localized).toEqual({ name: 'not-in-the-catalogue', description: 'Nothing', options: [{ type: 3, name: 'topic', description: 'Nothing' }] });
    expect(walk([localized as Part], '', false).flatMap(problems)).toContain('not-in-the-catalogue: no name in es-ES');
  });

  it('give a context-menu command a localised name and no description', () => {
    const menu = { type: ApplicationCommandType.Message, name: 'Read later' } as const;
    const visited = walk([{ ...menu, name_localizations: Object.fromEntries(REQUIRED.map((locale) => [locale, 'Lire Plus Tard'])) }], '', false);

    expect(visited.flatMap(problems)).toEqual([]);
    expect(localizeCommand(menu)).toEqual(menu);
  });
});
