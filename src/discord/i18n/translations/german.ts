import { languageName } from '../../../model/language.ts';
import { localName } from '../command-localizations.ts';
import type { ReplyText } from '../english.ts';

const n = (path: string): string => localName('de', path);
const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;
const name = (language: string): string => languageName(language, 'de');

/** Herald's words in German; what is missing here is said in English. */
export const GERMAN: Partial<ReplyText> = {
  topStories: 'Top-Meldungen',
  briefingOn: (topic) => `Briefing: ${topic}`,
  overview: 'Überblick',
  noStoriesAbout: (topic) => `Noch keine Meldungen zu „${topic}“.`,
  noStoriesYet: 'In diesem Zeitraum noch keine Meldungen.',
  noNewStories: 'Keine neuen Meldungen seit der letzten Übersicht.',
  untitledStory: 'Meldung ohne Titel',
  original: 'Original',
  writtenIn: (language) => `auf ${name(language)}`,
  // "aus dem Englischen" declines the adjectives most language names are; others are named as they are.
  translatedFrom: (language) => (name(language).endsWith('sch') ? `aus dem ${name(language)}en übersetzt` : `übersetzt (Original: ${name(language)})`),
  alsoReportedBy: 'Auch bei',
  alsoRead: 'Auch lesenswert',
  andMore: (count) => `und ${count} weitere`,
  trendingNow: 'Gerade im Trend',
  nothingTrending: 'Noch ist nichts im Trend.',
  topicCounts: (articles, sources) => `${plural(articles, 'Artikel', 'Artikel')} aus ${plural(sources, 'Quelle', 'Quellen')}`,
  resultsFor: (query) => `Ergebnisse für „${query}“`,
  nothingMatches: (query) => `Nichts Gespeichertes passt zu „${query}“.`,
  untitledArticle: 'Artikel ohne Titel',
  topics: 'Themen',
  helpIntro: 'Herald liest die Nachrichten für diesen Server und fasst sie für dich zusammen.',
  helpForEveryone: 'Für alle',
  helpForAdmins: 'Für Admins (Server verwalten)',
  helpReaders: [
    `\`/${n('news')} ${n('news.topic')}:\` ein Briefing zu einem Thema: neueste Meldungen, ein Überblick und was man weiterlesen kann`,
    `\`/${n('brief')}\` die wichtigsten Meldungen aus den Quellen dieses Servers gerade jetzt`,
    `\`/${n('topics')}\` was im Trend liegt, mit Anzahl der Meldungen und Seiten`,
    `\`/${n('search')} ${n('search.query')}:\` gespeicherte Artikel mit deinen Wörtern, die besten zuerst`,
    `\`/${n('summarize')} ${n('summarize.url')}:\` eine kurze Zusammenfassung eines Artikels`,
  ],
  helpAdmins: [
    `\`/${n('sources')} ${n('sources.add')}|${n('sources.remove')}|${n('sources.list')}\` die Feeds und Websites, die dieser Server liest`,
    `\`/${n('schedule')} ${n('schedule.set')}|${n('schedule.list')}|${n('schedule.remove')}|${n('schedule.language')}\` wann und wo die Übersicht gepostet wird („08:00“, „07:30 weekdays“ oder Cron, in deiner Zeitzone) und in welcher Sprache`,
    `\`/${n('status')}\` Quellen, Zustellungen, Speicher und Zusammenfasser`,
  ],
  noSuchCommand: (command) => `Herald hat keinen Befehl /${command} mehr; /${n('help')} zeigt, was es kann.`,
  commandFailed: (command) => `Beim Beantworten von /${command} ist etwas schiefgegangen. Es wurde protokolliert; bitte versuche es noch einmal.`,
  serversOnly: 'Heralds Befehle funktionieren auf Servern, nicht in Direktnachrichten.',
  needsManageServer: 'Du brauchst die Berechtigung „Server verwalten“, um Heralds Quellen und Zeitpläne zu ändern.',
  needTopic: `Nenne ein Thema, zum Beispiel /${n('news')} ${n('news.topic')}:nordkorea`,
  needQuery: `Sag mir, wonach ich suchen soll, zum Beispiel /${n('search')} ${n('search.query')}:fährstreik`,
  notAnArticleAddress: 'Das ist keine Webadresse; gib eine an, die mit https:// beginnt',
  notASourceAddress: 'Das ist keine Webadresse; gib einen Feed oder eine Seite an, die mit https:// beginnt',
  notAStoryAddress: 'Das ist keine Webadresse; gib die Adresse der Meldung an, beginnend mit https://',
  alreadyReads: 'Dieser Server liest diese Quelle schon.',
  tooManySources: (max) => `Ein Server kann höchstens ${max} Quellen haben; entferne zuerst eine.`,
  doesNotRead: `Dieser Server liest diese Quelle nicht; /${n('sources')} ${n('sources.list')} zeigt, was er liest.`,
  chooseChannel: 'Wähle den Kanal, in dem gepostet werden soll.',
  cannotPostKind: (channel) => `Herald kann keine Übersichten in #${channel} posten; wähle einen Text- oder Ankündigungskanal, einen Thread oder ein Forum.`,
  cannotPostIn: (channel) => `Herald kann nicht in #${channel} posten: gib ihm dort zuerst die Berechtigungen „Kanal ansehen“, „Nachrichten senden“ und „Links einbetten“.`,
  noEveryonePing: 'Herald erwähnt nicht @everyone; wähle eine Rolle.',
  tooManySchedules: (max) => `Ein Server kann höchstens ${max} Zeitpläne haben; entferne zuerst einen.`,
  noSuchSchedule: `Diesen Zeitplan gibt es auf diesem Server nicht; /${n('schedule')} ${n('schedule.list')} zeigt sie.`,
  chooseLanguage: 'Wähle eine Sprache oder die des Servers.',
  digestLanguages: (codes) => `Herald schreibt Übersichten auf ${codes}; wähle eine davon.`,
};
