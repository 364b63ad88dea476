import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord.js';
import type { BriefingItem } from '../../model/story.ts';
import type { ReplyText } from '../i18n/reply-text.ts';
import { moreLikeId } from '../reply-button-ids.ts';
import type { MessagePayload } from './message-payload.ts';
import { BUTTON_LABEL_MAX, BUTTONS_PER_ROW, ROWS_MAX } from './embed-limits.ts';
import { fitPlain } from './safe-text.ts';

export type ButtonRow = APIActionRowComponent<APIButtonComponent>;

/** A button that comes back to Herald with `customId`; none when the id could not be made (see button-id.ts). */
export function replyButton(label: string, customId: string | undefined, style: ButtonStyle.Primary | ButtonStyle.Secondary = ButtonStyle.Secondary): APIButtonComponent | undefined {
  if (!customId) return undefined;
  return { type: ComponentType.Button, style, label: fitPlain(label, BUTTON_LABEL_MAX) || '…', custom_id: customId };
}

/**
 * Groups of buttons as rows, each group starting a row of its own and running on over as many as it needs; a
 * group with no buttons takes none. What Discord could not show (past 5 rows) is left out.
 */
export function buttonRows(...groups: Array<Array<APIButtonComponent | undefined>>): ButtonRow[] {
  const rows: ButtonRow[] = [];
  for (const group of groups) {
    const buttons = group.filter((button): button is APIButtonComponent => button !== undefined);
    for (let start = 0; start < buttons.length; start += BUTTONS_PER_ROW) rows.push({ type: ComponentType.ActionRow, components: buttons.slice(start, start + BUTTONS_PER_ROW) });
  }
  return rows.slice(0, ROWS_MAX);
}

/** Enough of a headline to tell its "More like" button from the others in a row of five. */
const LABEL_HEADLINE = 24;

/** "More like: <the start of its headline>", for each story of a briefing, in the reader's words. */
export function moreLikeButton(text: ReplyText): (item: Pick<BriefingItem, 'storyId' | 'title'>) => APIButtonComponent | undefined {
  return (item) => replyButton(text.moreLikeStory(shortHeadline(item.title)), moreLikeId(item.storyId));
}

function shortHeadline(title: string): string {
  const words = title.trim().replace(/\s+/g, ' ');
  if (words.length <= LABEL_HEADLINE) return words;
  const cut = words.slice(0, LABEL_HEADLINE);
  const space = cut.lastIndexOf(' ');
  return `${space > 0 ? cut.slice(0, space) : cut}…`;
}

/** "◀ Previous" and "Next ▶" for a paged reply; a side with no page to go to has no button. */
export function pageButtons(previousId: string | undefined, nextId: string | undefined, text: ReplyText): Array<APIButtonComponent | undefined> {
  return [replyButton(text.previousPage, previousId), replyButton(text.nextPage, nextId)];
}

/** The buttons go under the last message of a reply, where a reader finishes it. */
export function withButtons(messages: MessagePayload[], rows: ButtonRow[]): MessagePayload[] {
  if (rows.length === 0) return messages;
  return messages.map((message, index) => (index === messages.length - 1 ? { ...message, components: rows } : message));
}
