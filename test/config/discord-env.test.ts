import { describe, expect, it } from 'vitest';
import { readDiscordEnv } from '../../src/config/discord-env.ts';

describe('readDiscordEnv', () => {
  it('runs in the terminal when no token is set', () => {
    expect(readDiscordEnv({})).toEqual({});
  });

  it('reads every Discord setting, the API base without a trailing slash', () => {
    expect(
      readDiscordEnv({ DISCORD_TOKEN: ' abc.def ', DISCORD_CLIENT_ID: '123456789012345678', DISCORD_GUILD_ID: '223456789012345678', DISCORD_API_BASE: 'http://127.0.0.1:9999/api/' }),
    ).toEqual({ token: 'abc.def', clientId: '123456789012345678', guildId: '223456789012345678', apiBase: 'http://127.0.0.1:9999/api' });
  });

  it('lists every mistake on one line and never repeats the token', () => {
    const read = () => readDiscordEnv({ DISCORD_TOKEN: 'very-secret', DISCORD_CLIENT_ID: 'abc', DISCORD_API_BASE: 'ftp://x' });
    expect(read).toThrow(/DISCORD_CLIENT_ID must be a Discord id.*; DISCORD_API_BASE must be an http\(s\) URL/);
    expect(read).not.toThrow(/very-secret/);
  });
});

describe('readDiscordEnv: gateway shards', () => {
  it("keeps discord.js's single shard when DISCORD_SHARDS is unset", () => {
    expect(readDiscordEnv({ DISCORD_TOKEN: 't' })).not.toHaveProperty('shards');
  });

  it('runs every shard of DISCORD_SHARDS unless DISCORD_SHARD_IDS picks some', () => {
    expect(readDiscordEnv({ DISCORD_SHARDS: '3' }).shards).toEqual({ count: 3, ids: [0, 1, 2] });
  });

  it('lets Discord recommend the count with DISCORD_SHARDS=auto', () => {
    expect(readDiscordEnv({ DISCORD_SHARDS: ' auto ' }).shards).toEqual({ count: 'auto' });
  });

  it.each([
    ['1', [1]],
    ['0,2', [0, 2]],
    ['0-3', [0, 1, 2, 3]],
    [' 5, 0 - 1, 1 ', [0, 1, 5]],
  ])('runs shards %j of 6', (list, ids) => {
    expect(readDiscordEnv({ DISCORD_SHARDS: '6', DISCORD_SHARD_IDS: list }).shards).toEqual({ count: 6, ids });
  });

  it.each(['0', '-1', 'two', '2.5', 'AUTO'])('refuses DISCORD_SHARDS=%s in one line naming it', (count) => {
    expect(() => readDiscordEnv({ DISCORD_SHARDS: count })).toThrow(/^environment: DISCORD_SHARDS must be the number of shards the bot runs in all \(1 or more\), or auto$/);
  });

  it.each(['a', '1-', ',1', '1;2', '-1'])('refuses DISCORD_SHARD_IDS=%s in one line naming it', (list) => {
    expect(() => readDiscordEnv({ DISCORD_SHARDS: '4', DISCORD_SHARD_IDS: list })).toThrow(/^environment: DISCORD_SHARD_IDS must list shard ids and ranges of them, such as 1, 0,2 or 0-3$/);
  });

  it('refuses a range that runs backwards', () => {
    expect(() => readDiscordEnv({ DISCORD_SHARDS: '4', DISCORD_SHARD_IDS: '3-1' })).toThrow('DISCORD_SHARD_IDS has the range 3-1, which runs backwards');
  });

  it.each(['4', '2-4'])('refuses shard ids from DISCORD_SHARDS up (%s of 4)', (list) => {
    expect(() => readDiscordEnv({ DISCORD_SHARDS: '4', DISCORD_SHARD_IDS: list })).toThrow('DISCORD_SHARD_IDS has shard 4, but with DISCORD_SHARDS=4 shard ids run from 0 to 3');
  });

  it.each([{}, { DISCORD_SHARDS: 'auto' }])('refuses DISCORD_SHARD_IDS without a fixed DISCORD_SHARDS (%j), which processes splitting the shards must agree on', (count) => {
    expect(() => readDiscordEnv({ ...count, DISCORD_SHARD_IDS: '0' })).toThrow(/^environment: DISCORD_SHARD_IDS needs DISCORD_SHARDS set to the number of shards/);
  });

  it('lists a bad shard count with the other mistakes', () => {
    expect(() => readDiscordEnv({ DISCORD_CLIENT_ID: 'abc', DISCORD_SHARDS: 'x' })).toThrow(/DISCORD_CLIENT_ID must be a Discord id.*; DISCORD_SHARDS must be/);
  });
});
