import { SNOWBALL } from '../snowball-languages.ts';
import type { SubjectContext } from './key-subjects.ts';
import { isTitle, nameWords, type NameWords } from './name-words.ts';

interface Language {
  /** Articles and article-prepositions: the word after one is a noun ("la sequía", "des pompiers", "der Rücktritt"). */
  articles: ReadonlySet<string>;
  /** Prepositions that join a noun to the noun it qualifies ("moción de censura", "sciopero dei treni"). */
  joiners: ReadonlySet<string>;
  /** Prepositions, after which a word is a noun unless it is a verb's infinitive ("por sequía", but "para llenar"). */
  prepositions: ReadonlySet<string>;
  infinitive: RegExp;
  /** Endings of conjugated verbs that articles and pronouns stand before too ("nous la rebâtirons", "la ganó"). */
  conjugated: RegExp;
  /** Nouns every story uses, whatever it is about. */
  generic: ReadonlySet<string>;
  stopWords: ReadonlySet<string>;
  stem: (word: string) => string;
  /** German writes every noun with a capital; the Romance languages write common nouns in lower case. */
  capitalisedNouns: boolean;
  /** The titles written before a name, among other lists ("président", "sindaco"). */
  names: NameWords;
}

const words = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter(Boolean));

/** The generic nouns of a language, and its days of the week ("am Freitag"), which date a story without being its subject. */
const generic = (language: string, list: string): ReadonlySet<string> => new Set([...words(list), ...nameWords(language).days]);

const LANGUAGES: Record<string, Language> = {
  es: {
    articles: words('el la los las un una unos unas del al su sus este esta estos estas'),
    joiners: words('de del'),
    prepositions: words('de por para con sin sobre en contra entre hacia desde tras'),
    infinitive: /(?:ar|er|ir|ír)$/u,
    conjugated: /(?:aron|ieron|aba|aban|ó|amos|emos|imos)$/u,
    generic: generic('es', 'año años día días semana mes meses hora horas persona personas gente parte vez veces caso forma millones mil país gobierno'),
    stopWords: new Set(SNOWBALL.es.stopWords),
    stem: SNOWBALL.es.stem,
    names: nameWords('es'),
    capitalisedNouns: false,
  },
  fr: {
    articles: words('le la les l un une des du au aux sa son ses leur leurs ce cet cette ces'),
    joiners: words('de des du d'),
    prepositions: words('de d à en par pour sans sur sous avec contre entre après avant'),
    infinitive: /(?:er|ir|re)$/u,
    conjugated: /(?:ons|ez|ait|aient|èrent|erai|eront)$/u,
    generic: generic('fr', 'an ans année années jour jours semaine mois heure heures personne personnes gens part fois cas façon millions pays gouvernement'),
    stopWords: new Set(SNOWBALL.fr.stopWords),
    stem: SNOWBALL.fr.stem,
    names: nameWords('fr'),
    capitalisedNouns: false,
  },
  it: {
    articles: words('il lo la i gli le l un uno una del dello della dell dei degli delle al allo alla all ai agli alle dal dalla dall dai nel nello nella nell nei negli nelle sul sulla sull sui suo sua suoi'),
    joiners: words('di del dello della dei degli delle'),
    prepositions: words('di a da in con su per tra fra dopo contro'),
    infinitive: /(?:are|ere|ire)$/u,
    conjugated: /(?:arono|erono|irono|ava|avano|ò|iamo)$/u,
    generic: generic('it', 'anno anni giorno giorni settimana mese mesi ora ore persona persone gente parte volta volte caso modo milioni paese governo'),
    stopWords: new Set(SNOWBALL.it.stopWords),
    stem: SNOWBALL.it.stem,
    names: nameWords('it'),
    capitalisedNouns: false,
  },
  pt: {
    articles: words('o a os as um uma uns umas do da dos das no na nos nas ao aos à às pelo pela pelos pelas seu sua seus suas'),
    joiners: words('de do da dos das'),
    prepositions: words('de por para com sem sobre em contra entre após desde'),
    infinitive: /(?:ar|er|ir)$/u,
    conjugated: /(?:avam|aram|eram|iram|ou|amos|emos|imos)$/u,
    generic: generic('pt', 'ano anos dia dias semana mês meses hora horas pessoa pessoas gente parte vez vezes caso forma milhões mil país governo'),
    stopWords: new Set(SNOWBALL.pt.stopWords),
    stem: SNOWBALL.pt.stem,
    names: nameWords('pt'),
    capitalisedNouns: false,
  },
  de: {
    articles: words('der die das den dem des ein eine einer eines einem einen kein keine keinen keinem sein seine seiner seinem seinen ihr ihre ihrer ihrem ihren im am zum zur vom beim ins'),
    joiners: words(''),
    // Every German noun is capitalised already; a preposition adds nothing.
    prepositions: words(''),
    infinitive: /$^/u,
    conjugated: /$^/u,
    generic: generic('de', 'jahr jahre jahren tag tage tagen woche wochen monat monate stunde stunden mensch menschen leute teil mal fall prozent millionen milliarden land regierung konzern unternehmen ende anfang'),
    stopWords: new Set(SNOWBALL.de.stopWords),
    stem: SNOWBALL.de.stem,
    names: nameWords('de'),
    capitalisedNouns: true,
  },
};

interface Word {
  text: string;
  lower: string;
  start: number;
  /** The word before it on the same line with nothing but a space or an apostrophe between, lower case ("l" of "l’incendie"). */
  before?: string;
}

interface Subject {
  score: number;
  forms: Map<string, number>;
}

const TITLE_WEIGHT = 3;
const LEAD_WEIGHT = 1.5;
/**
 * Without a tagger a marked word is less surely a noun than in English, so a lone noun must weigh a little more
 * than there (named three times, or in the headline); a compound, written twice, is a phrase.
 */
const MIN_SCORE = 3;
const MIN_COMPOUND_SCORE = 2;
const MIN_LENGTH = 4;

const WORD = /\p{L}[\p{L}\p{M}-]*\p{L}|\p{L}/gu;

function languageOf(language: string | undefined): Language | undefined {
  return language ? LANGUAGES[language.slice(0, 2).toLowerCase()] : undefined;
}

/**
 * The key subjects of an article in Spanish, French, Italian, Portuguese or German, which compromise does not
 * tag: the nouns its articles mark ("la sequía", "les pompiers", "il terremoto", "a barragem", "der Rücktritt"),
 * counted with the headline and lead weighing more, and a noun with the noun it qualifies ("moción de censura",
 * "sciopero dei treni") taking the place of the lone noun when the text says it that way.
 */
export function markedSubjects(text: string, context: SubjectContext, language: string | undefined): string[] {
  const rules = languageOf(language);
  if (!rules) return [];
  const body = wordsOf(text);
  const stems = new Map<string, string>();
  const keyOf = (word: string): string => {
    let stem = stems.get(word);
    if (stem === undefined) stems.set(word, (stem = rules.stem(word)));
    return stem;
  };
  const nouns = new Set(body.filter((word) => isMarkedNoun(word, rules, context.nameWords)).map((word) => keyOf(word.lower)));
  const subjects = new Map<string, Subject>();
  const count = (key: string, form: string, weight: number): void => {
    const subject = subjects.get(key) ?? { score: 0, forms: new Map<string, number>() };
    subject.score += weight;
    subject.forms.set(form, (subject.forms.get(form) ?? 0) + 1);
    subjects.set(key, subject);
  };
  const weightAt = (start: number): number => (start < context.leadEnd ? LEAD_WEIGHT : 1);
  body.forEach((word, index) => {
    if (!isCandidate(word, rules, context.nameWords)) return;
    const key = keyOf(word.lower);
    if (!nouns.has(key)) return;
    count(key, word.text, weightAt(word.start));
    const [joiner, qualifier] = [body[index + 1], body[index + 2]];
    if (joiner?.before && qualifier?.before && rules.joiners.has(joiner.lower) && isCandidate(qualifier, rules, context.nameWords) && nouns.has(keyOf(qualifier.lower))) {
      count(`${key} ${keyOf(qualifier.lower)}`, `${word.text} ${joiner.text} ${qualifier.text}`, weightAt(word.start));
    }
  });
  // The headline confirms what the body names: a headline noun the body never marks is wording.
  const title = wordsOf(context.title);
  title.forEach((word, index) => {
    const key = keyOf(word.lower);
    if (subjects.has(key)) subjects.get(key)!.score += TITLE_WEIGHT;
    const [joiner, qualifier] = [title[index + 1], title[index + 2]];
    const compound = joiner && qualifier && rules.joiners.has(joiner.lower) ? `${key} ${keyOf(qualifier.lower)}` : undefined;
    if (compound && subjects.has(compound)) subjects.get(compound)!.score += TITLE_WEIGHT;
  });
  preferCompounds(subjects);
  return [...subjects.entries()]
    .filter(([key, subject]) => subject.score >= (key.includes(' ') ? MIN_COMPOUND_SCORE : MIN_SCORE))
    .sort((a, b) => b[1].score - a[1].score || a[0].localeCompare(b[0]))
    .map(([, subject]) => [...subject.forms.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0]);
}

/** A compound ("moción de censura") said at least a third as often as its head noun ("moción") replaces it; its qualifier too. */
function preferCompounds(subjects: Map<string, Subject>): void {
  for (const [key, compound] of [...subjects.entries()]) {
    if (!key.includes(' ') || compound.score < MIN_COMPOUND_SCORE) continue;
    for (const part of key.split(' ')) {
      const single = subjects.get(part);
      if (!single || compound.score * 3 < single.score) continue;
      compound.score = Math.max(compound.score, single.score);
      subjects.delete(part);
    }
  }
}

function wordsOf(text: string): Word[] {
  const found: Word[] = [];
  let previousEnd = 0;
  for (const match of text.matchAll(WORD)) {
    const gap = text.slice(previousEnd, match.index);
    const previous = found.at(-1);
    // An elided article stands apart from its noun by an apostrophe alone ("l’incendie", "dell’Appennino").
    const sameLine = previous !== undefined && /^[ \t\u00a0'’]*$/.test(gap);
    const before = sameLine ? previous.lower : undefined;
    found.push({ text: match[0], lower: match[0].toLowerCase(), start: match.index, ...(before ? { before } : {}) });
    previousEnd = match.index + match[0].length;
  }
  return found;
}

/** A word that may be a subject: long enough, not a function word, not part of a name, in the case its language writes nouns. */
function isCandidate(word: Word, rules: Language, nameWords: ReadonlySet<string>): boolean {
  if (word.text.length < MIN_LENGTH || rules.stopWords.has(word.lower) || rules.generic.has(word.lower) || nameWords.has(word.lower)) return false;
  // "le président", "il sindaco": who someone is, not what the story is about (English drops job titles too).
  if (isTitle(word.text, rules.names)) return false;
  return rules.capitalisedNouns ? /^\p{Lu}\p{Ll}/u.test(word.text) : /^\p{Ll}/u.test(word.text);
}

function isMarkedNoun(word: Word, rules: Language, nameWords: ReadonlySet<string>): boolean {
  if (word.before === undefined || !isCandidate(word, rules, nameWords) || rules.conjugated.test(word.lower)) return false;
  return rules.articles.has(word.before) || (rules.prepositions.has(word.before) && !rules.infinitive.test(word.lower));
}
