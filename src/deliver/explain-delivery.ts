import type { Article } from '../model/article.ts';
import type { Schedule } from '../store/guild-settings-repository.ts';

/** What Herald knows about one story and one server, gathered for /status story:. */
export interface DeliveryFacts {
  /** The article at that address, if Herald has read it. */
  article?: Article;
  /** Whether it came from a source this server reads. */
  inScope: boolean;
  /** Whether it was in its source's backlog when the source was first read. */
  backlog: boolean;
  /** The source's last error, when its latest read failed. */
  sourceError?: string;
  schedules: Array<{
    schedule: Schedule;
    sent?: { at: string; messageId?: string };
    passesTopics: boolean;
    passesKeywords: boolean;
    nextRunAt?: string;
  }>;
}

/**
 * Why a story was or was not delivered to each of a server's channels, one line per reason, in the order an
 * admin would check them: is it known, is it ours, was it sent, and if not, what stopped it.
 */
export function explainDelivery(facts: DeliveryFacts, guildId: string): string[] {
  if (!facts.article) {
    return [facts.sourceError ? `Herald has not read that story: its source is failing (${facts.sourceError}).` : 'Herald has not read that story: its source has not been polled since it was published, or this server does not read that site.'];
  }
  if (!facts.inScope) return ['That story is not from one of this server’s sources (/sources list shows them).'];
  if (facts.schedules.length === 0) return ['This server has no schedules, so nothing is posted on its own (add one with /schedule set).'];
  return facts.schedules.map(({ schedule, sent, passesTopics, passesKeywords, nextRunAt }) => {
    const channel = `<#${schedule.channelId}>`;
    if (sent) {
      const link = sent.messageId ? ` https://discord.com/channels/${guildId}/${schedule.channelId}/${sent.messageId}` : '';
      return `${channel}: sent <t:${Math.floor(Date.parse(sent.at) / 1000)}:f>${link}`;
    }
    if (!passesTopics) return `${channel}: filtered out by its topics (${schedule.topics.join(', ')}).`;
    if (!passesKeywords) return `${channel}: filtered out by its keyword filters.`;
    if (facts.backlog) return `${channel}: not sent, because it was already published when its source was added (only later stories count as new).`;
    if (schedule.paused) return `${channel}: not sent yet, because the schedule is paused: ${schedule.paused.reason}.`;
    return `${channel}: not sent yet${nextRunAt ? `; the next digest goes out <t:${Math.floor(Date.parse(nextRunAt) / 1000)}:R>` : ''}${facts.sourceError ? `. Its source is failing: ${facts.sourceError}` : ''}.`;
  });
}
