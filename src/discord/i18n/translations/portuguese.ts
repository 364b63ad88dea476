import { languageName } from '../../../model/language.ts';
import { localName } from '../command-localizations.ts';
import type { ReplyText } from '../english.ts';

const n = (path: string): string => localName('pt', path);
const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;
const name = (language: string): string => languageName(language, 'pt');

/** Herald's words in Portuguese; what is missing here is said in English. */
export const PORTUGUESE: Partial<ReplyText> = {
  topStories: 'Manchetes',
  briefingOn: (topic) => `Resumo: ${topic}`,
  overview: 'Visão geral',
  noStoriesAbout: (topic) => `Ainda não há notícias sobre "${topic}".`,
  noStoriesYet: 'Ainda não há notícias neste período.',
  noNewStories: 'Nenhuma notícia nova desde o último resumo.',
  untitledStory: 'Notícia sem título',
  original: 'original',
  writtenIn: (language) => `em ${name(language)}`,
  translatedFrom: (language) => `traduzido do ${name(language)}`,
  alsoReportedBy: 'Também em',
  alsoRead: 'Leia também',
  andMore: (count) => `e mais ${count}`,
  trendingNow: 'Em alta agora',
  nothingTrending: 'Nada em alta ainda.',
  topicCounts: (articles, sources) => `${plural(articles, 'artigo', 'artigos')} de ${plural(sources, 'fonte', 'fontes')}`,
  resultsFor: (query) => `Resultados para "${query}"`,
  nothingMatches: (query) => `Nada guardado corresponde a "${query}".`,
  untitledArticle: 'Artigo sem título',
  topics: 'Temas',
  helpIntro: 'O Herald lê as notícias para este servidor e faz um resumo para você.',
  helpForEveryone: 'Para todos',
  helpForAdmins: 'Para administradores (Gerenciar servidor)',
  helpReaders: [
    `\`/${n('news')} ${n('news.topic')}:\` um resumo sobre um tema: as últimas notícias, uma visão geral e o que ler a seguir`,
    `\`/${n('brief')}\` as principais notícias das fontes deste servidor agora`,
    `\`/${n('topics')}\` o que está em alta, com quantas notícias e sites`,
    `\`/${n('search')} ${n('search.query')}:\` artigos guardados com as suas palavras, os melhores primeiro`,
    `\`/${n('summarize')} ${n('summarize.url')}:\` um resumo curto de um artigo`,
  ],
  helpAdmins: [
    `\`/${n('sources')} ${n('sources.add')}|${n('sources.remove')}|${n('sources.list')}\` os feeds e sites que este servidor lê`,
    `\`/${n('schedule')} ${n('schedule.set')}|${n('schedule.list')}|${n('schedule.remove')}|${n('schedule.language')}\` quando e onde o resumo é publicado ("08:00", "07:30 weekdays" ou cron, no seu fuso horário) e em que idioma`,
    `\`/${n('status')}\` fontes, entregas, armazenamento e resumidor`,
  ],
  noSuchCommand: (command) => `O Herald já não tem o comando /${command}; /${n('help')} mostra o que ele pode fazer.`,
  commandFailed: (command) => `Algo deu errado ao responder a /${command}. Foi registrado; tente de novo.`,
  serversOnly: 'Os comandos do Herald funcionam em servidores, não em mensagens diretas.',
  needsManageServer: 'Você precisa da permissão Gerenciar servidor para mudar as fontes e agendamentos do Herald.',
  needTopic: `Diga um tema, por exemplo /${n('news')} ${n('news.topic')}:coreia do norte`,
  needQuery: `Diga o que procurar, por exemplo /${n('search')} ${n('search.query')}:greve das balsas`,
  notAnArticleAddress: 'Isso não é um endereço web; dê um que comece por https://',
  notASourceAddress: 'Isso não é um endereço web; dê um feed ou uma página que comece por https://',
  notAStoryAddress: 'Isso não é um endereço web; dê o endereço da notícia, começando por https://',
  alreadyReads: 'Este servidor já lê essa fonte.',
  tooManySources: (max) => `Um servidor pode ter no máximo ${max} fontes; remova uma primeiro.`,
  doesNotRead: `Este servidor não lê essa fonte; /${n('sources')} ${n('sources.list')} mostra o que ele lê.`,
  chooseChannel: 'Escolha o canal onde publicar.',
  cannotPostKind: (channel) => `O Herald não pode publicar resumos em #${channel}; escolha um canal de texto, de anúncios, um tópico ou um fórum.`,
  cannotPostIn: (channel) => `O Herald não pode publicar em #${channel}: dê a ele antes as permissões Ver canal, Enviar mensagens e Inserir links.`,
  noEveryonePing: 'O Herald não vai mencionar @everyone; escolha um cargo.',
  tooManySchedules: (max) => `Um servidor pode ter no máximo ${max} agendamentos; remova um primeiro.`,
  noSuchSchedule: `Este servidor não tem esse agendamento; /${n('schedule')} ${n('schedule.list')} mostra-os.`,
  chooseLanguage: 'Escolha um idioma, ou o do servidor.',
  digestLanguages: (codes) => `O Herald escreve resumos em ${codes}; escolha um deles.`,
};
