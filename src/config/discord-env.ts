import { z } from 'zod';
import { InputError } from '../input-error.ts';

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17 to 20 digits)');

const discordEnvSchema = z.object({
  DISCORD_TOKEN: z.string().trim().min(1).optional(),
  DISCORD_CLIENT_ID: snowflake.optional(),
  DISCORD_GUILD_ID: snowflake.optional(),
  DISCORD_API_BASE: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://discord.com/api' }).optional(),
});

export interface DiscordEnv {
  /** Absent: Herald runs in the terminal instead of connecting to Discord. */
  token?: string;
  clientId?: string;
  guildId?: string;
  /** REST base URL without the version, as discord.js's `rest.api` takes it; the gateway URL then comes from its GET /gateway/bot. */
  apiBase?: string;
}

/**
 * The Discord settings from the environment, every mistake listed on one line. The token's value is never
 * repeated in a message, since messages end up in logs.
 */
export function readDiscordEnv(env: NodeJS.ProcessEnv): DiscordEnv {
  const blankless = Object.fromEntries(
    ['DISCORD_TOKEN', 'DISCORD_CLIENT_ID', 'DISCORD_GUILD_ID', 'DISCORD_API_BASE'].flatMap((key) => (env[key]?.trim() ? [[key, env[key]!.trim()]] : [])),
  );
  const parsed = discordEnvSchema.safeParse(blankless);
  if (!parsed.success) {
    throw new InputError(`environment: ${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`);
  }
  const { DISCORD_TOKEN, DISCORD_CLIENT_ID, DISCORD_GUILD_ID, DISCORD_API_BASE } = parsed.data;
  return {
    ...(DISCORD_TOKEN ? { token: DISCORD_TOKEN } : {}),
    ...(DISCORD_CLIENT_ID ? { clientId: DISCORD_CLIENT_ID } : {}),
    ...(DISCORD_GUILD_ID ? { guildId: DISCORD_GUILD_ID } : {}),
    ...(DISCORD_API_BASE ? { apiBase: DISCORD_API_BASE.replace(/\/+$/, '') } : {}),
  };
}
