import { languageName } from '../../../model/language.ts';
import { localName } from '../command-localizations.ts';
import type { ReplyText } from '../english.ts';

const n = (path: string): string => localName('fr', path);
const plural = (count: number, one: string, many: string): string => `${count} ${count <= 1 ? one : many}`;
const name = (language: string): string => languageName(language, 'fr');

/** Herald's words in French, with no-break spaces where French typography wants them; what is missing here is said in English. */
export const FRENCH: Partial<ReplyText> = {
  topStories: 'À la une',
  briefingOn: (topic) => `Le point sur\u00a0: ${topic}`,
  overview: 'Synthèse',
  noStoriesAbout: (topic) => `Aucun article sur «\u00a0${topic}\u00a0» pour l’instant.`,
  noStoriesYet: 'Aucun article sur cette période pour l’instant.',
  noNewStories: 'Aucun nouvel article depuis le dernier résumé.',
  untitledStory: 'Article sans titre',
  original: 'original',
  writtenIn: (language) => `en ${name(language)}`,
  translatedFrom: (language) => (/^[aeiouyéèh]/i.test(name(language)) ? `traduit de l’${name(language)}` : `traduit du ${name(language)}`),
  alsoReportedBy: 'Également chez',
  alsoRead: 'À lire aussi',
  andMore: (count) => `et ${count} de plus`,
  trendingNow: 'Tendances du moment',
  nothingTrending: 'Aucune tendance pour l’instant.',
  topicCounts: (articles, sources) => `${plural(articles, 'article', 'articles')} de ${plural(sources, 'source', 'sources')}`,
  resultsFor: (query) => `Résultats pour «\u00a0${query}\u00a0»`,
  nothingMatches: (query) => `Aucun article gardé ne correspond à «\u00a0${query}\u00a0».`,
  untitledArticle: 'Article sans titre',
  topics: 'Sujets',
  helpIntro: 'Herald lit l’actualité pour ce serveur et vous en fait le point.',
  helpForEveryone: 'Pour tout le monde',
  helpForAdmins: 'Pour les admins (Gérer le serveur)',
  helpReaders: [
    `\`/${n('news')} ${n('news.topic')}:\` le point sur un sujet\u00a0: les derniers articles, une synthèse et quoi lire ensuite`,
    `\`/${n('brief')}\` les principales actualités des sources de ce serveur en ce moment`,
    `\`/${n('topics')}\` les sujets du moment, avec combien d’articles et de sites`,
    `\`/${n('search')} ${n('search.query')}:\` les articles gardés qui contiennent vos mots, les meilleurs d’abord`,
    `\`/${n('summarize')} ${n('summarize.url')}:\` un court résumé d’un article`,
  ],
  helpAdmins: [
    `\`/${n('sources')} ${n('sources.add')}|${n('sources.remove')}|${n('sources.list')}\` les flux et sites que lit ce serveur`,
    `\`/${n('schedule')} ${n('schedule.set')}|${n('schedule.list')}|${n('schedule.remove')}|${n('schedule.language')}\` quand et où le résumé est publié («\u00a008:00\u00a0», «\u00a007:30 weekdays\u00a0» ou cron, dans votre fuseau horaire), et en quelle langue`,
    `\`/${n('status')}\` sources, envois, stockage et résumeur`,
  ],
  noSuchCommand: (command) => `Herald n’a plus de commande /${command}\u00a0; /${n('help')} liste ce qu’il sait faire.`,
  commandFailed: (command) => `Un problème est survenu en répondant à /${command}. Il a été consigné\u00a0; merci de réessayer.`,
  serversOnly: 'Les commandes de Herald fonctionnent dans les serveurs, pas en messages privés.',
  needsManageServer: 'Il vous faut la permission Gérer le serveur pour changer les sources et programmations de Herald.',
  needTopic: `Indiquez un sujet, par exemple /${n('news')} ${n('news.topic')}:corée du nord`,
  needQuery: `Indiquez ce qu’il faut chercher, par exemple /${n('search')} ${n('search.query')}:grève des ferries`,
  notAnArticleAddress: 'Ce n’est pas une adresse web\u00a0; donnez-en une qui commence par https://',
  notASourceAddress: 'Ce n’est pas une adresse web\u00a0; donnez un flux ou une page qui commence par https://',
  notAStoryAddress: 'Ce n’est pas une adresse web\u00a0; donnez l’adresse de l’article, qui commence par https://',
  alreadyReads: 'Ce serveur lit déjà cette source.',
  tooManySources: (max) => `Un serveur peut avoir au plus ${max} sources\u00a0; retirez-en une d’abord.`,
  doesNotRead: `Ce serveur ne lit pas cette source\u00a0; /${n('sources')} ${n('sources.list')} montre ce qu’il lit.`,
  chooseChannel: 'Choisissez le salon où publier.',
  cannotPostKind: (channel) => `Herald ne peut pas publier de résumés dans #${channel}\u00a0; choisissez un salon textuel, d’annonces, un fil ou un forum.`,
  cannotPostIn: (channel) => `Herald ne peut pas publier dans #${channel}\u00a0: donnez-lui d’abord les permissions Voir le salon, Envoyer des messages et Intégrer des liens.`,
  noEveryonePing: 'Herald ne mentionnera pas @everyone\u00a0; choisissez un rôle.',
  tooManySchedules: (max) => `Un serveur peut avoir au plus ${max} programmations\u00a0; retirez-en une d’abord.`,
  noSuchSchedule: `Ce serveur n’a pas cette programmation\u00a0; /${n('schedule')} ${n('schedule.list')} les montre.`,
  chooseLanguage: 'Choisissez une langue, ou celle du serveur.',
  digestLanguages: (codes) => `Herald écrit les résumés en ${codes}\u00a0; choisissez l’une d’elles.`,
};
