import { Client, Events, GatewayIntentBits, type Interaction } from 'discord.js';
import type { Poster } from '../deliver/poster.ts';
import type { Logger } from '../logger.ts';
import type { Command, Services } from './command.ts';
import { dispatchAutocomplete, dispatchCommand } from './dispatch.ts';
import { autocompleteRequest, commandRequest } from './interaction-request.ts';
import { interactionResponder } from './interaction-responder.ts';
import { createDeliveryPoster } from './rest-poster.ts';

export interface DiscordBot {
  client: Client;
  poster: Poster;
  /** Connects with the token; resolves once Discord has said the bot is ready. */
  login(token: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The real discord.js client, with only the Guilds intent (slash commands need no privileged intents) and
 * mentions off by default for every message. `apiBase` points REST (and so the gateway URL) elsewhere.
 */
export function createDiscordBot(options: { apiBase?: string; commands: ReadonlyMap<string, Command>; services: () => Services; logger: Logger }): DiscordBot {
  const { logger, commands } = options;
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    ...(options.apiBase ? { rest: { api: options.apiBase } } : {}),
  });

  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    if (interaction.isChatInputCommand()) {
      void dispatchCommand(commands, commandRequest(interaction), interactionResponder(interaction, logger), options.services(), { logger });
    } else if (interaction.isAutocomplete()) {
      void dispatchAutocomplete(commands, autocompleteRequest(interaction), options.services(), { logger }).then((choices) =>
        interaction.respond(choices).catch((error: unknown) => logger.warn({ err: error, command: interaction.commandName }, 'autocomplete answer failed')),
      );
    }
  });
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.ShardDisconnect, (event, shard) => logger.warn({ code: event.code, shard }, 'gateway disconnected'));
  client.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, 'gateway resumed'));

  const poster = createDeliveryPoster(client.rest, logger);

  return {
    client,
    poster,
    async login(token) {
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(token);
      await ready;
      logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'connected to Discord');
    },
    async stop() {
      await client.destroy();
    },
  };
}
