/**
 * The few words per language that decide where a capitalised name starts and ends. compromise tags English
 * only and no maintained package ships these lists for names, so they are written here, kept short: the
 * words that open a sentence with a capital (articles, pronouns, conjunctions), the titles written before a
 * name, and the particles found inside one ("Banco de España", "Arquata del Tronto"); never "and", "y" or
 * "e", which join two names more often than they sit inside one.
 */
export interface NameWords {
  /** Capitalised only because a sentence or quote starts with them; never a name on their own. */
  stop: ReadonlySet<string>;
  /** Written before a name and not part of it ("Presidente", "Mme", "Vorstandschef"). */
  titles: ReadonlySet<string>;
  /** Lower-case words that may join two capitalised parts of one name. */
  connectors: ReadonlySet<string>;
  /** A capitalised word right after one of these is a common noun (German capitalises every noun). */
  nounMarkers: ReadonlySet<string>;
  /** The last words of institutions' names ("Center", "Agency", "Party"). */
  institutionHeads: ReadonlySet<string>;
  /** Connectors allowed only after an institution's head ("Center for Astrophysics", not "Pyongyang for Russia"). */
  headConnectors: ReadonlySet<string>;
  /** German writes a job title as one compound ("VW-Chef", "Konzernchefin"): its ending says so. */
  titleEndings: readonly string[];
  /** The days of the week, capitalised in English and German (and at a sentence's start everywhere) but naming no one. */
  days: ReadonlySet<string>;
  /**
   * The state and its government as the language capitalises them bare ("the Government", "el Gobierno",
   * "l'État", "lo Stato"): whose is left to the context, so alone they name nothing a reader could search.
   */
  institutions: ReadonlySet<string>;
  /** The months, where the language capitalises them: alone, "April" is a date, though it is a given name too. */
  months: ReadonlySet<string>;
  /** What an office is of, written with a capital after the title ("ministre de l'Intérieur", "secrétaire d'État") or, in English, before it ("Health Secretary"): not a name. */
  officeDomains: ReadonlySet<string>;
  /** Lower-case adjectives that end an institution's name in the Romance languages ("Assemblée nationale", "Banco Central Europeo" aside). */
  nameAdjectives: ReadonlySet<string>;
}

/** Lower-case particles inside a person's name ("Erik ten Hag", "Ursula von der Leyen"), in any language. */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(['de', 'da', 'di', 'du', 'del', 'della', 'der', 'den', 'ten', 'ter', 'van', 'von', 'la', 'le', 'al', 'el', 'bin', 'dos', 'das']);

const words = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter(Boolean));

const ENGLISH_TITLES =
  'mr mrs ms mx dr prof sir dame president vice prime secretary minister chancellor chair chairman chairwoman chairperson chief executive ' +
  'financial operating officer commissioner professor senator governor mayor director spokesman spokeswoman spokesperson ceo cfo cto coach manager ' +
  'councillor councilor cllr coun councilman councilwoman congressman congresswoman assemblyman assemblywoman alderman alderwoman representative ' +
  'ombudsman ambassador speaker administrator envoy col lt gen sgt capt pm mp';

const LANGUAGES: Record<string, { stop: string; titles: string; connectors: string; days: string; institutions: string; months?: string; nounMarkers?: string; titleEndings?: string; heads?: string; domains?: string; adjectives?: string }> = {
  en: {
    days: 'monday tuesday wednesday thursday friday saturday sunday',
    institutions: 'government state',
    // With the abbreviations datelines use ("MADRID, 1 Jun. -").
    months: 'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec',
    stop: 'the a an this that these those it its he she they we i',
    titles: ENGLISH_TITLES,
    // After the title ("Secretary of State", "Minister of Foreign Affairs") and, in English, before it too ("Health Secretary").
    domains:
      'state affairs war health environment foreign home finance defence defense education transport transportation justice energy interior ' +
      'trade treasury agriculture culture housing immigration employment labor labour economy industry business climate science sport ' +
      'tourism veterans commerce communities digital europe',
    connectors: 'of',
    heads:
      'center centre institute institution agency office department commission council committee foundation society organisation organization ' +
      'association federation union alliance fund centres centers coalition campaign party league board authority administration',
  },
  es: {
    adjectives: 'nacional nacionales europeo europea federal constitucional popular socialista republicano republicana demócrata supremo suprema internacional mundial civil',
    domains: 'interior justicia sanidad defensa economía hacienda exteriores educación trabajo cultura estado gobierno',
    days: 'lunes martes miércoles jueves viernes sábado domingo',
    institutions: 'gobierno ejecutivo estado',
    stop:
      'el la los las lo un una unos unas al del de en y e o u que con por para sin sobre tras según pero mientras este esta estos estas ese esa esos esas ' +
      'su sus se no sí también ya hoy ayer así cuando donde como aunque si ante entre desde hasta durante todo todos toda todas cada otro otra más muy ' +
      'hay fue es era ha han él ella ellos ellas nosotros yo usted aquí allí ahora después antes luego pues entonces ni le les nos qué cómo quién',
    titles:
      'presidente presidenta vicepresidente vicepresidenta ministro ministra don doña señor señora sr sra secretario secretaria líder alcalde alcaldesa ' +
      'juez jueza portavoz rey reina seleccionador entrenador delantero centrocampista',
    connectors: 'de del la las los',
  },
  fr: {
    adjectives: 'national nationale européen européenne fédéral fédérale constitutionnel constitutionnelle populaire socialiste républicain républicaine démocrate suprême international internationale mondial mondiale unies civile',
    domains: 'état intérieur justice santé défense armées économie finances affaires culture éducation travail agriculture environnement transports budget',
    days: 'lundi mardi mercredi jeudi vendredi samedi dimanche',
    institutions: 'état gouvernement exécutif république',
    stop:
      'le la les l un une des du de d au aux et ou mais donc or ni car que qui quoi dont où ce cet cette ces son sa ses leur leurs il elle ils elles on nous ' +
      'vous je en dans par pour sur sous avec sans selon après avant depuis pendant lors dès si comme quand alors aussi puis enfin ainsi mardi lundi ' +
      'mercredi jeudi vendredi samedi dimanche c ne pas plus tout tous toute toutes chaque y a est était',
    titles:
      'président présidente ministre m mme mlle monsieur madame mgr monseigneur premier première maire sénateur sénatrice député députée ' +
      'archevêque recteur général générale secrétaire préfet préfète procureur procureure porte-parole',
    connectors: 'de du des d la le les sur en',
  },
  it: {
    adjectives: 'nazionale europeo europea federale costituzionale popolare socialista repubblicano democratico democratica supremo suprema internazionale mondiale unite civile',
    domains: 'interno interni esteri giustizia salute difesa economia tesoro lavoro cultura istruzione stato consiglio',
    days: 'lunedì martedì mercoledì giovedì venerdì sabato domenica',
    institutions: 'governo stato esecutivo',
    stop:
      'il lo la i gli le l un uno una un del della dei degli delle di a al alla ai agli alle da dal dalla in nel nella nei negli con su sul sulla per ' +
      'tra fra e ed o ma che chi cui non si ci è sono era questo questa questi queste quello quella suo sua suoi sue loro lui lei noi voi io anche ' +
      'poi dopo prima quando dove come se già ancora oggi ieri così mentre perché secondo tutto tutti ogni',
    titles: 'presidente ministro ministra premier sindaco sindaca signor signora sig don onorevole commissario capo papa re regina cantante frontman',
    connectors: 'di del della dei degli delle da dal sul sulla',
  },
  pt: {
    adjectives: 'nacional europeu europeia federal constitucional popular socialista republicano democrático supremo suprema internacional mundial civil',
    domains: 'justiça saúde defesa economia fazenda educação trabalho cultura estado',
    days: 'segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado domingo segunda terça quarta quinta sexta',
    institutions: 'governo estado executivo',
    stop:
      'o a os as um uma uns umas do da dos das de em no na nos nas ao aos à às pelo pela pelos pelas por para com sem sobre após entre até e ou mas ' +
      'que se não já também quando onde como segundo este esta estes estas esse essa isso seu sua seus suas ele ela eles elas nós eu você ainda depois ' +
      'antes hoje ontem assim cada todo todos toda todas mais muito há foi é era',
    titles:
      'presidente presidenta ministro ministra governador governadora prefeito prefeita senhor senhora sr sra dom dona deputado deputada senador ' +
      'senadora secretário secretária juiz juíza diretor diretora',
    connectors: 'de do da dos das',
  },
  de: {
    days: 'montag dienstag mittwoch donnerstag freitag samstag sonntag',
    institutions: 'regierung staat',
    months: 'januar februar märz april mai juni juli august september oktober november dezember',
    stop:
      'der die das den dem des ein eine einer eines einem einen und oder aber doch denn dass weil wenn als wie wo was wer es er sie wir ich ihr man ' +
      'in im an am auf aus bei beim mit nach von vom zu zum zur für über unter vor hinter neben seit bis durch gegen ohne um auch noch schon nun dann ' +
      'so nicht kein keine sein seine seiner seinem seinen ihre ihrem ihren ihres unser unsere dieser diese dieses diesem diesen jeder jede jedes ' +
      'alle viele mehr heute gestern damit dazu dabei doch ist war sind waren hat hatte wird wurde mehrere einige wenige beide zehntausende hunderttausende',
    titles:
      'herr frau dr prof präsident präsidentin bundeskanzler bundeskanzlerin kanzler kanzlerin minister ministerin ministerpräsident ' +
      'ministerpräsidentin chef chefin vorstandschef vorstandschefin konzernchef konzernchefin bürgermeister bürgermeisterin sprecher sprecherin ' +
      'patriarch patriarchen papst aufsichtsratschef',
    connectors: 'von der für zu',
    nounMarkers:
      'der die das den dem des ein eine einer eines einem einen kein keine keinen keinem sein seine seiner seinem seinen ihr ihre ihrer ihrem ihren ' +
      'unser unsere dieser diese dieses diesem diesen jeder jede jedes am im zum zur vom beim ins ans hundert hunderte tausend tausende millionen milliarden ' +
      'zehntausende hunderttausende mehrere einige wenige viele beide',
    titleEndings: 'chef chefin präsident präsidentin minister ministerin sprecher sprecherin vorsitzender vorsitzende vorsitzenden',
  },
};

const BY_LANGUAGE = new Map(
  Object.entries(LANGUAGES).map(([language, lists]) => [
    language,
    {
      stop: words(lists.stop),
      titles: words(lists.titles),
      connectors: words(lists.connectors),
      nounMarkers: words(lists.nounMarkers ?? ''),
      titleEndings: [...words(lists.titleEndings ?? '')],
      days: words(lists.days),
      institutions: words(lists.institutions),
      months: words(lists.months ?? ''),
      officeDomains: words(lists.domains ?? ''),
      nameAdjectives: words(lists.adjectives ?? ''),
      institutionHeads: words(lists.heads ?? ''),
      headConnectors: words(lists.heads ? 'for' : ''),
    },
  ]),
);

/** The lists for a BCP 47 language; English's when the language is unknown or not among the six. */
export function nameWords(language: string | undefined): NameWords {
  return BY_LANGUAGE.get((language ?? 'en').slice(0, 2).toLowerCase()) ?? BY_LANGUAGE.get('en')!;
}

/** "Presidente", "Mme.", "Vice-President", and in German a compound ending in a title ("VW-Chef", "Vorstandschef"). */
export function isTitle(word: string, lists: NameWords): boolean {
  const lower = word.toLowerCase().replace(/\.$/, '');
  return lists.titles.has(lower) || lists.titles.has(lower.split(/[-‐‑]/).at(-1)!) || lists.titleEndings.some((ending) => lower.endsWith(ending));
}

/** Words before an office's domain that say which holder of it ("Shadow Health Secretary"), not whose. */
const OFFICE_RANKS = new Set(['federal', 'shadow', 'deputy', 'junior', 'acting', 'former', 'interim']);

/** The titles of offices that are of something ("Health Secretary"); not a party's member or spokesman ("Labour MP"). */
const OFFICES = new Set(['minister', 'secretary', 'commissioner']);

/** "Health", "Federal Environment": what an office is of, written before its title ("Health Secretary"), not a name of its own. */
export function isOfficeDomain(words: readonly string[], title: string, lists: NameWords): boolean {
  return OFFICES.has(title.toLowerCase()) && words.length > 0 && words.every((word) => lists.officeDomains.has(word.toLowerCase()) || OFFICE_RANKS.has(word.toLowerCase()));
}
