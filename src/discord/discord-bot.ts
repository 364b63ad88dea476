import { Client, Events, GatewayIntentBits, type Interaction } from 'discord.js';
import type { Poster } from '../deliver/poster.ts';
import type { MemberContact } from '../deliver/follows/member-contact.ts';
import type { Logger } from '../logger.ts';
import type { Command, Responder, Services } from './command.ts';
import { dispatchAutocomplete, dispatchButton, dispatchCommand } from './dispatch.ts';
import { autocompleteRequest, buttonRequest, commandRequest, messageCommandRequest } from './interaction-request.ts';
import { buttonResponder, interactionResponder } from './interaction-responder.ts';
import { createRequestPacer, type RequestPacer } from './request-pacer.ts';
import { createRestMemberContact } from './rest-member-contact.ts';
import { createDeliveryPoster, DELIVERY_REQUESTS_PER_SECOND } from './rest-poster.ts';
import { clientShardOptions, type ShardChoice } from './shard-choice.ts';
import { trackShardReadiness, type ShardReadiness } from './shard-readiness.ts';

export interface DiscordBot {
  client: Client;
  poster: Poster;
  /** Members over REST, for their follows: direct messages and whether they are still in a server. */
  contact: MemberContact;
  /** Connects with the token; resolves once Discord has said the bot is ready on every shard it runs, or once it is stopped. */
  login(token: string): Promise<void>;
  /** Each shard this process runs and whether it is ready now, for health checks; empty before login. */
  shardsReady(): ShardReadiness[];
  /** Resolves once no interaction is being handled: every answer and follow-up it owes has been sent, or has failed. */
  interactionsSettled(): Promise<void>;
  stop(): Promise<void>;
}

export interface DiscordBotOptions {
  /** Points REST (and so the gateway URL, which comes from GET /gateway/bot) elsewhere. */
  apiBase?: string;
  /** The gateway shards this process runs; discord.js's single shard without it. */
  shards?: ShardChoice;
  commands: ReadonlyMap<string, Command>;
  /** What commands work with; a process that is still opening its store gives a promise of them, and commands wait. */
  services: () => Services | Promise<Services>;
  logger: Logger;
  /** Paces the poster's requests; every process sharing a store should share one (the limit is per bot). */
  pace?: RequestPacer;
  /** Told how long each command took to be first answered (a reply or a deferral), by Discord's clock. */
  onAnswered?: (command: string, seconds: number) => void;
}

/**
 * The real discord.js client, with only the Guilds intent (slash commands need no privileged intents) and
 * mentions off by default for every message. Several shards run in this one client (discord.js's internal
 * sharding); Discord sends each guild's interactions to its shard only.
 */
export function createDiscordBot(options: DiscordBotOptions): DiscordBot {
  const { logger, commands } = options;
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    ...clientShardOptions(options.shards),
    ...(options.apiBase ? { rest: { api: options.apiBase } } : {}),
  });

  const interactionCreated = async (interaction: Interaction): Promise<void> => {
    if (interaction.isChatInputCommand() || interaction.isMessageContextMenuCommand()) {
      const request = interaction.isChatInputCommand() ? commandRequest(interaction) : messageCommandRequest(interaction);
      await dispatchCommand(commands, request, timedResponder(interactionResponder(interaction, logger), () => {
        options.onAnswered?.(interaction.commandName, Math.max(0, Date.now() - interaction.createdTimestamp) / 1000);
      }), options.services(), { logger });
    } else if (interaction.isAutocomplete()) {
      const choices = await dispatchAutocomplete(commands, autocompleteRequest(interaction), await options.services(), { logger });
      await interaction.respond(choices).catch((error: unknown) => logger.warn({ err: error, command: interaction.commandName }, 'autocomplete answer failed'));
    } else if (interaction.isButton()) {
      await dispatchButton(commands, buttonRequest(interaction), buttonResponder(interaction, logger), options.services(), { logger });
    }
  };
  const handling = new Set<Promise<void>>();
  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    const handled = interactionCreated(interaction)
      .catch((error: unknown) => logger.error({ err: error }, 'interaction not handled'))
      .finally(() => handling.delete(handled));
    handling.add(handled);
  });
  // Emitted only when Herald left or was removed (an outage is GuildUnavailable): what members followed there goes too.
  client.on(Events.GuildDelete, (guild) => {
    void (async () => (await options.services()).follows.forgetGuild(guild.id))().then(
      (members) => logger.info({ guildId: guild.id, members }, 'left a server; its members’ follows were forgotten'),
      (error: unknown) => logger.error({ err: error, guildId: guild.id }, 'could not forget the follows of a server Herald left'),
    );
  });
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.ShardDisconnect, (event, shard) => logger.warn({ code: event.code, shard }, 'gateway disconnected'));
  client.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, 'gateway resumed'));

  const pace = options.pace ?? createRequestPacer({ perSecond: DELIVERY_REQUESTS_PER_SECOND });
  const poster = createDeliveryPoster(client.rest, logger, pace);
  const contact = createRestMemberContact(client.rest, pace);
  const shardsReady = trackShardReadiness(client);

  // discord.js opens the gateway once it has fetched the gateway's address, even if the client was destroyed
  // meanwhile, and destroying it again then does nothing: a stop waits for a login in flight to connect (or
  // fail) and closes what it opened, so that a process whose store failed at start still ends.
  let connecting: Promise<unknown> | undefined;
  let markStopped = (): void => undefined;
  const stopped = new Promise<'stopped'>((resolve) => (markStopped = () => resolve('stopped')));

  return {
    client,
    poster,
    contact,
    async login(token) {
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      connecting = client.login(token);
      await connecting;
      if ((await Promise.race([stopped, ready])) === 'stopped') return;
      logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size, shards: [...client.ws.shards.keys()], shardCount: client.options.shardCount }, 'connected to Discord');
    },
    shardsReady,
    async interactionsSettled() {
      while (handling.size > 0) await Promise.all(handling);
    },
    async stop() {
      markStopped();
      await connecting?.catch(() => undefined);
      await client.destroy();
    },
  };
}

/** A responder that reports when the interaction was first answered, whichever way. */
function timedResponder(responder: Responder, firstAnswer: () => void): Responder {
  let answered = false;
  const once = (): void => {
    if (answered) return;
    answered = true;
    firstAnswer();
  };
  return {
    defer: async (options) => {
      await responder.defer(options);
      once();
    },
    send: async (message, options) => {
      await responder.send(message, options);
      once();
    },
  };
}
