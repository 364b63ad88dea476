import { MessageFlags, type BaseMessageOptions, type ButtonInteraction, type CommandInteraction } from 'discord.js';
import type { Logger } from '../logger.ts';
import type { ButtonResponder, Responder } from './command.ts';
import { apiMessage } from './message-guard.ts';
import type { MessagePayload } from './render/message-payload.ts';

/** Replies to a command (slash or context menu): the first answer replies (or fills the deferred reply), later ones follow up. */
export function interactionResponder(interaction: CommandInteraction | ButtonInteraction, logger: Pick<Logger, 'error'>): Responder {
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

/**
 * Answers a button press: as a command is answered (a reply, then follow-ups), or by changing the message the
 * button is on. A slow handler is acknowledged with a deferred update, which shows nothing new, so that its
 * answer can still be either.
 */
export function buttonResponder(interaction: ButtonInteraction, logger: Pick<Logger, 'error'>): ButtonResponder & { deferUpdate(): Promise<void> } {
  let updateDeferred = false;
  const replies = interactionResponder(interaction, logger);
  return {
    async defer(options) {
      if (updateDeferred) return;
      await replies.defer(options);
    },
    async send(message, options) {
      // After a deferred update the interaction counts as deferred, but its reply is the pressed message itself.
      if (updateDeferred) await interaction.followUp({ ...toDiscord(message, logger), ...(options?.ephemeral ? { flags: MessageFlags.Ephemeral as const } : {}) });
      else await replies.send(message, options);
    },
    async update(message) {
      const body = toDiscord(message, logger);
      if (updateDeferred) await interaction.editReply(body);
      else if (!interaction.deferred && !interaction.replied) await interaction.update(body);
      else await interaction.message.edit(body);
    },
    async deferUpdate() {
      if (interaction.deferred || interaction.replied) return;
      updateDeferred = true;
      await interaction.deferUpdate();
    },
  };
}

/** The guarded message in the shape discord.js's reply methods take. */
function toDiscord(message: MessagePayload, logger: Pick<Logger, 'error'>): BaseMessageOptions {
  const { allowed_mentions: mentions, components, ...body } = apiMessage(message, logger);
  return {
    ...body,
    // A message changed in place keeps no old buttons: an answer without any says so.
    components: components ?? [],
    allowedMentions: { parse: [], repliedUser: false, ...(mentions.roles ? { roles: mentions.roles } : {}) },
  };
}
