import { isGivenName, isUnlisted, mayBeSurname } from './lexicon-words.ts';
import { isOfficeDomain, isTitle, NAME_PARTICLES, type NameWords } from './name-words.ts';

export interface NameRun {
  name: string;
  start: number;
  end: number;
  /** Follows a title and "of" ("Secretary of State Antony Blinken"): an office, with perhaps its holder's name after. */
  office?: boolean;
}

interface Token {
  text: string;
  start: number;
  end: number;
  /** First word of a sentence, a quotation or a headline-style label: capitalised whatever it is. */
  opensSentence: boolean;
}

/**
 * Names as news writes them: runs of capitalised words, with the particles a name holds ("Bank of England",
 * "Congreso de los Diputados", "Arquata del Tronto") and a short number that ends a phrase ("Messier 87,"), without
 * the titles before them ("Presidente", "Vorstandschef"). For English, `isNameWord` is compromise's
 * proper-noun tag, which tells a sentence's first word apart; elsewhere there is no tagger, so a word that
 * opens a sentence counts only when the text also capitalises it mid-sentence or it starts a longer run.
 * Written by hand because compromise reads English only and no maintained package finds names in the others.
 */
export function nameRuns(text: string, lists: NameWords, isNameWord?: (token: { start: number; text: string }) => boolean, headline = ''): NameRun[] {
  const tokens = tokenize(text);
  const bearers = titleBearers(tokens, lists);
  const capitalisedMidSentence = new Set([
    ...tokens.filter((token) => !token.opensSentence && isCapitalised(token.text)).map((token) => token.text.toLowerCase()),
    ...bearers.map((run) => run.name.toLowerCase()),
  ]);
  const nouns = commonNouns(tokens, text, lists);
  const lowerCaseWords = new Set(tokens.filter((token) => !isCapitalised(token.text)).map((token) => token.text));
  const counts = new Map<string, number>();
  for (const word of [...tokens.map((token) => token.text), ...bareHeadlineWords(headline, lists)]) counts.set(word.toLowerCase(), (counts.get(word.toLowerCase()) ?? 0) + 1);
  const nameWord = tokens.map((token, index) => {
    const lower = token.text.toLowerCase();
    // Mid-sentence, a capitalised stop word is a name ("Stephan Weil", "La Moncloa").
    if (!(isCapitalised(token.text) || isBrandCased(token.text)) || (token.opensSentence && lists.stop.has(lower)) || lists.days.has(lower) || isTitle(token.text, lists) || nouns.has(lower)) return false;
    // German capitalises its months as nouns ("Ab Januar"); English ones may be names too ("Theresa May").
    if (lists.nounMarkers.size > 0 && lists.months.has(lower)) return false;
    // A saint's name opens a place's or a school's ("St Anne's Primary School") wherever it stands, which compromise
    // does not see at the start of a sentence.
    const next = tokens[index + 1];
    if (SAINT.test(token.text) && next && joined(token, next, text) && isCapitalised(next.text)) return true;
    // compromise tells a name opening a sentence from a common word; without it the text must show it.
    if (isNameWord) return isNameWord(token);
    if (!token.opensSentence || capitalisedMidSentence.has(lower)) return true;
    if (opensParticleName(tokens, index, text, lists) && !lowerCaseWords.has(lower)) return true;
    return Boolean(next && joined(token, next, text) && isCapitalised(next.text) && !lists.stop.has(next.text.toLowerCase()));
  });
  // compromise tags a given name its lexicon lacks as a common noun where it opens a sentence ("Satya Nadella, its
  // chief executive, said…", "Elon Musk has…"), and so kept only the surname: a capitalised word it does not know,
  // right before a word written and listed as a surname may be, is the name's first word, unless it ends as a role
  // does ("Carmaker Stellantis", "Striker") or the text also writes it in lower case ("Summary", "Regular").
  if (isNameWord) {
    tokens.forEach((token, index) => {
      const next = tokens[index + 1];
      const beforeSurname = next !== undefined && nameWord[index + 1] && joined(token, next, text) && SURNAME.test(next.text) && mayBeSurname(next.text.replace(/['’]s$/, ''));
      if (token.opensSentence && !nameWord[index] && beforeSurname && isUnlistedName(token.text) && !lowerCaseWords.has(token.text.toLowerCase())) nameWord[index] = true;
    });
  }
  const runs: NameRun[] = [...bearers];
  const numberedWords = new Map<string, boolean>();
  let index = 0;
  while (index < tokens.length) {
    if (!nameWord[index]) {
      index += 1;
      continue;
    }
    let last = index;
    // A brand stands alone: "BioNTech mRNA", "Apple iPhone" are two names.
    while (!isBrandCased(tokens[last]!.text)) {
      const next = continuation(tokens, nameWord, last, text, lists);
      if (next === undefined || isBrandCased(tokens[next]!.text)) break;
      last = next;
    }
    const after = tokens[last + 1];
    // "Messier 87, a galaxy" ends in its number; in "Rafael Nadal 18 Grand Slam titles" the number is a count.
    const afterNumber = text.slice(after ? after.end : 0, (after ? after.end : 0) + 2);
    if (after && joined(tokens[last]!, after, text) && /^\d{1,3}$/.test(after.text) && /^(?:[^\s\p{L}\p{N}]|\s*$)/u.test(afterNumber)) last += 1;
    // "Assemblée nationale", "Banque centrale européenne": the adjectives an institution's name ends in.
    while (tokens[last + 1] && joined(tokens[last]!, tokens[last + 1]!, text) && lists.nameAdjectives.has(tokens[last + 1]!.text)) last += 1;
    const following = tokens[last + 1];
    // In German a lone capitalised word is most often a noun: one the text writes only once is left out.
    // Initials of three letters or more ("EPA") are no German noun; two ("EA") stand for too many things to count once.
    const loneNoun = lists.nounMarkers.size > 0 && last === index && (counts.get(tokens[index]!.text.toLowerCase()) ?? 0) < 2 && !/^\p{Lu}{3,}$/u.test(tokens[index]!.text);
    // "South" of "South Korean media": a run that stops short of a capitalised word it cannot read is no name.
    const cutShort =
      following &&
      !isPossessive(tokens[last]!) &&
      joined(tokens[last]!, following, text) &&
      isCapitalised(following.text) &&
      !isTitle(following.text, lists) &&
      !lists.stop.has(following.text.toLowerCase());
    const [of, title] = [tokens[index - 1], tokens[index - 2]];
    // "secrétaire d'État", "ministro dell'Interno": the connector may be elided onto the name itself.
    const elided = /(?:^|\s)\p{Ll}{1,4}['’]$/u.test(text.slice(Math.max(0, tokens[index]!.start - 6), tokens[index]!.start));
    const office = Boolean(of && ((title && lists.connectors.has(of.text) && isTitle(title.text, lists)) || (elided && isTitle(of.text, lists))));
    // "Health" of "Health Secretary Wes Streeting": what the office is of.
    const domain = following && joined(tokens[last]!, following, text) && isTitle(following.text, lists) && isOfficeDomain(tokens.slice(index, last + 1).map((token) => token.text), following.text, lists);
    if (!cutShort && !loneNoun && !domain) {
      runs.push({ name: text.slice(tokens[index]!.start, tokens[last]!.end), start: tokens[index]!.start, end: tokens[last]!.end, office });
      // Not a year ("WWDC 2023"), and not initials, which are names whatever follows them.
      const numbered = last === index && following !== undefined && joined(tokens[last]!, following, text) && /^\d{1,3}$/.test(following.text) && !/^\p{Lu}+$/u.test(tokens[index]!.text) && !isBrandCased(tokens[index]!.text);
      numberedWords.set(tokens[index]!.text, (numberedWords.get(tokens[index]!.text) ?? true) && numbered);
    }
    index = last + 1;
  }
  // "Category 5", "Phase 2": a word the text writes only before a number, which changes, is a designation, not a name.
  return runs.filter((run) => !numberedWords.get(run.name));
}

/**
 * The headline's words that no article or determiner marks as nouns: a second mention of a name the text
 * writes once ("Das Ende einer Ära in Wolfsburg" over a text that names Wolfsburg once), and not of "Ende".
 */
function bareHeadlineWords(headline: string, lists: NameWords): string[] {
  const words = headline.match(WORD) ?? [];
  return words.filter((_, index) => index === 0 || !lists.nounMarkers.has(words[index - 1]!.toLowerCase()));
}

/** The company or country a compound title names ("Porsche-Chef", "Volkswagen-Vorstandschef", "Vice-President" aside). */
function titleBearers(tokens: Token[], lists: NameWords): NameRun[] {
  return tokens.flatMap((token) => {
    const cut = token.text.search(/[-‐‑][^-‐‑]*$/);
    const bearer = token.text.slice(0, cut);
    if (cut < 1 || !isTitle(token.text, lists) || !isCapitalised(bearer) || isTitle(bearer, lists)) return [];
    return [{ name: bearer, start: token.start, end: token.start + bearer.length }];
  });
}

/**
 * German capitalises every noun. A word the text writes after an article, a determiner, a number or an
 * inflected adjective ("die Abgaswerte", "11 Millionen", "neuen Vertrag") at least as often as it writes it
 * bare is a common noun; names go bare more often ("in Wolfsburg", "bei Volkswagen"). So is a word that a
 * name is seldom made of ("-ung", "-heit", "-keit").
 */
function commonNouns(tokens: Token[], text: string, lists: NameWords): Set<string> {
  const nouns = new Set<string>();
  if (lists.nounMarkers.size === 0) return nouns;
  const marked = new Map<string, number>();
  const bare = new Map<string, number>();
  const beforeName = new Set<string>();
  tokens.forEach((token, index) => {
    if (!isCapitalised(token.text) || token.opensSentence) return;
    const lower = token.text.toLowerCase();
    if (NOUN_ENDING.test(lower)) nouns.add(lower);
    const before = tokens[index - 1]!.text;
    const isMarked = joined(tokens[index - 1]!, token, text) && (lists.nounMarkers.has(before.toLowerCase()) || /^\d/.test(before) || INFLECTED_ADJECTIVE.test(before));
    const next = tokens[index + 1];
    if (next && joined(token, next, text) && isCapitalised(next.text)) beforeName.add(lower);
    const tally = isMarked ? marked : bare;
    tally.set(lower, (tally.get(lower) ?? 0) + 1);
  });
  for (const [word, count] of marked) if (count >= (bare.get(word) ?? 0) && !(isGivenName(word) && beforeName.has(word))) nouns.add(word);
  return nouns;
}

/** Lower case, ending as a German adjective before a noun does; not "-te(n)", which is how past-tense verbs ("sagte") end. */
const INFLECTED_ADJECTIVE = /^\p{Ll}{2,}(?<!t)(?:e|en|er|es|em)$/u;
const NOUN_ENDING = /(?:ung|ungen|heit|heiten|keit|keiten|schaft|schaften|tät|täten|ion|ionen|ismus|nis|nisse|tum|werte|werten)$/u;

/** The index of the run's next name word: straight after `last`, or after one or two particles. */
function continuation(tokens: Token[], nameWord: boolean[], last: number, text: string, lists: NameWords): number | undefined {
  // A possessive ends the name: "North Korea's Kim Jong Un" is two; a saint's does not ("St Anne's Primary School").
  if (isPossessive(tokens[last]!) && !SAINT.test(tokens[last - 1]?.text ?? '')) return undefined;
  let at = last + 1;
  while (at <= last + 2 && tokens[at] && joined(tokens[at - 1]!, tokens[at]!, text) && isParticle(tokens[at]!.text, tokens[at - 1]!.text, lists)) at += 1;
  const token = tokens[at];
  if (token && nameWord[at] && joined(tokens[at - 1]!, token, text)) return ownsPerson(tokens, nameWord, last, at) ? undefined : at;
  // A capitalised particle with no name after it is the name's last word, not a particle ("Cwm Du", "Bois Le").
  const first = tokens[last + 1];
  return at > last + 1 && first && isCapitalised(first.text) && nameWord[last + 1] ? last + 1 : undefined;
}

/**
 * A particle before a person named in full, given name first, joins a thing to its owner, not one name
 * ("los Presupuestos de Mariano Rajoy", "el Museo de Antonio López"); after a given name it is the person's
 * own ("Juan Carlos de Borbón", "Charles de Gaulle").
 */
function ownsPerson(tokens: Token[], nameWord: boolean[], last: number, at: number): boolean {
  const surname = tokens[at + 1];
  return at > last + 1 && isGivenName(tokens[at]!.text) && Boolean(surname && nameWord[at + 1]) && !isGivenName(tokens[last]!.text);
}

/** Some names keep a particle's capital ("Marine Le Pen", "Victoria De Angelis"). */
function isParticle(word: string, previous: string, lists: NameWords): boolean {
  if (lists.headConnectors.has(word)) return lists.institutionHeads.has(previous.toLowerCase());
  return lists.connectors.has(word) || NAME_PARTICLES.has(word.toLowerCase());
}

const SAINT = /^(?:St|Ste|Saint)\.?$/;

/**
 * "Marine Le Pen a salué…", "Luigi Di Maio ha detto…": a particle written with a capital before a name word is a
 * name's own ("Le Pen", "Di Maio"), so the word opening the sentence before it opens that name, unless (the caller
 * checks) it is a stop word ("Selon Le Monde") or a word the text writes in lower case too ("Malgré La Poste").
 */
function opensParticleName(tokens: Token[], index: number, text: string, lists: NameWords): boolean {
  const [opener, particle, name] = [tokens[index]!, tokens[index + 1], tokens[index + 2]];
  if (!particle || !name || !joined(opener, particle, text) || !joined(particle, name, text)) return false;
  const isNamePart = (word: string): boolean => isCapitalised(word) && !lists.stop.has(word.toLowerCase());
  return isCapitalised(particle.text) && lists.connectors.has(particle.text.toLowerCase()) && isNamePart(name.text);
}

/** Written as a family name is: "Nadella", "Kipchoge's", "Ocasio-Cortez"; not initials or a brand ("BED", "WeWork"). */
const SURNAME = /^\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)*$/u;

const ROLE_ENDING = /(?:er|or|ist|aire|ire|ee|ian|man|woman)$/;

function isUnlistedName(word: string): boolean {
  return /^\p{Lu}\p{Ll}+$/u.test(word) && isUnlisted(word) && !ROLE_ENDING.test(word);
}

function isPossessive(token: Token): boolean {
  return /['’]s$/.test(token.text);
}

/** Nothing but spaces between two tokens of one line. */
function joined(left: Token, right: Token, text: string): boolean {
  return /^[ \t\u00a0]+$/.test(text.slice(left.end, right.start));
}

/** Units written with a capital inside ("kWh", "mAh"), which name nothing. */
const UNITS = new Set(['kwh', 'mwh', 'gwh', 'twh', 'kw', 'mw', 'gw', 'mah', 'db', 'ph', 'kb', 'mb', 'gb', 'tb', 'ml', 'mmhg', 'khz', 'ev', 'kev']);

/**
 * A brand written with a lower-case first letter and a capital inside ("iPhone", "visionOS", "eBay", "mRNA"): a
 * name, which the capital that starts other names never marks; models and versions after it are no designation
 * ("iPhone 15" is not "Category 5").
 */
export function isBrandCased(word: string): boolean {
  return /^\p{Ll}{1,6}\p{Lu}[\p{L}\p{N}]*$/u.test(word) && !UNITS.has(word.toLowerCase());
}

function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.&‐‑-]*[\p{L}\p{M}\p{N}]|[\p{L}\p{N}]/gu;
/** A lower-case elided article or preposition before a name: "l'Italia", "dell'Appennino", "d'Europe". */
const ELISION = /^\p{Ll}{1,5}['’](?=\p{Lu})/u;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  for (const match of text.matchAll(WORD)) {
    let word = match[0];
    let start = match.index;
    const gap = text.slice(previousEnd, start);
    const elided = ELISION.exec(word);
    if (elided) {
      word = word.slice(elided[0].length);
      start += elided[0].length;
    }
    const opensSentence = tokens.length === 0 || /[.!?:;\n«“"‘(]|^\s*[-–—]/.test(gap);
    tokens.push({ text: word, start, end: start + word.length, opensSentence });
    previousEnd = match.index + match[0].length;
  }
  return tokens;
}
