import { Locale, type LocalizationMap, type RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';

/** The languages Herald's commands are translated into, by their base language code. */
export const COMMAND_LANGUAGES = ['es', 'fr', 'de', 'pt'] as const;
export type CommandLanguage = (typeof COMMAND_LANGUAGES)[number];
export type Translations = Record<CommandLanguage, string>;

/** Discord's locales for each language: both Spanish ones read the same words. */
export const DISCORD_LOCALES: Record<CommandLanguage, readonly Locale[]> = {
  es: [Locale.SpanishES, Locale.SpanishLATAM],
  fr: [Locale.French],
  de: [Locale.German],
  pt: [Locale.PortugueseBR],
};

/** What Discord shows for one command, subcommand or option: a name, and a description except for context-menu commands. */
export interface CommandWords {
  name: Translations;
  description?: Translations;
}

/** A choice's name in each language, spelled from the language's own name for it ("francés (fr)"). */
function languageChoice(code: string): CommandWords {
  const named = (language: CommandLanguage): string => {
    const name = new Intl.DisplayNames([language], { type: 'language' }).of(code) ?? code;
    return `${name.charAt(0).toLocaleUpperCase(language)}${name.slice(1)} (${code})`;
  };
  return { name: { es: named('es'), fr: named('fr'), de: named('de'), pt: named('pt') } };
}

/** The digest languages /schedule offers, in every option that offers them; the test names any added there and missing here. */
function languageChoices(path: string): Record<string, CommandWords> {
  return Object.fromEntries(['en', 'es', 'fr', 'de', 'pt', 'it'].map((code) => [`${path}:${code}`, languageChoice(code)]));
}

const MAX_ITEMS = { es: 'máximo', fr: 'nombre', de: 'anzahl', pt: 'quantidade' };
const ADDRESS = { es: 'dirección', fr: 'adresse', de: 'adresse', pt: 'endereço' };
const LANGUAGE = { es: 'idioma', fr: 'langue', de: 'sprache', pt: 'idioma' };
const SCHEDULE = { es: 'programación', fr: 'programmation', de: 'zeitplan', pt: 'agendamento' };
const REMOVE = { es: 'quitar', fr: 'retirer', de: 'entfernen', pt: 'remover' };
const LIST = { es: 'lista', fr: 'liste', de: 'liste', pt: 'lista' };

/** The options that shape a digest's look, with their choices, under `path` ("schedule.set", "schedule.edit"). */
function lookOptions(path: string): Record<string, CommandWords> {
  return {
    [`${path}.format`]: {
      name: { es: 'formato', fr: 'format', de: 'format', pt: 'formato' },
      description: { es: 'Cómo se ve el resumen', fr: 'L’apparence du résumé', de: 'Wie die Übersicht aussieht', pt: 'Como o resumo aparece' },
    },
    [`${path}.format:embeds`]: {
      name: { es: 'Tarjetas: una por noticia', fr: 'Cartes : une par article', de: 'Karten: eine pro Meldung', pt: 'Cartões: um por notícia' },
    },
    [`${path}.format:compact`]: {
      name: { es: 'Compacto: un mensaje, una lista numerada', fr: 'Compact : un message, une liste numérotée', de: 'Kompakt: eine Nachricht, nummerierte Liste', pt: 'Compacto: uma mensagem, uma lista numerada' },
    },
    [`${path}.format:headlines`]: {
      name: { es: 'Titulares: solo títulos enlazados', fr: 'Titres : seulement les titres en lien', de: 'Schlagzeilen: nur verlinkte Titel', pt: 'Manchetes: só títulos com link' },
    },
    [`${path}.images`]: {
      name: { es: 'imágenes', fr: 'images', de: 'bilder', pt: 'imagens' },
      description: { es: 'Mostrar la imagen de cada noticia', fr: 'Montrer l’image de chaque article', de: 'Das Bild jeder Meldung zeigen', pt: 'Mostrar a imagem de cada notícia' },
    },
    [`${path}.summary`]: {
      name: { es: 'resumen', fr: 'résumé', de: 'zusammenfassung', pt: 'resumo' },
      description: { es: 'La longitud del resumen de cada noticia', fr: 'La longueur du résumé de chaque article', de: 'Wie lang die Zusammenfassung jeder Meldung ist', pt: 'O tamanho do resumo de cada notícia' },
    },
    [`${path}.summary:short`]: { name: { es: 'Corto: una frase', fr: 'Court : une phrase', de: 'Kurz: ein Satz', pt: 'Curto: uma frase' } },
    [`${path}.summary:medium`]: { name: { es: 'Medio', fr: 'Moyen', de: 'Mittel', pt: 'Médio' } },
    [`${path}.summary:long`]: { name: { es: 'Largo: hasta cinco frases', fr: 'Long : jusqu’à cinq phrases', de: 'Lang: bis zu fünf Sätze', pt: 'Longo: até cinco frases' } },
    [`${path}.group-by`]: {
      name: { es: 'agrupar-por', fr: 'grouper-par', de: 'gruppieren-nach', pt: 'agrupar-por' },
      description: { es: 'Noticias por tema, o una sola lista por orden', fr: 'Articles par sujet, ou une seule liste classée', de: 'Meldungen nach Thema oder eine Rangliste', pt: 'Notícias por tema, ou uma só lista por ordem' },
    },
    [`${path}.group-by:topic`]: { name: { es: 'Tema', fr: 'Sujet', de: 'Thema', pt: 'Tema' } },
    [`${path}.group-by:none`]: { name: { es: 'Ninguno: una lista por orden', fr: 'Aucun : une liste classée', de: 'Keine: eine Rangliste', pt: 'Nenhum: uma lista por ordem' } },
  };
}

/**
 * Every command, subcommand, option and choice in the other languages, keyed by its path of default names
 * ("schedule.set.channel"; a choice as "schedule.set.language:fr" by its value). Kept apart from the builders
 * in commands/ so that a translation never touches a command's code; command-localizations.test.ts fails for
 * any part of a loaded command that has no entry here, or whose words Discord would refuse.
 */
const CATALOGUE: Readonly<Record<string, CommandWords>> = {
  brief: {
    name: { es: 'titulares', fr: 'à-la-une', de: 'schlagzeilen', pt: 'manchetes' },
    description: {
      es: 'Las noticias principales de las fuentes de este servidor ahora mismo',
      fr: 'Les principales actualités des sources de ce serveur en ce moment',
      de: 'Die wichtigsten Meldungen aus den Quellen dieses Servers gerade jetzt',
      pt: 'As principais notícias das fontes deste servidor agora',
    },
  },
  'brief.max-items': {
    name: MAX_ITEMS,
    description: { es: 'Cuántas noticias (1–10)', fr: 'Combien d’articles (1–10)', de: 'Wie viele Meldungen (1–10)', pt: 'Quantas notícias (1–10)' },
  },
  // A message's context menu: a name only, in the case and spacing Discord shows it.
  'Summarize with Herald': {
    name: { es: 'Resumir con Herald', fr: 'Résumer avec Herald', de: 'Mit Herald zusammenfassen', pt: 'Resumir com Herald' },
  },
  ask: {
    name: { es: 'preguntar', fr: 'demander', de: 'fragen', pt: 'perguntar' },
    description: {
      es: 'Una pregunta respondida con las fuentes de este servidor, citando los artículos',
      fr: 'Une question répondue avec les sources de ce serveur, en citant les articles',
      de: 'Eine Frage, beantwortet aus den Quellen dieses Servers, mit den Artikeln als Beleg',
      pt: 'Uma pergunta respondida com as fontes deste servidor, citando os artigos',
    },
  },
  'ask.question': {
    name: { es: 'pregunta', fr: 'question', de: 'frage', pt: 'pergunta' },
    description: {
      es: 'Lo que quieres saber, por ejemplo: ¿qué anunció la Met Office sobre la tormenta Agnes?',
      fr: 'Ce que vous voulez savoir, par exemple : qu’a annoncé le Met Office sur la tempête Agnes ?',
      de: 'Was Sie wissen möchten, etwa: Wovor warnte der Met Office beim Sturm Agnes?',
      pt: 'O que você quer saber, por exemplo: o que o Met Office alertou sobre a tempestade Agnes?',
    },
  },
  follow: {
    name: { es: 'seguir', fr: 'suivre', de: 'folgen', pt: 'seguir' },
    description: {
      es: 'Sigue a una persona, un lugar, una organización o un asunto: sus noticias te llegan en privado',
      fr: 'Suivre une personne, un lieu, une organisation ou un sujet : ses actualités vous arrivent en privé',
      de: 'Einer Person, einem Ort, einer Organisation oder einem Thema folgen: Neues kommt privat zu Ihnen',
      pt: 'Siga uma pessoa, um lugar, uma organização ou um assunto: as notícias chegam a você em privado',
    },
  },
  'follow.add': {
    name: { es: 'añadir', fr: 'ajouter', de: 'hinzufügen', pt: 'adicionar' },
    description: {
      es: 'Seguir un tema: sus noticias nuevas te llegan, unas pocas al día como mucho',
      fr: 'Suivre un sujet : ses nouveaux articles vous arrivent, quelques-uns par jour au plus',
      de: 'Einem Thema folgen: neue Meldungen dazu kommen zu Ihnen, höchstens einige am Tag',
      pt: 'Seguir um tema: as notícias novas chegam a você, no máximo algumas por dia',
    },
  },
  'follow.add.topic': {
    name: { es: 'tema', fr: 'sujet', de: 'thema', pt: 'tema' },
    description: {
      es: 'Una persona, un lugar, una organización o un asunto',
      fr: 'Une personne, un lieu, une organisation ou un sujet',
      de: 'Eine Person, ein Ort, eine Organisation oder ein Thema',
      pt: 'Uma pessoa, um lugar, uma organização ou um assunto',
    },
  },
  'follow.add.where': {
    name: { es: 'dónde', fr: 'où', de: 'wo', pt: 'onde' },
    description: {
      es: 'Por mensaje directo (por defecto) o en este canal mencionándote solo a ti, si el servidor lo permite',
      fr: 'Par message privé (par défaut), ou dans ce salon en ne mentionnant que vous, si le serveur le permet',
      de: 'Per Direktnachricht (Standard) oder hier nur mit Ihrer Erwähnung, falls der Server es erlaubt',
      pt: 'Por mensagem direta (padrão), ou neste canal mencionando só você, se o servidor permitir',
    },
  },
  'follow.add.where:dm': { name: { es: 'Por mensaje directo', fr: 'Par message privé', de: 'Per Direktnachricht', pt: 'Por mensagem direta' } },
  'follow.add.where:here': { name: { es: 'Aquí, mencionándome solo a mí', fr: 'Ici, en ne mentionnant que moi', de: 'Hier, nur mit Erwähnung von mir', pt: 'Aqui, mencionando só a mim' } },
  'follow.list': {
    name: { es: 'lista', fr: 'liste', de: 'liste', pt: 'lista' },
    description: {
      es: 'Lo que sigues en este servidor (solo tú lo ves)',
      fr: 'Ce que vous suivez sur ce serveur (vous seul le voyez)',
      de: 'Was Sie auf diesem Server verfolgen (nur Sie sehen es)',
      pt: 'O que você segue neste servidor (só você vê)',
    },
  },
  'follow.remove': {
    name: { es: 'quitar', fr: 'retirer', de: 'entfernen', pt: 'remover' },
    description: {
      es: 'Dejar de seguir un tema, o todo ("all")',
      fr: 'Ne plus suivre un sujet, ou plus rien (« all »)',
      de: 'Einem Thema nicht mehr folgen, oder allem („all“)',
      pt: 'Deixar de seguir um tema, ou tudo ("all")',
    },
  },
  'follow.remove.topic': {
    name: { es: 'tema', fr: 'sujet', de: 'thema', pt: 'tema' },
    description: {
      es: 'Un tema que sigues, o "all"',
      fr: 'Un sujet que vous suivez, ou « all »',
      de: 'Ein Thema, dem Sie folgen, oder „all“',
      pt: 'Um tema que você segue, ou "all"',
    },
  },
  'follow.resume': {
    name: { es: 'reanudar', fr: 'reprendre', de: 'fortsetzen', pt: 'retomar' },
    description: {
      es: 'Volver a recibir lo que sigues cuando tus mensajes directos estén abiertos',
      fr: 'Recevoir de nouveau vos suivis une fois vos messages privés ouverts',
      de: 'Ihre Themen wieder erhalten, sobald Ihre Direktnachrichten offen sind',
      pt: 'Voltar a receber o que você segue quando suas mensagens diretas estiverem abertas',
    },
  },
  'follow.settings': {
    name: { es: 'ajustes', fr: 'réglages', de: 'einstellungen', pt: 'configurações' },
    description: {
      es: 'Administradores: si los miembros pueden seguir temas aquí, y cómo',
      fr: 'Admins : si les membres peuvent suivre des sujets ici, et comment',
      de: 'Admins: ob Mitglieder hier Themen folgen dürfen, und wie',
      pt: 'Administradores: se os membros podem seguir temas aqui, e como',
    },
  },
  'follow.settings.enabled': {
    name: { es: 'activado', fr: 'activé', de: 'aktiviert', pt: 'ativado' },
    description: {
      es: 'Si los miembros pueden seguir temas en este servidor',
      fr: 'Si les membres peuvent suivre des sujets sur ce serveur',
      de: 'Ob Mitglieder auf diesem Server Themen folgen dürfen',
      pt: 'Se os membros podem seguir temas neste servidor',
    },
  },
  'follow.settings.max-per-member': {
    name: { es: 'máximo-por-miembro', fr: 'maximum-par-membre', de: 'höchstens-pro-mitglied', pt: 'máximo-por-membro' },
    description: {
      es: 'Temas que puede seguir un miembro (1–25)',
      fr: 'Sujets qu’un membre peut suivre (1–25)',
      de: 'Themen, denen ein Mitglied folgen darf (1–25)',
      pt: 'Temas que um membro pode seguir (1–25)',
    },
  },
  'follow.settings.allow-here': {
    name: { es: 'permitir-aquí', fr: 'autoriser-ici', de: 'hier-erlauben', pt: 'permitir-aqui' },
    description: {
      es: 'Si los miembros pueden recibir sus noticias en un canal, mencionándolos solo a ellos',
      fr: 'Si les membres peuvent recevoir leurs articles dans un salon, en ne mentionnant qu’eux',
      de: 'Ob Mitglieder ihre Meldungen in einem Kanal erhalten dürfen, nur mit ihrer Erwähnung',
      pt: 'Se os membros podem receber suas notícias num canal, mencionando só eles',
    },
  },
  help: {
    name: { es: 'ayuda', fr: 'aide', de: 'hilfe', pt: 'ajuda' },
    description: { es: 'Lo que Herald puede hacer', fr: 'Ce que Herald sait faire', de: 'Was Herald kann', pt: 'O que o Herald pode fazer' },
  },
  news: {
    name: { es: 'noticias', fr: 'actualités', de: 'nachrichten', pt: 'notícias' },
    description: {
      es: 'Un resumen sobre un tema: las últimas noticias, una visión general y qué leer después',
      fr: 'Un point sur un sujet : les derniers articles, une synthèse et quoi lire ensuite',
      de: 'Ein Briefing zu einem Thema: neueste Meldungen, ein Überblick und was man weiterlesen kann',
      pt: 'Um resumo sobre um tema: as últimas notícias, uma visão geral e o que ler a seguir',
    },
  },
  'news.topic': {
    name: { es: 'tema', fr: 'sujet', de: 'thema', pt: 'tema' },
    description: {
      es: 'Una persona, un lugar, una organización o un asunto',
      fr: 'Une personne, un lieu, une organisation ou un sujet',
      de: 'Eine Person, ein Ort, eine Organisation oder ein Thema',
      pt: 'Uma pessoa, um lugar, uma organização ou um assunto',
    },
  },
  schedule: {
    name: { es: 'programar', fr: 'programmation', de: 'zeitplan', pt: 'agendamento' },
    description: {
      es: 'Cuándo y dónde se publica el resumen de este servidor',
      fr: 'Quand et où le résumé de ce serveur est publié',
      de: 'Wann und wo die Übersicht dieses Servers veröffentlicht wird',
      pt: 'Quando e onde o resumo deste servidor é publicado',
    },
  },
  'schedule.set': {
    name: { es: 'definir', fr: 'définir', de: 'festlegen', pt: 'definir' },
    description: {
      es: 'Publicar un resumen en un canal según un horario',
      fr: 'Publier un résumé dans un salon selon un horaire',
      de: 'Eine Übersicht nach Zeitplan in einem Kanal veröffentlichen',
      pt: 'Publicar um resumo num canal segundo um horário',
    },
  },
  'schedule.set.channel': {
    name: { es: 'canal', fr: 'salon', de: 'kanal', pt: 'canal' },
    description: { es: 'Dónde publicar', fr: 'Où publier', de: 'Wo veröffentlicht wird', pt: 'Onde publicar' },
  },
  'schedule.set.time': {
    name: { es: 'hora', fr: 'heure', de: 'uhrzeit', pt: 'horário' },
    description: {
      es: '"08:00", "08:00,18:00", "07:30 weekdays", una expresión cron o "instant"',
      fr: '« 08:00 », « 08:00,18:00 », « 07:30 weekdays », une expression cron ou « instant »',
      de: '„08:00“, „08:00,18:00“, „07:30 weekdays“, ein Cron-Ausdruck oder „instant“',
      pt: '"08:00", "08:00,18:00", "07:30 weekdays", uma expressão cron ou "instant"',
    },
  },
  'schedule.set.timezone': {
    name: { es: 'zona-horaria', fr: 'fuseau-horaire', de: 'zeitzone', pt: 'fuso-horário' },
    description: {
      es: 'Zona horaria IANA, p. ej. Europe/Madrid',
      fr: 'Fuseau horaire IANA, par ex. Europe/Paris',
      de: 'IANA-Zeitzone, z. B. Europe/Berlin',
      pt: 'Fuso horário IANA, p. ex. America/Sao_Paulo',
    },
  },
  'schedule.set.topics': {
    name: { es: 'temas', fr: 'sujets', de: 'themen', pt: 'temas' },
    description: {
      es: 'Solo noticias sobre estos temas, separados por comas',
      fr: 'Seulement les articles sur ces sujets, séparés par des virgules',
      de: 'Nur Meldungen zu diesen Themen, durch Kommas getrennt',
      pt: 'Só notícias sobre estes temas, separados por vírgulas',
    },
  },
  'schedule.set.max-items': {
    name: MAX_ITEMS,
    description: {
      es: 'Noticias por resumen (1–10; hasta 50 en el formato de titulares)',
      fr: 'Articles par résumé (1–10 ; jusqu’à 50 au format titres)',
      de: 'Meldungen pro Übersicht (1–10; bis zu 50 im Schlagzeilen-Format)',
      pt: 'Notícias por resumo (1–10; até 50 no formato de manchetes)',
    },
  },
  'schedule.set.include': {
    name: { es: 'incluir', fr: 'inclure', de: 'enthält', pt: 'incluir' },
    description: {
      es: 'Solo noticias que nombren una de estas palabras clave (separadas por comas; /regex/ permitido)',
      fr: 'Seulement les articles citant un de ces mots-clés (séparés par des virgules ; /regex/ permis)',
      de: 'Nur Meldungen mit einem dieser Stichwörter (durch Kommas getrennt; /regex/ erlaubt)',
      pt: 'Só notícias que citem uma destas palavras-chave (separadas por vírgulas; /regex/ permitido)',
    },
  },
  'schedule.set.exclude': {
    name: { es: 'excluir', fr: 'exclure', de: 'ohne', pt: 'excluir' },
    description: {
      es: 'Nunca noticias que nombren estas palabras clave (separadas por comas; /regex/ permitido)',
      fr: 'Jamais les articles citant ces mots-clés (séparés par des virgules ; /regex/ permis)',
      de: 'Nie Meldungen mit diesen Stichwörtern (durch Kommas getrennt; /regex/ erlaubt)',
      pt: 'Nunca notícias que citem estas palavras-chave (separadas por vírgulas; /regex/ permitido)',
    },
  },
  'schedule.set.mention': {
    name: { es: 'mencionar', fr: 'mentionner', de: 'erwähnen', pt: 'mencionar' },
    description: {
      es: 'Un rol que mencionar con cada resumen (solo se menciona ese rol)',
      fr: 'Un rôle à mentionner avec chaque résumé (seul ce rôle est mentionné)',
      de: 'Eine Rolle, die bei jeder Übersicht erwähnt wird (nur diese Rolle)',
      pt: 'Um cargo a mencionar em cada resumo (só esse cargo é mencionado)',
    },
  },
  'schedule.set.announce-empty': {
    name: { es: 'avisar-sin-noticias', fr: 'annoncer-vide', de: 'leere-melden', pt: 'avisar-sem-notícias' },
    description: {
      es: 'Publicar "no hay noticias nuevas" cuando no hay nada nuevo (por defecto: callar)',
      fr: 'Publier « pas de nouveaux articles » quand il n’y a rien (par défaut : se taire)',
      de: '„Keine neuen Meldungen“ posten, wenn es nichts Neues gibt (Standard: schweigen)',
      pt: 'Publicar "sem notícias novas" quando não há nada novo (padrão: ficar em silêncio)',
    },
  },
  'schedule.set.language': {
    name: LANGUAGE,
    description: {
      es: 'El idioma de los resúmenes (por defecto: el del servidor); el resto se traduce con un modelo',
      fr: 'La langue des résumés (par défaut : celle du serveur) ; les autres articles sont traduits',
      de: 'Die Sprache der Übersichten (Standard: die des Servers); andere Meldungen werden übersetzt',
      pt: 'O idioma dos resumos (padrão: o do servidor); as outras notícias são traduzidas por um modelo',
    },
  },
  ...languageChoices('schedule.set.language'),
  'schedule.set.updates': {
    name: { es: 'actualizaciones', fr: 'mises-à-jour', de: 'aktualisierungen', pt: 'atualizações' },
    description: {
      es: 'Publicar novedades en un hilo cuando una noticia enviada avanza (por defecto: sí)',
      fr: 'Publier les suites dans un fil quand un article envoyé évolue (par défaut : oui)',
      de: 'Neues in einem Thread posten, wenn sich eine gesendete Meldung entwickelt (Standard: an)',
      pt: 'Publicar novidades num tópico quando uma notícia enviada evolui (padrão: sim)',
    },
  },
  ...lookOptions('schedule.set'),
  'schedule.edit': {
    name: { es: 'editar', fr: 'modifier', de: 'bearbeiten', pt: 'editar' },
    description: {
      es: 'Cambiar una programación, conservando lo que ya envió',
      fr: 'Modifier une programmation, en gardant ce qu’elle a déjà envoyé',
      de: 'Einen Zeitplan ändern; bereits Gesendetes bleibt gesendet',
      pt: 'Mudar um agendamento, mantendo o que ele já enviou',
    },
  },
  'schedule.edit.schedule': {
    name: SCHEDULE,
    description: { es: 'La programación que cambiar', fr: 'La programmation à changer', de: 'Der zu ändernde Zeitplan', pt: 'O agendamento a mudar' },
  },
  'schedule.edit.topics': {
    name: { es: 'temas', fr: 'sujets', de: 'themen', pt: 'temas' },
    description: {
      es: 'Solo noticias sobre estos temas, separados por comas ("-" para todos)',
      fr: 'Seulement les articles sur ces sujets, séparés par des virgules (« - » pour tous)',
      de: 'Nur Meldungen zu diesen Themen, durch Kommas getrennt („-“ für alle)',
      pt: 'Só notícias sobre estes temas, separados por vírgulas ("-" para todos)',
    },
  },
  'schedule.edit.include': {
    name: { es: 'incluir', fr: 'inclure', de: 'enthält', pt: 'incluir' },
    description: {
      es: 'Solo noticias que nombren una de estas palabras clave ("-" para ningún filtro)',
      fr: 'Seulement les articles citant un de ces mots-clés (« - » pour aucun filtre)',
      de: 'Nur Meldungen mit einem dieser Stichwörter („-“ für keinen Filter)',
      pt: 'Só notícias que citem uma destas palavras-chave ("-" para nenhum filtro)',
    },
  },
  'schedule.edit.exclude': {
    name: { es: 'excluir', fr: 'exclure', de: 'ohne', pt: 'excluir' },
    description: {
      es: 'Nunca noticias que nombren estas palabras clave ("-" para ningún filtro)',
      fr: 'Jamais les articles citant ces mots-clés (« - » pour aucun filtre)',
      de: 'Nie Meldungen mit diesen Stichwörtern („-“ für keinen Filter)',
      pt: 'Nunca notícias que citem estas palavras-chave ("-" para nenhum filtro)',
    },
  },
  'schedule.edit.no-mention': {
    name: { es: 'sin-mención', fr: 'sans-mention', de: 'ohne-erwähnung', pt: 'sem-menção' },
    description: {
      es: 'Dejar de mencionar el rol de la programación',
      fr: 'Ne plus mentionner le rôle de la programmation',
      de: 'Die Rolle des Zeitplans nicht mehr erwähnen',
      pt: 'Deixar de mencionar o cargo do agendamento',
    },
  },
  'schedule.edit.announce-empty': {
    name: { es: 'avisar-sin-noticias', fr: 'annoncer-vide', de: 'leere-melden', pt: 'avisar-sem-notícias' },
    description: {
      es: 'Publicar "no hay noticias nuevas" cuando no hay nada nuevo',
      fr: 'Publier « pas de nouveaux articles » quand il n’y a rien',
      de: '„Keine neuen Meldungen“ posten, wenn es nichts Neues gibt',
      pt: 'Publicar "sem notícias novas" quando não há nada novo',
    },
  },
  'schedule.edit.updates': {
    name: { es: 'actualizaciones', fr: 'mises-à-jour', de: 'aktualisierungen', pt: 'atualizações' },
    description: {
      es: 'Publicar novedades en un hilo cuando una noticia enviada avanza',
      fr: 'Publier les suites dans un fil quand un article envoyé évolue',
      de: 'Neues in einem Thread posten, wenn sich eine gesendete Meldung entwickelt',
      pt: 'Publicar novidades num tópico quando uma notícia enviada evolui',
    },
  },
  'schedule.edit.language': {
    name: LANGUAGE,
    description: {
      es: 'El idioma de los resúmenes, o el del servidor',
      fr: 'La langue des résumés, ou celle du serveur',
      de: 'Die Sprache der Übersichten oder die des Servers',
      pt: 'O idioma dos resumos, ou o do servidor',
    },
  },
  ...languageChoices('schedule.edit.language'),
  'schedule.edit.language:server': {
    name: { es: 'El idioma del servidor', fr: 'La langue du serveur', de: 'Die Sprache des Servers', pt: 'O idioma do servidor' },
  },
  ...lookOptions('schedule.edit'),
  'schedule.preview': {
    name: { es: 'vista-previa', fr: 'aperçu', de: 'vorschau', pt: 'prévia' },
    description: {
      es: 'Ver en privado lo que publicaría ahora el próximo resumen de una programación',
      fr: 'Voir en privé ce que publierait maintenant le prochain résumé d’une programmation',
      de: 'Privat sehen, was die nächste Übersicht eines Zeitplans jetzt posten würde',
      pt: 'Ver em privado o que o próximo resumo de um agendamento publicaria agora',
    },
  },
  'schedule.preview.schedule': {
    name: SCHEDULE,
    description: { es: 'La programación que previsualizar', fr: 'La programmation à prévisualiser', de: 'Der Zeitplan für die Vorschau', pt: 'O agendamento a pré-visualizar' },
  },
  'schedule.send-now': {
    name: { es: 'enviar-ahora', fr: 'envoyer-maintenant', de: 'jetzt-senden', pt: 'enviar-agora' },
    description: {
      es: 'Publicar ahora el próximo resumen; el siguiente programado continúa tras él',
      fr: 'Publier maintenant le prochain résumé ; le suivant prévu reprend après lui',
      de: 'Die nächste Übersicht jetzt posten; die nächste geplante macht danach weiter',
      pt: 'Publicar agora o próximo resumo; o seguinte agendado continua depois dele',
    },
  },
  'schedule.send-now.schedule': {
    name: SCHEDULE,
    description: { es: 'La programación que publicar', fr: 'La programmation à publier', de: 'Der zu postende Zeitplan', pt: 'O agendamento a publicar' },
  },
  'schedule.pause': {
    name: { es: 'pausar', fr: 'pause', de: 'pausieren', pt: 'pausar' },
    description: {
      es: 'Pausar una programación, conservando su lugar',
      fr: 'Mettre une programmation en pause, en gardant sa place',
      de: 'Einen Zeitplan pausieren, ohne seinen Platz zu verlieren',
      pt: 'Pausar um agendamento, mantendo o seu lugar',
    },
  },
  'schedule.pause.schedule': {
    name: SCHEDULE,
    description: { es: 'La programación que pausar', fr: 'La programmation à mettre en pause', de: 'Der zu pausierende Zeitplan', pt: 'O agendamento a pausar' },
  },
  'schedule.resume': {
    name: { es: 'reanudar', fr: 'reprendre', de: 'fortsetzen', pt: 'retomar' },
    description: {
      es: 'Reanudar una programación pausada, solo con lo nuevo',
      fr: 'Reprendre une programmation en pause, avec seulement ce qui est nouveau',
      de: 'Einen pausierten Zeitplan fortsetzen, nur mit Neuem',
      pt: 'Retomar um agendamento pausado, só com o que é novo',
    },
  },
  'schedule.resume.schedule': {
    name: SCHEDULE,
    description: { es: 'La programación que reanudar', fr: 'La programmation à reprendre', de: 'Der fortzusetzende Zeitplan', pt: 'O agendamento a retomar' },
  },
  'schedule.language': {
    name: LANGUAGE,
    description: {
      es: 'Cambiar el idioma de los resúmenes de una programación',
      fr: 'Changer la langue des résumés d’une programmation',
      de: 'Die Sprache der Übersichten eines Zeitplans ändern',
      pt: 'Mudar o idioma dos resumos de um agendamento',
    },
  },
  'schedule.language.schedule': {
    name: SCHEDULE,
    description: { es: 'La programación que cambiar', fr: 'La programmation à changer', de: 'Der zu ändernde Zeitplan', pt: 'O agendamento a mudar' },
  },
  'schedule.language.language': {
    name: LANGUAGE,
    description: { es: 'El idioma, o el del servidor', fr: 'La langue, ou celle du serveur', de: 'Die Sprache oder die des Servers', pt: 'O idioma, ou o do servidor' },
  },
  ...languageChoices('schedule.language.language'),
  'schedule.language.language:server': {
    name: { es: 'El idioma del servidor', fr: 'La langue du serveur', de: 'Die Sprache des Servers', pt: 'O idioma do servidor' },
  },
  'schedule.list': {
    name: LIST,
    description: { es: 'Todas las programaciones de este servidor', fr: 'Toutes les programmations de ce serveur', de: 'Alle Zeitpläne dieses Servers', pt: 'Todos os agendamentos deste servidor' },
  },
  'schedule.remove': {
    name: REMOVE,
    description: { es: 'Detener una programación', fr: 'Arrêter une programmation', de: 'Einen Zeitplan beenden', pt: 'Parar um agendamento' },
  },
  'schedule.remove.schedule': {
    name: SCHEDULE,
    description: { es: 'La programación que detener', fr: 'La programmation à arrêter', de: 'Der zu beendende Zeitplan', pt: 'O agendamento a parar' },
  },
  search: {
    name: { es: 'buscar', fr: 'rechercher', de: 'suchen', pt: 'buscar' },
    description: {
      es: 'Buscar en los artículos guardados de las fuentes de este servidor',
      fr: 'Chercher dans les articles gardés des sources de ce serveur',
      de: 'Die gespeicherten Artikel der Quellen dieses Servers durchsuchen',
      pt: 'Pesquisar os artigos guardados das fontes deste servidor',
    },
  },
  'search.query': {
    name: { es: 'consulta', fr: 'requête', de: 'suchbegriff', pt: 'consulta' },
    description: { es: 'Palabras que buscar', fr: 'Les mots à chercher', de: 'Gesuchte Wörter', pt: 'Palavras a procurar' },
  },
  sources: {
    name: { es: 'fuentes', fr: 'sources', de: 'quellen', pt: 'fontes' },
    description: {
      es: 'Los feeds y sitios que lee este servidor',
      fr: 'Les flux et sites que lit ce serveur',
      de: 'Die Feeds und Websites, die dieser Server liest',
      pt: 'Os feeds e sites que este servidor lê',
    },
  },
  'sources.add': {
    name: { es: 'añadir', fr: 'ajouter', de: 'hinzufügen', pt: 'adicionar' },
    description: { es: 'Añadir un feed o un sitio de noticias', fr: 'Ajouter un flux ou un site d’actualités', de: 'Einen Feed oder eine Nachrichtenseite hinzufügen', pt: 'Adicionar um feed ou site de notícias' },
  },
  'sources.add.url': {
    name: ADDRESS,
    description: {
      es: 'La dirección del feed o la página, que empiece por https://',
      fr: 'L’adresse du flux ou de la page, commençant par https://',
      de: 'Die Adresse des Feeds oder der Seite, beginnend mit https://',
      pt: 'O endereço do feed ou da página, começando por https://',
    },
  },
  'sources.add.name': {
    name: { es: 'nombre', fr: 'nom', de: 'name', pt: 'nome' },
    description: {
      es: 'Cómo llamarlo (si no, el título del propio feed)',
      fr: 'Comment l’appeler (sinon, le titre du flux)',
      de: 'Wie die Quelle heißen soll (sonst der Titel des Feeds)',
      pt: 'Como chamá-lo (senão, o título do próprio feed)',
    },
  },
  'sources.add.every': {
    name: { es: 'cada', fr: 'intervalle', de: 'intervall', pt: 'intervalo' },
    description: {
      es: 'Minutos entre lecturas (si no, el intervalo configurado)',
      fr: 'Minutes entre deux lectures (sinon, l’intervalle configuré)',
      de: 'Minuten zwischen zwei Abrufen (sonst das eingestellte Intervall)',
      pt: 'Minutos entre leituras (senão, o intervalo configurado)',
    },
  },
  'sources.remove': {
    name: REMOVE,
    description: { es: 'Dejar de leer una fuente', fr: 'Ne plus lire une source', de: 'Eine Quelle nicht mehr lesen', pt: 'Deixar de ler uma fonte' },
  },
  'sources.remove.url': {
    name: ADDRESS,
    description: { es: 'La fuente que quitar', fr: 'La source à retirer', de: 'Die zu entfernende Quelle', pt: 'A fonte a remover' },
  },
  'sources.list': {
    name: LIST,
    description: { es: 'Todas las fuentes que lee este servidor', fr: 'Toutes les sources que lit ce serveur', de: 'Alle Quellen, die dieser Server liest', pt: 'Todas as fontes que este servidor lê' },
  },
  status: {
    name: { es: 'estado', fr: 'état', de: 'status', pt: 'estado' },
    description: {
      es: 'Cómo le va a Herald en este servidor: fuentes, entregas, almacén y resumidor',
      fr: 'Comment va Herald sur ce serveur : sources, envois, stockage et résumeur',
      de: 'Wie es Herald auf diesem Server geht: Quellen, Zustellungen, Speicher und Zusammenfasser',
      pt: 'Como o Herald está neste servidor: fontes, entregas, armazenamento e resumidor',
    },
  },
  'status.story': {
    name: { es: 'noticia', fr: 'article', de: 'meldung', pt: 'notícia' },
    description: {
      es: 'La dirección de una noticia: por qué se publicó o no',
      fr: 'L’adresse d’un article : pourquoi il a été publié ou non',
      de: 'Die Adresse einer Meldung: warum sie gepostet wurde oder nicht',
      pt: 'O endereço de uma notícia: porque foi publicada ou não',
    },
  },
  summarize: {
    name: { es: 'resumir', fr: 'résumer', de: 'zusammenfassen', pt: 'resumir' },
    description: {
      es: 'Resumir un artículo a partir de su dirección web',
      fr: 'Résumer un article à partir de son adresse web',
      de: 'Einen Artikel anhand seiner Webadresse zusammenfassen',
      pt: 'Resumir um artigo a partir do seu endereço web',
    },
  },
  'summarize.url': {
    name: ADDRESS,
    description: {
      es: 'La dirección del artículo, que empiece por https://',
      fr: 'L’adresse de l’article, commençant par https://',
      de: 'Die Adresse des Artikels, beginnend mit https://',
      pt: 'O endereço do artigo, começando por https://',
    },
  },
  topics: {
    name: { es: 'temas', fr: 'sujets', de: 'themen', pt: 'temas' },
    description: {
      es: 'Lo que es tendencia en las noticias de este servidor, con cuántas noticias y sitios',
      fr: 'Les sujets du moment dans l’actualité de ce serveur, avec combien d’articles et de sites',
      de: 'Was in den Nachrichten dieses Servers im Trend liegt, mit Anzahl der Meldungen und Seiten',
      pt: 'O que está em alta nas notícias deste servidor, com quantas notícias e sites',
    },
  },
};

/** /schedule edit's options that read as /schedule set's do, in the same words. */
const EDITED_AS_SET = ['channel', 'time', 'timezone', 'max-items', 'mention'];

/** The catalogue above, with the options /schedule edit shares with /schedule set. */
export const COMMAND_LOCALIZATIONS: Readonly<Record<string, CommandWords>> = {
  ...CATALOGUE,
  ...Object.fromEntries(EDITED_AS_SET.map((option) => [`schedule.edit.${option}`, CATALOGUE[`schedule.set.${option}`]!])),
};

interface Localizable {
  name: string;
  description?: string;
  name_localizations?: LocalizationMap | null;
  description_localizations?: LocalizationMap | null;
  options?: Localizable[];
  choices?: Array<{ name: string; value: string | number; name_localizations?: LocalizationMap | null }>;
}

/**
 * A command's JSON with the catalogue's words as Discord's localisation maps, at every level; a part the
 * catalogue lacks is left in English, which is what Discord shows any locale without a translation.
 */
export function localizeCommand<T extends RESTPostAPIApplicationCommandsJSONBody>(command: T): T {
  return localized(command as Localizable, command.name) as T;
}

function localized(part: Localizable, path: string): Localizable {
  const words = COMMAND_LOCALIZATIONS[path];
  return {
    ...part,
    ...(words ? { name_localizations: localizationMap(words.name) } : {}),
    ...(words?.description && part.description !== undefined ? { description_localizations: localizationMap(words.description) } : {}),
    ...(part.options ? { options: part.options.map((option) => localized(option, `${path}.${option.name}`)) } : {}),
    ...(part.choices
      ? {
          choices: part.choices.map((choice) => {
            const choiceWords = COMMAND_LOCALIZATIONS[`${path}:${choice.value}`];
            return choiceWords ? { ...choice, name_localizations: localizationMap(choiceWords.name) } : choice;
          }),
        }
      : {}),
  };
}

function localizationMap(translations: Translations): LocalizationMap {
  return Object.fromEntries(COMMAND_LANGUAGES.flatMap((language) => DISCORD_LOCALES[language].map((locale) => [locale, translations[language]])));
}

/** A command's, subcommand's or option's name as users of `language` see it, for replies that tell them what to type. */
export function localName(language: CommandLanguage, path: string): string {
  return COMMAND_LOCALIZATIONS[path]?.name[language] ?? path.slice(path.lastIndexOf('.') + 1);
}
