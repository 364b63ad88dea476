import { fitUntrusted, oneLine } from '../discord/render/safe-text.ts';
import type { Article } from '../model/article.ts';
import type { Schedule } from '../store/guild-settings-repository.ts';
import type { SourceHealth } from './poll/source-health-store.ts';
import type { StoryUpdateRun } from './updates/story-update-log.ts';

/** What Herald knows about one story and one server, gathered for /status story:. */
export interface DeliveryFacts {
  /** The article at that address, if Herald has read it. */
  article?: Article;
  /** Whether it came from a source this server reads. */
  inScope: boolean;
  /** Whether it was in its source's backlog when the source was first read. */
  backlog: boolean;
  /** How the story's source (or, for an unknown story, the server's source on its site) is being polled. */
  source?: SourceHealth;
  schedules: Array<{
    schedule: Schedule;
    sent?: { at: string; messageId?: string; threadId?: string };
    /** The updates the channel was sent as the story developed, oldest first. */
    updates?: Array<Pick<StoryUpdateRun, 'finishedAt' | 'startedAt' | 'sources' | 'threadId' | 'messageId'>>;
    passesTopics: boolean;
    passesKeywords: boolean;
    nextRunAt?: string;
  }>;
}

const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language' });

/** The story as /status story: names it before saying where it went: its headline, site and language. */
export function describeStory(article: Article): string {
  const site = article.siteName ?? article.source.name;
  let language = 'language unknown';
  if (article.language) {
    try {
      language = `in ${LANGUAGE_NAMES.of(article.language) ?? article.language} (${article.language})`;
    } catch {
      // A tag Intl cannot read ("english"): shown as the feed gave it.
      language = `language: ${article.language}`;
    }
  }
  return `“${article.title}”${site ? ` · ${site}` : ''} · ${language}`;
}

/**
 * Why a story was or was not delivered to each of a server's channels, one line per reason, in the order an
 * admin would check them: is it known, is it ours, was it sent, and if not, what stopped it.
 */
export function explainDelivery(facts: DeliveryFacts, guildId: string): string[] {
  const trouble = facts.source && sourceTrouble(facts.source);
  if (!facts.article) {
    if (trouble) return [`Herald has not read that story: its source ${trouble}.`];
    if (!facts.source) return ['Herald has not read that story: this server does not read that site, or its source has not been read yet.'];
    return [`Herald has not read that story: its source has not been polled since it was published; the next poll is <t:${seconds(facts.source.nextPollAt)}:R>.`];
  }
  if (!facts.inScope) return ['That story is not from one of this server’s sources (/sources list shows them).'];
  if (facts.schedules.length === 0) return ['This server has no schedules, so nothing is posted on its own (add one with /schedule set).'];
  return facts.schedules.flatMap(({ schedule, sent, updates = [], passesTopics, passesKeywords, nextRunAt }) => {
    const channel = `<#${schedule.channelId}>`;
    if (sent) {
      const link = sent.messageId ? ` ${messageLink(guildId, sent.threadId ?? schedule.channelId, sent.messageId)}` : '';
      return [`${channel}: sent <t:${seconds(sent.at)}:f>${link}`, ...updates.map((update) => updateLine(channel, guildId, update))];
    }
    if (!passesTopics) return `${channel}: filtered out by its topics (${schedule.topics.join(', ')}).`;
    if (!passesKeywords) return `${channel}: filtered out by its keyword filters.`;
    if (facts.backlog) return `${channel}: not sent, because it was already published when its source was added (only later stories count as new).`;
    if (schedule.paused) return `${channel}: not sent yet, because the schedule is paused: ${schedule.paused.reason}.`;
    return `${channel}: not sent yet${nextRunAt ? `; the next digest goes out <t:${seconds(nextRunAt)}:R>` : ''}${trouble ? `. Its source ${trouble}` : ''}.`;
  });
}

/** One update of the story: when, which sites it brought, and where to read it. */
function updateLine(channel: string, guildId: string, update: NonNullable<DeliveryFacts['schedules'][number]['updates']>[number]): string {
  const sites = [...new Set(update.sources.map((source) => fitUntrusted(oneLine(source.publisher), 80)))].join(', ');
  const link = update.messageId && update.threadId ? ` ${messageLink(guildId, update.threadId, update.messageId)}` : '';
  return `${channel}: updated <t:${seconds(update.finishedAt ?? update.startedAt)}:f>${sites ? ` with ${sites}` : ''}${link}`;
}

function messageLink(guildId: string, channelId: string, messageId: string): string {
  return `https://discord.com/channels/${guildId}/${channelId}/${messageId}`;
}

/** What is wrong with a source, as the end of a sentence: disabled, or failing since its last success. */
function sourceTrouble(health: SourceHealth): string | undefined {
  if (health.disabled) return `was disabled (${health.disabled.reason}); adding it again with /sources add reads it again`;
  if (health.consecutiveFailures > 0 && health.lastError) return `is failing (${health.lastError}), ${failuresInARow(health)}`;
  return undefined;
}

/** "1 time in a row", "3 times in a row": how long a source has been failing, as /status also says it. */
export function failuresInARow(health: SourceHealth): string {
  return `${health.consecutiveFailures} time${health.consecutiveFailures === 1 ? '' : 's'} in a row`;
}

function seconds(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000);
}
