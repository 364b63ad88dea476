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
