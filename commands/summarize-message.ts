import { ApplicationCommandType, ButtonStyle, ContextMenuCommandBuilder, InteractionContextType } from 'discord.js';
import type { Command } from '../src/discord/command.ts';
import { guildScope, requireGuild } from '../src/discord/guild-access.ts';
import { replyText } from '../src/discord/i18n/reply-text.ts';
import { buttonRows, replyButton, withButtons } from '../src/discord/render/reply-buttons.ts';
import { summaryMessages } from '../src/discord/render/summary-messages.ts';
import { shareLinkId } from '../src/discord/reply-button-ids.ts';
import { sendAll } from '../src/discord/send-all.ts';
import { InputError } from '../src/input-error.ts';

/**
 * Right-click a message, Apps, "Summarize with Herald": the first article the message links to, summarised
 * for the person who asked only, since the message is someone else's and the summary may not be wanted by all;
 * "Post here" shares it with the channel (answered by /summarize's button handler).
 */
export default {
  data: new ContextMenuCommandBuilder().setName('Summarize with Herald').setType(ApplicationCommandType.Message).setContexts(InteractionContextType.Guild),
  async execute(request, respond, services) {
    requireGuild(request);
    const text = replyText(request.locale);
    const target = request.targetMessage();
    if (!target) throw new InputError(text.noTargetMessage);
    const [url] = target.links;
    if (!url) throw new InputError(text.noLinkInMessage);
    await respond.defer({ ephemeral: true });
    const summary = await services.newsroom.summarizeArticle(await services.readArticle(url), await guildScope(request, services));
    const postHere = buttonRows([replyButton(text.postHere, shareLinkId(url), ButtonStyle.Primary)]);
    await sendAll(respond, withButtons(summaryMessages(summary, { text, url }), postHere), { ephemeral: true });
  },
} satisfies Command;
