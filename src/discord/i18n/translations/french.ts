import { languageName } from '../../../model/language.ts';
import { localName } from '../command-localizations.ts';
import type { ReplyText } from '../english.ts';

const n = (path: string): string => localName('fr', path);
const plural = (count: number, one: string, many: string): string => `${count} ${count <= 1 ? one : many}`;
const name = (language: string): string => languageName(language, 'fr');

/** Herald's words in French; what is missing here is said in English. */
export const FRENCH: Partial<ReplyText> = {
  topStories: 'À la une',
  briefingOn: (topic) => `Le point sur : ${topic}`,
  overview: 'Synthèse',
  noStoriesAbout: (topic) => `Aucun article sur « ${topic} » pour l’instant.`,
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
  resultsFor: (query) => `Résultats pour « ${query} »`,
  nothingMatches: (query) => `Aucun article gardé ne correspond à « ${query} ».`,
  untitledArticle: 'Article sans titre',
  topics: 'Sujets',
  helpIntro: 'Herald lit l’actualité pour ce serveur et vous en fait le point.',
  helpForEveryone: 'Pour tout le monde',
  helpForAdmins: 'Pour les admins (Gérer le serveur)',
  helpReaders: [
    `\`/${n('news')} ${n('news.topic')}:\` le point sur un sujet : les derniers articles, une synthèse et quoi lire ensuite`,
    `\`/${n('brief')}\` les principales actualités des sources de ce serveur en ce moment`,
    `\`/${n('topics')}\` les sujets du moment, avec combien d’articles et de sites`,
    `\`/${n('search')} ${n('search.query')}:\` les articles gardés qui contiennent vos mots, les meilleurs d’abord`,
    `\`/${n('summarize')} ${n('summarize.url')}:\` un court résumé d’un article`,
  ],
  helpAdmins: [
    `\`/${n('sources')} ${n('sources.add')}|${n('sources.remove')}|${n('sources.list')}\` les flux et sites que lit ce serveur`,
    `\`/${n('schedule')} ${n('schedule.set')}|${n('schedule.list')}|${n('schedule.remove')}|${n('schedule.language')}\` quand et où le résumé est publié (« 08:00 », « 07:30 weekdays » ou cron, dans votre fuseau horaire), et en quelle langue`,
    `\`/${n('status')}\` sources, envois, stockage et résumeur`,
  ],
  noSuchCommand: (command) => `Herald n’a plus de commande /${command} ; /${n('help')} liste ce qu’il sait faire.`,
  commandFailed: (command) => `Un problème est survenu en répondant à /${command}. Il a été consigné ; merci de réessayer.`,
  serversOnly: 'Les commandes de Herald fonctionnent dans les serveurs, pas en messages privés.',
  needsManageServer: 'Il vous faut la permission Gérer le serveur pour changer les sources et programmations de Herald.',
  needTopic: `Indiquez un sujet, par exemple /${n('news')} ${n('news.topic')}:corée du nord`,
  needQuery: `Indiquez ce qu’il faut chercher, par exemple /${n('search')} ${n('search.query')}:grève des ferries`,
  notAnArticleAddress: 'Ce n’est pas une adresse web ; donnez-en une qui commence par https://',
  notASourceAddress: 'Ce n’est pas une adresse web ; donnez un flux ou une page qui commence par https://',
  notAStoryAddress: 'Ce n’est pas une adresse web ; donnez l’adresse de l’article, qui commence par https://',
  alreadyReads: 'Ce serveur lit déjà cette source.',
  tooManySources: (max) => `Un serveur peut avoir au plus ${max} sources ; retirez-en une d’abord.`,
  doesNotRead: `Ce serveur ne lit pas cette source ; /${n('sources')} ${n('sources.list')} montre ce qu’il lit.`,
  chooseChannel: 'Choisissez le salon où publier.',
  cannotPostKind: (channel) => `Herald ne peut pas publier de résumés dans #${channel} ; choisissez un salon textuel, d’annonces, un fil ou un forum.`,
  cannotPostIn: (channel) => `Herald ne peut pas publier dans #${channel} : donnez-lui d’abord les permissions Voir le salon, Envoyer des messages et Intégrer des liens.`,
  noEveryonePing: 'Herald ne mentionnera pas @everyone ; choisissez un rôle.',
  tooManySchedules: (max) => `Un serveur peut avoir au plus ${max} programmations ; retirez-en une d’abord.`,
  noSuchSchedule: `Ce serveur n’a pas cette programmation ; /${n('schedule')} ${n('schedule.list')} les montre.`,
  chooseLanguage: 'Choisissez une langue, ou celle du serveur.',
  digestLanguages: (codes) => `Herald écrit les résumés en ${codes} ; choisissez l’une d’elles.`,
};
