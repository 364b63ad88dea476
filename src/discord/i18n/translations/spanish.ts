import { languageName } from '../../../model/language.ts';
import { localName } from '../command-localizations.ts';
import type { ReplyText } from '../english.ts';

const n = (path: string): string => localName('es', path);
const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;
const name = (language: string): string => languageName(language, 'es');

/** Herald's words in Spanish; what is missing here is said in English. */
export const SPANISH: Partial<ReplyText> = {
  topStories: 'Titulares',
  briefingOn: (topic) => `Resumen: ${topic}`,
  overview: 'Visión general',
  noStoriesAbout: (topic) => `Todavía no hay noticias sobre «${topic}».`,
  noStoriesYet: 'Todavía no hay noticias en este periodo.',
  noNewStories: 'No hay noticias nuevas desde el último resumen.',
  untitledStory: 'Noticia sin título',
  original: 'original',
  writtenIn: (language) => `en ${name(language)}`,
  translatedFrom: (language) => `traducido del ${name(language)}`,
  alsoReportedBy: 'También en',
  alsoRead: 'Lee también',
  andMore: (count) => `y ${count} más`,
  trendingNow: 'Tendencias ahora',
  nothingTrending: 'Todavía no hay tendencias.',
  topicCounts: (articles, sources) => `${plural(articles, 'artículo', 'artículos')} de ${plural(sources, 'fuente', 'fuentes')}`,
  resultsFor: (query) => `Resultados para «${query}»`,
  nothingMatches: (query) => `Nada guardado coincide con «${query}».`,
  untitledArticle: 'Artículo sin título',
  topics: 'Temas',
  helpIntro: 'Herald lee las noticias para este servidor y te las resume.',
  helpForEveryone: 'Para todos',
  helpForAdmins: 'Para administradores (Gestionar servidor)',
  helpReaders: [
    `\`/${n('news')} ${n('news.topic')}:\` un resumen sobre un tema: las últimas noticias, una visión general y qué leer después`,
    `\`/${n('brief')}\` las noticias principales de las fuentes de este servidor ahora mismo`,
    `\`/${n('topics')}\` lo que es tendencia, con cuántas noticias y sitios`,
    `\`/${n('search')} ${n('search.query')}:\` los artículos guardados que contienen tus palabras, los mejores primero`,
    `\`/${n('summarize')} ${n('summarize.url')}:\` un resumen breve de un artículo`,
  ],
  helpAdmins: [
    `\`/${n('sources')} ${n('sources.add')}|${n('sources.remove')}|${n('sources.list')}\` los feeds y sitios que lee este servidor`,
    `\`/${n('schedule')} ${n('schedule.set')}|${n('schedule.list')}|${n('schedule.remove')}|${n('schedule.language')}\` cuándo y dónde se publica el resumen ("08:00", "07:30 weekdays" o cron, en tu zona horaria) y en qué idioma`,
    `\`/${n('status')}\` fuentes, entregas, almacén y resumidor`,
  ],
  noSuchCommand: (command) => `Herald ya no tiene el comando /${command}; /${n('help')} muestra lo que puede hacer.`,
  commandFailed: (command) => `Algo salió mal al responder a /${command}. Ha quedado registrado; vuelve a intentarlo.`,
  serversOnly: 'Los comandos de Herald funcionan en servidores, no en mensajes directos.',
  needsManageServer: 'Necesitas el permiso Gestionar servidor para cambiar las fuentes y programaciones de Herald.',
  needTopic: `Dime un tema, por ejemplo /${n('news')} ${n('news.topic')}:corea del norte`,
  needQuery: `Dime qué buscar, por ejemplo /${n('search')} ${n('search.query')}:huelga de ferris`,
  notAnArticleAddress: 'Eso no es una dirección web; da una que empiece por https://',
  notASourceAddress: 'Eso no es una dirección web; da un feed o una página que empiece por https://',
  notAStoryAddress: 'Eso no es una dirección web; da la dirección de la noticia, que empiece por https://',
  alreadyReads: 'Este servidor ya lee esa fuente.',
  tooManySources: (max) => `Un servidor puede tener como mucho ${max} fuentes; quita una primero.`,
  doesNotRead: `Este servidor no lee esa fuente; /${n('sources')} ${n('sources.list')} muestra lo que lee.`,
  chooseChannel: 'Elige el canal donde publicar.',
  cannotPostKind: (channel) => `Herald no puede publicar resúmenes en #${channel}; elige un canal de texto, de anuncios, un hilo o un foro.`,
  cannotPostIn: (channel) => `Herald no puede publicar en #${channel}: dale antes los permisos Ver canal, Enviar mensajes e Insertar enlaces.`,
  noEveryonePing: 'Herald no mencionará a @everyone; elige un rol.',
  tooManySchedules: (max) => `Un servidor puede tener como mucho ${max} programaciones; quita una primero.`,
  noSuchSchedule: `Este servidor no tiene esa programación; /${n('schedule')} ${n('schedule.list')} las muestra.`,
  chooseLanguage: 'Elige un idioma, o el del servidor.',
  digestLanguages: (codes) => `Herald escribe los resúmenes en ${codes}; elige uno de ellos.`,
};
