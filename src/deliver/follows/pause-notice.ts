import type { ReplyText } from '../../discord/i18n/reply-text.ts';
import type { FollowPause } from './member-follows.ts';

/**
 * The one private explanation a member is owed when their follows pause: what happened, that nothing is
 * lost, and what brings the news back.
 */
export function pauseNotice(pause: FollowPause, text: ReplyText): string {
  if (pause.reason === 'dms-closed') return text.dmsClosedNotice;
  return text.channelRefusedNotice(pause.channelId ? `<#${pause.channelId}>` : '#?', pause.detail);
}
