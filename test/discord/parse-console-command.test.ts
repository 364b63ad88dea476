import { beforeAll, describe, expect, it } from 'vitest';
import type { Command } from '../../src/discord/command.ts';
import { CONSOLE_CHANNEL, parseConsoleCommand } from '../../src/discord/console/parse-console-command.ts';
import { loadCommands } from '../../src/discord/load-commands.ts';

let commands: Map<string, Command>;

beforeAll(async () => {
  commands = await loadCommands();
});

describe('parseConsoleCommand', () => {
  it('reads an option value with spaces up to the end of the line', () => {
    const parsed = parseConsoleCommand('/news topic:north korea', commands);
    expect(parsed.command.data.name).toBe('news');
    expect(parsed.values.get('topic')).toBe('north korea');
  });

  it('reads a subcommand, a URL with colons, and the next option after it', () => {
    const parsed = parseConsoleCommand('/sources add url:https://feeds.example/news.xml?x=1 name:Example News', commands);
    expect(parsed.subcommand).toBe('add');
    expect(parsed.values.get('url')).toBe('https://feeds.example/news.xml?x=1');
    expect(parsed.values.get('name')).toBe('Example News');
  });

  it('types integers and channels as Discord would', () => {
    const parsed = parseConsoleCommand('/schedule set channel:#news time:08:00 timezone:UTC max-items:3', commands);
    expect(parsed.values.get('max-items')).toBe(3);
    expect(parsed.values.get('channel')).toEqual({ ...CONSOLE_CHANNEL, name: 'news' });
  });

  it.each([
    ['news topic:x', /start with a slash/],
    ['/nope', /There is no \/nope command/],
    ['/news', /\/news needs topic:/],
    ['/sources', /\/sources needs one of: add, remove, list/],
    ['/brief max-items:ten', /max-items: expects a whole number from 1 to 10/],
    ['/brief max-items:11', /max-items: expects a whole number from 1 to 10/],
    ['/help please', /\/help takes no options/],
    [`/news topic:${'x'.repeat(101)}`, /topic: at most 100 characters/],
  ])('rejects %s with a one-line reason', (line, message) => {
    expect(() => parseConsoleCommand(line, commands)).toThrow(message);
  });
});
