import type { FollowPause } from './member-follows.ts';

/**
 * The one private explanation a member is owed when their follows pause: what happened, that nothing is
 * lost, and what brings the news back.
 */
export function pauseNotice(pause: FollowPause): string {
  if (pause.reason === 'dms-closed') {
    return 'Herald could not send you the news you follow in this server: your direct messages are closed to it. Your follows are paused, not lost. Allow direct messages from this server’s members (Privacy Settings in the server menu), then use /follow resume.';
  }
  const where = pause.channelId ? `<#${pause.channelId}>` : 'the channel you chose';
  return `Herald could not post the news you follow in ${where}${pause.detail ? ` (${pause.detail})` : ''}. Your follows are paused, not lost: /follow add the topic again with where:dm, or ask an admin, then use /follow resume.`;
}
