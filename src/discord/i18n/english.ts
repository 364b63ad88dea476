import { languageName } from '../../model/language.ts';

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

/**
 * Herald's own words in its replies, in English: the labels around articles, the help, and the explanations of
 * what a user typed wrong. The other languages translate what they can (see reply-text.ts) and fall back to
 * these, so this object is also the list of keys: a key used anywhere but missing here fails to typecheck.
 * Article text (headlines, summaries, topics, publishers' names) is never among them.
 */
export const ENGLISH = {
  // Briefings: /news, /brief and scheduled digests.
  topStories: 'Top stories',
  briefingOn: (topic: string) => `Briefing: ${topic}`,
  overview: 'Overview',
  noStoriesAbout: (topic: string) => `No stories about "${topic}" yet.`,
  noStoriesYet: 'No stories in this period yet.',
  noNewStories: 'No new stories since the last digest.',
  untitledStory: 'Untitled story',
  /** Before a translated headline's original: "(original: «…», fr)". */
  original: 'original',
  writtenIn: (language: string) => `in ${languageName(language)}`,
  translatedFrom: (language: string) => `translated from ${languageName(language)}`,
  alsoReportedBy: 'Also reported by',
  alsoRead: 'Also read',
  andMore: (count: number) => `and ${count} more`,
  // /topics, /search, /summarize.
  trendingNow: 'Trending now',
  nothingTrending: 'Nothing is trending yet.',
  topicCounts: (articles: number, sources: number) => `${plural(articles, 'article', 'articles')} from ${plural(sources, 'source', 'sources')}`,
  resultsFor: (query: string) => `Results for "${query}"`,
  nothingMatches: (query: string) => `Nothing stored matches "${query}".`,
  untitledArticle: 'Untitled article',
  /** Before a summary's topics, colon included. */
  topicsLabel: 'Topics:',
  // /help: a line per command, so that a command added later is listed in English until its line is translated.
  helpIntro: 'Herald reads the news for this server and briefs you on it.',
  helpForEveryone: 'For everyone',
  helpForAdmins: 'For admins (Manage Server)',
  helpNews: '`/news topic:` a briefing on one topic: the latest stories, an overview, and what to read next',
  helpBrief: '`/brief` the top stories from this server’s sources right now',
  helpTopics: '`/topics` what is trending, with how many stories and sites',
  helpSearch: '`/search query:` stored articles matching your words, best first',
  helpSummarize: '`/summarize url:` a short summary of one article',
  helpSummarizeMessage: '`Apps › Summarize with Herald` (right-click a message) a private summary of the first article it links to',
  helpAsk: '`/ask question:` an answer from this server’s sources, each sentence with the article it comes from',
  helpSources: '`/sources add|remove|list` the feeds and sites this server reads',
  helpSchedule: '`/schedule set|list|remove|language` when and where the digest is posted ("08:00", "07:30 weekdays" or cron, in your time zone), and in which language',
  helpStatus: '`/status` sources, deliveries, store and summariser',
  // /schedule and how a schedule reads back.
  scheduled: (schedule: string, firstAt: string | undefined) => `Scheduled: ${schedule}.${firstAt ? ` The first one goes out ${firstAt}.` : ''}`,
  scheduleRemoved: (schedule: string) => `Removed: ${schedule}.`,
  languageSet: (schedule: string) => `Language set: ${schedule}.`,
  followingServerLanguage: (schedule: string, serverLanguage: string | undefined) =>
    `Following the server’s language${serverLanguage ? ` (${languageName(serverLanguage)} now)` : ''}: ${schedule}.`,
  noSchedules: 'No schedules yet. Add one with /schedule set.',
  schedules: 'Schedules',
  nextAt: (when: string) => `next ${when}`,
  postsAsStoriesArrive: (channel: string) => `${channel} as stories arrive (at most every 5 minutes)`,
  postsAt: (channel: string, when: string, timezone: string) => `${channel} at ${when} (${timezone})`,
  upToStories: (count: number) => `up to ${count} stories`,
  about: (topics: string) => `about ${topics}`,
  or: ' or ',
  naming: (keywords: string) => `naming ${keywords}`,
  never: (keywords: string) => `never ${keywords}`,
  pinging: (role: string) => `pinging ${role}`,
  paused: (reason: string) => `⏸️ paused: ${reason}`,
  /** A schedule whose admin turned off updates to developing stories. */
  noUpdates: 'no updates',
  // /sources.
  sourceAdded: (name: string | undefined, articles: number) => `Added ${name ?? 'the source'} (${plural(articles, 'article', 'articles')} read now). Its stories count from now on.`,
  sourceRemoved: 'Removed. Its stories no longer appear in this server’s briefings.',
  disabledSeeStatus: '⛔ disabled (see /status)',
  everyServer: 'every server',
  sourcesOfServer: (own: number) => `Sources (${own} of this server’s own)`,
  // /status.
  statusTitle: 'Herald status',
  whyPosted: 'Why this story was or was not posted',
  // /status's labels, colons included, as languages set them differently.
  articlesKept: 'Articles kept:',
  store: 'Store:',
  summaries: 'Summaries:',
  sources: 'Sources',
  count: (count: number) => count.toLocaleString('en-US'),
  lastRunAt: (when: string) => `last ${when}`,
  notRunYet: 'not run yet',
  noSchedulesYet: 'none: add one with /schedule set',
  notReadYet: 'not read yet',
  neverRead: 'never read',
  readAt: (when: string) => `read ${when}`,
  disabledSince: (when: string, reason: string) => `⛔ disabled ${when}: ${reason}. /sources add it again to read it again`,
  failing: (error: string, failures: number, retryAt: string) => `⚠️ ${error} (${plural(failures, 'time', 'times')} in a row; trying again ${retryAt})`,
  failed: 'failed',
  // What went wrong, told privately to whoever ran the command.
  noSuchCommand: (command: string) => `Herald has no /${command} command any more; /help lists what it can do.`,
  /** `what` is what was used: "/news", or a button. */
  buttonGone: 'This button belongs to a Herald feature that no longer exists; run the command again.',
  commandFailed: (what: string) => `Something went wrong while answering ${what}. It has been logged; please try again.`,
  serversOnly: 'Herald’s commands work in servers, not in direct messages.',
  needsManageServer: 'You need the Manage Server permission to change Herald’s sources and schedules.',
  needTopic: 'Tell me a topic, for example /news topic:north korea',
  needQuery: 'Tell me what to look for, for example /search query:ferry strike',
  notAnArticleAddress: 'That is not a web address; give one starting with https://',
  notASourceAddress: 'That is not a web address; give a feed or page starting with https://',
  notAStoryAddress: 'That is not a web address; give the story’s address starting with https://',
  alreadyReads: 'This server already reads that source.',
  tooManySources: (max: number) => `A server can have at most ${max} sources; remove one first.`,
  doesNotRead: 'This server does not read that source; /sources list shows what it reads.',
  chooseChannel: 'Choose the channel to post in.',
  cannotPostKind: (channel: string) => `Herald cannot post digests in #${channel}; choose a text, announcement, thread or forum channel.`,
  cannotPostIn: (channel: string) => `Herald cannot post in #${channel}: give it the View Channel, Send Messages and Embed Links permissions there first.`,
  noEveryonePing: 'Herald will not ping @everyone; choose a role.',
  tooManySchedules: (max: number) => `A server can have at most ${max} schedules; remove one first.`,
  noSuchSchedule: 'This server has no such schedule; /schedule list shows them.',
  chooseLanguage: 'Choose a language, or the server’s own.',
  digestLanguages: (codes: string) => `Herald writes digests in ${codes}; choose one of those.`,
  // Summarize with Herald (right-click a message, Apps), and the buttons on replies.
  noTargetMessage: 'Summarize with Herald works on a message: right-click one, then Apps.',
  noLinkInMessage: 'That message links to no article; Summarize with Herald needs a message with a web address in it.',
  articleGone: 'Herald no longer keeps that article (old articles are let go); search again for newer coverage.',
  cannotPostForYou: 'You cannot post messages with links in this channel, so Herald will not post there for you.',
  sharedLinkLost: 'Herald can no longer tell which article this was; use Summarize with Herald on the message again.',
  postHere: 'Post here',
  sharedBy: (name: string) => `Shared by ${name}`,
  summarizeResult: (number: number) => `Summarize ${number}`,
  moreLikeResult: (number: number) => `More like ${number}`,
  /** A button's label, with the start of the story's headline. */
  moreLikeStory: (headline: string) => `More like: ${headline}`,
  moreLikeHeading: (title: string) => `More like "${title}"`,
  nothingRelated: (title: string) => `Nothing related to "${title}" in this server’s sources yet.`,
  previousPage: '◀ Previous',
  nextPage: 'Next ▶',
};

export type ReplyText = typeof ENGLISH;
