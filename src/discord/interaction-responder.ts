import { MessageFlags, type BaseMessageOptions, type ChatInputCommandInteraction, type MessageContextMenuCommandInteraction } from 'discord.js';
import type { Logger } from '../logger.ts';
import type { Responder } from './command.ts';
import { apiMessage } from './message-guard.ts';
import type { MessagePayload } from './render/message-payload.ts';

/** Replies to a slash or message command: the first answer replies (or fills the deferred reply), later ones follow up. */
export function interactionResponder(interaction: ChatInputCommandInteraction | MessageContextMenuCommandInteraction, logger: Pick<Logger, 'error'>): Responder {
  let filledDeferred = false;
  let deferredEphemeral = false;
  const flags = (ephemeral: boolean | undefined) => (ephemeral ? { flags: MessageFlags.Ephemeral as const } : {});
  return {
    async defer(options) {
      if (interaction.deferred || interaction.replied) return;
      deferredEphemeral = options?.ephemeral ?? false;
      await interaction.deferReply(flags(options?.ephemeral));
    },
    async send(message, options) {
      const body = toDiscord(message, logger);
      if (!interaction.deferred && !interaction.replied) {
        await interaction.reply({ ...body, ...flags(options?.ephemeral) });
      } else if (interaction.deferred && !filledDeferred && options?.ephemeral && !deferredEphemeral) {
        // A public "thinking…" cannot become private; an answer meant for one person replaces it privately.
        filledDeferred = true;
        await interaction.deleteReply();
        await interaction.followUp({ ...body, ...flags(true) });
      } else if (interaction.deferred && !filledDeferred) {
        filledDeferred = true;
        await interaction.editReply(body);
      } else {
        await interaction.followUp({ ...body, ...flags(options?.ephemeral) });
      }
    },
  };
}

/** The guarded message in the shape discord.js's reply methods take. */
function toDiscord(message: MessagePayload, logger: Pick<Logger, 'error'>): BaseMessageOptions {
  const { allowed_mentions: mentions, ...body } = apiMessage(message, logger);
  return { ...body, allowedMentions: { parse: [], repliedUser: false, ...(mentions.roles ? { roles: mentions.roles } : {}) } };
}
