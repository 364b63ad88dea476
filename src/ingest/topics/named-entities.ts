import type nlp from 'compromise';
import escapeStringRegexp from 'escape-string-regexp';
import { acronymExpansions, type Expansion } from './acronyms.ts';
import { innerPhrases, isSentenceCase } from './key-subjects.ts';
import { isFunctionWord, isGivenName } from './lexicon-words.ts';
import { isBrandCased, nameRuns, type NameRun } from './name-runs.ts';
import { isTitle as isTitleWord, NAME_PARTICLES, nameWords, type NameWords } from './name-words.ts';
import { topicKey } from './topic-key.ts';

type Doc = ReturnType<typeof nlp>;

type EntityKind = 'person' | 'place' | 'organization';

interface TaggedTerm {
  text: string;
  tags: string[];
  post: string;
  offset: { start: number; length: number };
}

interface Mention {
  kind: EntityKind;
  name: string;
  position: number;
  end: number;
  office?: boolean;
}

interface EntityCandidate {
  key: string;
  kind: EntityKind;
  count: number;
  firstPosition: number;
  forms: Map<string, number>;
  spans: Span[];
}

export interface Span {
  start: number;
  end: number;
}

/** A name the article gives, as it is shown, with where the text writes it (each mention, short forms included). */
export interface NameCandidate {
  name: string;
  kind: EntityKind;
  spans: Span[];
}

/** Words that may sit inside a proper name without ending it ("Bank of England", "Abu al-Hassan"). */
const NAME_CONNECTORS = new Set([...NAME_PARTICLES, 'of', 'the', 'and', 'for', 'on', '&']);

/** Between two names in one tagged span: a list ("Italy, Spain") or a dateline label ("NORTH KOREA: North Korea's leader"). */
const NAME_BREAK = /[,:;|•–—]/;

/**
 * People, places and organisations an article names, most salient first. The tagging is compromise's
 * (a rule-and-lexicon tagger that ships its model in the package); what is written here is the clean-up
 * news text needs: titles, possessives, hyphenated given names, lists, headline capitals, and short
 * mentions ("Putin", "Mr. Hrytsenko") folded into the full name. The headline is not tagged, because
 * Title Case makes every word look like a name; it is used to rank what the body names. Runs of
 * capitalised words find the names compromise misses or cuts short ("Bank of England", "Elon Musk") and,
 * in the languages compromise does not read, all of them.
 */
export function namedEntities(doc: Doc, text: string, title: string, language?: string): NameCandidate[] {
  const lists = nameWords(language);
  const mentions = isEnglish(language) ? withRuns(findMentions(doc, text, lists), englishRuns(doc, text, lists), lists) : runMentions(nameRuns(text, lists, undefined, title).flatMap((run) => officeHolder(run, lists)).flatMap(splitAfterInitials), lists);
  const candidates = groupMentions(withExpansions(mentions, acronymExpansions(text)));
  foldScores(candidates);
  foldShortNames(candidates, lists);
  foldHyphenatedPairs(candidates);
  addHeadlineInnerNames(candidates, title, text, lists);
  const titleKey = ` ${topicKey(title)} `;
  return [...candidates.values()]
    .filter((candidate) => !isNoName(candidate, lists, language))
    .map((candidate) => ({ candidate, score: salience(candidate, titleKey, text.length) }))
    .sort((a, b) => b.score - a.score || a.candidate.firstPosition - b.candidate.firstPosition)
    .map(({ candidate }) => ({ name: displayForm(candidate, title), kind: candidate.kind, spans: candidate.spans }));
}

export function isEnglish(language: string | undefined): boolean {
  return language === undefined || /^en\b/i.test(language);
}

/** The capitalised runs of an English text whose words compromise tags as proper nouns. */
function englishRuns(doc: Doc, text: string, lists: NameWords): Mention[] {
  const tags = new Map<number, string[]>();
  const followers = new Map<number, TaggedTerm>();
  const leaders = new Map<number, TaggedTerm>();
  for (const sentence of doc.json({ offset: true, terms: { offset: true } }) as Array<{ terms: TaggedTerm[] }>) {
    sentence.terms.forEach((term, index) => {
      tags.set(term.offset.start, term.tags);
      const next = sentence.terms[index + 1];
      if (next && joinsNext(term)) {
        followers.set(term.offset.start + term.offset.length, next);
        leaders.set(next.offset.start, term);
      }
    });
  }
  // A demonym is not a name word ("South Korean media", "Russian President"), but it opens an institution's own
  // name: "Indian Space Research Organisation", "Chinese Communist Party".
  const withDemonym = (run: NameRun): NameRun => {
    const leader = leaders.get(run.start);
    if (!leader?.tags.includes('Demonym') || !startsUpper(leader.text) || !isInstitutionHead(run.name.split(/\s+/).at(-1)!, lists)) return run;
    return { ...run, name: text.slice(leader.offset.start, run.end), start: leader.offset.start };
  };
  const isTaggedProperNoun = (start: number): boolean => tags.get(start)?.includes('ProperNoun') ?? false;
  // compromise leaves some initials inside a name untagged ("CRISPR" of "CRISPR Therapeutics", the "D" of "Medicare Part D").
  const isProperNoun = ({ start, text: word }: { start: number; text: string }): boolean =>
    (isTaggedProperNoun(start) || INITIALS.test(word) || isCode(word) || isBrandCased(word)) && !(tags.get(start) ?? []).some((tag) => NOT_A_NAME.has(tag));
  // Alone, two letters stand for too many things ("UN", the wire's "AP"); "GSK", "CATL" are names.
  const untaggedInitials = ({ name, start }: NameRun): boolean => /^\p{Lu}{1,2}$/u.test(name) && !isTaggedProperNoun(start);
  // "Olympic", "British": a run that ends in an adjective describes a name without being one; nor is a run
  // compromise reads on into a lower-case word ("South Korean media").
  const describes = ({ end, name }: { end: number; name: string }): boolean => {
    const last = name.split(/\s+/).at(-1)!;
    const lastTags = tags.get(end - last.length) ?? [];
    const follower = followers.get(end);
    return (
      // Written in capitals, the word is initials, whatever its lower case means: "NICE" is the institute.
      (lastTags.some((tag) => tag === 'Adjective' || tag === 'Demonym') && !INITIALS.test(last)) ||
      Boolean(follower?.tags.includes('ProperNoun') && !startsUpper(follower.text)) ||
      (!name.includes(' ') && DEMONYM_ENDING.test(name))
    );
  };
  const isPerson = (start: number): boolean => tags.get(start)?.includes('Person') ?? false;
  const isPersonOrPlace = (start: number): boolean => (tags.get(start) ?? []).some((tag) => tag === 'Person' || tag === 'Place');
  const runs = joinedByAnd(nameRuns(text, lists, isProperNoun).map(withDemonym), text, isPersonOrPlace, lists)
    .flatMap((run) => (run.office ? holderOf(run, lists) : splitAtPersonOf(run, isPerson, lists)))
    .flatMap((run) => splitBeforePerson(run, (start) => tags.get(start)));
  return runMentions(runs.filter((run) => !describes(run) && !untaggedInitials(run)), lists);
}

/** Capitals only, two to six of them with perhaps a number, or one letter that is not a word ("A", "I"). */
const INITIALS = /^(?:\p{Lu}{2,6}\d?|[B-HJ-Z])$/u;

/**
 * Capitals and a number: a summit, a virus, a road, an aircraft or a chip ("G7", "COP28", "H5N1", "A48", "F-35",
 * "M2"), which compromise tags a plain noun. A quarter or a half-year ("Q3", "H1") dates a report instead.
 */
const CODE = /^\p{Lu}{1,5}-?\d{1,4}(?:\p{Lu}{1,2}\d{0,3})?$/u;
const PERIOD = /^(?:Q[1-4]|H[12])$/;
const isCode = (word: string): boolean => CODE.test(word) && !PERIOD.test(word);

/** The words after "and" that may still belong to an institution's name ("Human Services"). */
const MAX_WORDS_AFTER_AND = 3;

/**
 * An institution named "of" or "for" something may go on with "and" ("Centers for Disease Control and
 * Prevention", "Department of Health and Human Services"), and so may one whose name ends in its kind
 * ("Food and Drug Administration", "Securities and Exchange Commission", "Chips and Science Act"); a person or a place on either side
 * of the "and" makes two names ("Duke of Sussex and Meghan", "Bank of England and Spain", "Bank of America and
 * Barclays", "Britain and European Commission").
 */
function joinedByAnd(runs: NameRun[], text: string, isPersonOrPlace: (start: number) => boolean, lists: NameWords): NameRun[] {
  const joined: NameRun[] = [];
  // A law's name goes on across "and" as an institution's does ("Chips and Science Act").
  const endsInHead = (run: NameRun): boolean => isInstitutionHead(run.name.split(/\s+/).at(-1)!, lists) || /\sAct$/.test(run.name);
  const lastWordStart = (run: NameRun): number => run.end - run.name.split(/\s+/).at(-1)!.length;
  for (const run of [...runs].sort((a, b) => a.start - b.start)) {
    const previous = joined.at(-1);
    const joins =
      previous !== undefined &&
      !previous.office &&
      text.slice(previous.end, run.start) === ' and ' &&
      (/\s(?:of|for)\s/.test(previous.name) || endsInHead(run)) &&
      !isPersonOrPlace(lastWordStart(previous)) &&
      run.name.split(/\s+/).length <= MAX_WORDS_AFTER_AND &&
      !isPersonOrPlace(run.start);
    if (joins) joined[joined.length - 1] = { ...previous, name: text.slice(previous.start, run.end), end: run.end };
    else joined.push(run);
  }
  return joined;
}

/** "Helen Toner of Georgetown University", "Congress of Rahul Gandhi": a person on either side of "of" makes two names. */
function splitAtPersonOf(run: NameRun, isPerson: (start: number) => boolean, lists: NameWords): NameRun[] {
  const words = [...run.name.matchAll(/\S+/g)];
  // A name the tagger does not know ("Heino Falcke of Radboud University"): two or three plain capitalised words
  // before "of" an institution, where an institution's own name would hold a word such as "Bank" or "University".
  const isInstitution = (word: RegExpMatchArray): boolean => isInstitutionHead(word[0], lists);
  const personLike = (index: number): boolean =>
    (index === 2 || index === 3) && words.slice(0, index).every((word) => /^\p{Lu}\p{Ll}+$/u.test(word[0]) && !isInstitution(word)) && isInstitution(words.at(-1)!);
  const at = words.findIndex(
    (word, index) => word[0] === 'of' && index > 0 && (isPerson(run.start + words[index - 1]!.index) || isPerson(run.start + (words[index + 1]?.index ?? -1)) || personLike(index)),
  );
  if (at < 0) return [run];
  const before = words[at - 1]!;
  return cutRun(run, before.index! + before[0].length, words[at + 1]!.index!);
}

/**
 * The last words of institutions' names that no person's name holds, beyond the heads an institution's "for"
 * follows (name-words.ts: "agency", "council", "foundation"…).
 */
const MORE_INSTITUTION_HEADS = new Set(['university', 'college', 'school', 'observatory', 'laboratory', 'hospital', 'museum', 'academy', 'bank', 'court', 'ministry', 'company', 'group', 'service', 'trust']);

/** The word an institution's name ends in: "Agency", "Party", "University". */
function isInstitutionHead(word: string, lists: NameWords): boolean {
  return lists.institutionHeads.has(word.toLowerCase()) || MORE_INSTITUTION_HEADS.has(word.toLowerCase());
}

/** A run cut in two: what it says up to `headEnd`, and from `tailStart` on. */
function cutRun(run: NameRun, headEnd: number, tailStart: number): NameRun[] {
  return [
    { name: run.name.slice(0, headEnd), start: run.start, end: run.start + headEnd },
    { name: run.name.slice(tailStart), start: run.start + tailStart, end: run.end },
  ];
}

/**
 * A place or an organisation run into a person named in full ("Ambassador to Ukraine Marie Yovanovitch",
 * "European Union Gordon Sondland"): two names, split where the given name starts. A person's own words before
 * a given name ("Queen Elizabeth") and places named after people ("San Jose") stay whole.
 */
function startsPerson(before: string[] | undefined, word: string[], after: string[] | undefined): boolean {
  if (!before || !after || !word.includes('FirstName') || !after.includes('Person')) return false;
  return (before.includes('Place') || before.includes('Organization')) && !before.includes('Person');
}

/** A run of capitalised words cut in two where such a person starts. */
function splitBeforePerson(run: NameRun, tagsAt: (start: number) => string[] | undefined): NameRun[] {
  const words = [...run.name.matchAll(/\S+/g)];
  const tagsOf = (index: number): string[] | undefined => (words[index] ? tagsAt(run.start + words[index]!.index!) : undefined);
  const at = words.findIndex((_, index) => startsPerson(tagsOf(index - 1), tagsOf(index) ?? [], tagsOf(index + 1)));
  if (at < 1) return [run];
  const cut = words[at]!.index!;
  return cutRun(run, run.name.slice(0, cut).trimEnd().length, cut);
}

/**
 * Without a tagger, a party's initials run into the person they qualify ("el extesorero del PP Luis Bárcenas"):
 * two names, cut where a given name the lexicon knows follows the initials and a surname follows it.
 */
function splitAfterInitials(run: NameRun): NameRun[] {
  const words = [...run.name.matchAll(/\S+/g)];
  const at = words.findIndex((word, index) => index > 0 && index < words.length - 1 && /^\p{Lu}{2,}$/u.test(words[index - 1]![0]) && isGivenName(word[0]));
  if (at < 1) return [run];
  const cut = words[at]!.index!;
  return cutRun(run, run.name.slice(0, cut).trimEnd().length, cut);
}

/** The person named after an office ("Antony Blinken" of "Secretary of State Antony Blinken"), if any. */
function holderOf(run: NameRun, lists: NameWords): NameRun[] {
  const words = [...run.name.matchAll(/\S+/g)];
  const first = words.findIndex((word) => !lists.officeDomains.has(word[0].toLowerCase()));
  if (first < 1) return first === 0 ? [{ ...run, office: false }] : [];
  const start = run.start + words[first]!.index;
  return [{ name: run.name.slice(words[first]!.index), start, end: run.end, office: true }];
}

/**
 * Without a tagger, the office's domain after a title ("Intérieur" of "ministre de l'Intérieur", "État" of
 * "secrétaire d'État Laurent Nuñez") is not a name: what follows it, if anything, is the holder's.
 */
function officeHolder(run: NameRun, lists: NameWords): NameRun[] {
  const domain = /^(\S+)\s*/u.exec(run.name)!;
  if (!run.office || !lists.officeDomains.has(domain[1]!.toLowerCase())) return [run];
  const cut = domain[0].length;
  return cut < run.name.length ? [{ name: run.name.slice(cut), start: run.start + cut, end: run.end }] : [];
}

/** compromise knows some demonyms ("Swiss") and not others ("Turkish", "Indonesian"): alone, a word ending so describes. */
const DEMONYM_ENDING = /\p{Ll}(?:ish|ese|ian|ean)$/u;

const NOT_A_NAME = new Set(['Date', 'Value', 'Demonym', 'Pronoun', 'Determiner', 'Honorific']);

function runMentions(runs: NameRun[], lists: NameWords): Mention[] {
  return runs.flatMap(({ name, start, end, office }) => {
    const cleaned = cleanName(name, lists);
    return cleaned ? [{ kind: 'organization' as const, name: cleaned, position: start, end, ...(office ? { office } : {}) }] : [];
  });
}

/**
 * compromise's mentions, with a run taking the place of those it holds and extends ("Bank of England"
 * over "England", "Delaware Court of Chancery" over "Delaware Court"); a run it tags nothing in is a name
 * of its own. A run that crosses a mention's edge leaves the mention be.
 */
function withRuns(mentions: Mention[], runs: Mention[], lists: NameWords): Mention[] {
  const kept = [...mentions];
  for (const run of runs) {
    const overlapping = kept.filter((mention) => mention.position < run.end && run.position < mention.end);
    if (run.office) {
      // compromise reads the office into the name ("State Antony Blinken"); the office's holder replaces it.
      for (const mention of overlapping) kept.splice(kept.indexOf(mention), 1);
      kept.push({ ...run, kind: 'person' });
      continue;
    }
    const inside = overlapping.filter((mention) => mention.position >= run.position && mention.end <= run.end);
    if (inside.length !== overlapping.length || inside.some((mention) => topicKey(mention.name) === topicKey(run.name))) continue;
    const person = inside.find((mention) => mention.kind === 'person');
    const joinsWithParticle = run.name.split(/\s+/).some((word) => lists.connectors.has(word));
    for (const mention of inside) kept.splice(kept.indexOf(mention), 1);
    kept.push({ ...run, kind: person && !joinsWithParticle ? 'person' : run.kind });
  }
  return kept;
}

/**
 * An organisation named in full and by its initials is one topic under its full name ("WHO" is the World
 * Health Organization); the pieces its full name was read as ("Medicines", "Regulatory Agency") are not
 * names of their own.
 */
function withExpansions(mentions: Mention[], expansions: Expansion[]): Mention[] {
  let kept = mentions;
  for (const { acronym, name, spans } of expansions) {
    kept = kept
      .filter((mention) => !spans.some((span) => mention.position >= span.start && mention.end <= span.end))
      .map((mention) => (mention.name === acronym ? { ...mention, name } : mention));
    kept.push(...spans.map((span) => ({ kind: 'organization' as const, name, position: span.start, end: span.end })));
  }
  return kept;
}

function findMentions(doc: Doc, text: string, lists: NameWords): Mention[] {
  const mentions: Mention[] = [];
  const neighbours = termNeighbours(doc);
  const collect = (kind: EntityKind, matches: Array<{ terms?: TaggedTerm[] }>): void => {
    for (const match of matches) {
      for (const tagged of splitAtBreaks(match.terms ?? [])) {
        const piece = extendOverNames(tagged, neighbours, kind);
        const first = piece[0]!;
        const last = piece.at(-1)!;
        const span = extendHyphenatedName(text, first.offset.start, last.offset.start + last.offset.length + (/^[-‐‑]/.test(last.post) ? 1 : 0));
        const name = cleanName(span, lists);
        if (name) mentions.push({ kind, name, position: first.offset.start, end: first.offset.start + span.length });
      }
    }
  };
  const json = { offset: true, terms: { offset: true } };
  collect('person', doc.people().json(json));
  collect('place', doc.places().json(json));
  collect('organization', doc.organizations().json(json));
  return mentions;
}

interface Neighbours {
  before: Map<number, TaggedTerm>;
  after: Map<number, TaggedTerm>;
}

/** Each term's neighbours within its sentence, by where the term starts. */
function termNeighbours(doc: Doc): Neighbours {
  const before = new Map<number, TaggedTerm>();
  const after = new Map<number, TaggedTerm>();
  for (const sentence of doc.json({ offset: true, terms: { offset: true } }) as Array<{ terms: TaggedTerm[] }>) {
    sentence.terms.forEach((term, index) => {
      const next = sentence.terms[index + 1];
      if (!next) return;
      after.set(term.offset.start, next);
      before.set(next.offset.start, term);
    });
  }
  return { before, after };
}

/**
 * compromise sometimes ends a name a word early or starts it a word late ("Las" of "Las Vegas", "South
 * Wales" of "New South Wales", "Erik" of "Erik ten Hag") while tagging the missing word a proper noun;
 * the name takes it back.
 */
function extendOverNames(piece: TaggedTerm[], neighbours: Neighbours, kind: EntityKind): TaggedTerm[] {
  const extended = [...piece];
  let previous = neighbours.before.get(extended[0]!.offset.start);
  while (previous && joinsNext(previous) && isNameWord(previous) && !startsPerson(previous.tags, extended[0]!.tags, extended[1]?.tags)) {
    extended.unshift(previous);
    previous = neighbours.before.get(previous.offset.start);
  }
  let last = extended.at(-1)!;
  let next = neighbours.after.get(last.offset.start);
  while (next && joinsNext(last) && !startsPerson(last.tags, next.tags, neighbours.after.get(next.offset.start)?.tags)) {
    const afterParticle = NAME_PARTICLES.has(next.text) ? neighbours.after.get(next.offset.start) : undefined;
    if (afterParticle && joinsNext(next) && isNameWord(afterParticle)) extended.push(next, afterParticle);
    else if (isNameWord(next) || (kind === 'person' && isStrayCapital(next))) extended.push(next);
    else break;
    last = extended.at(-1)!;
    next = neighbours.after.get(last.offset.start);
  }
  return extended;
}

/**
 * A capitalised word straight after a person's name, mid-sentence, is the rest of the name even when the
 * lexicon knows it as something else: compromise reads the "Un" of "Kim Jong Un" as a prefix.
 */
function isStrayCapital(term: TaggedTerm): boolean {
  return /^\p{Lu}\p{Ll}+$/u.test(term.text) && !term.tags.some((tag) => STRAY_CAPITAL_EXCLUDED.has(tag));
}

const STRAY_CAPITAL_EXCLUDED = new Set(['Date', 'Value', 'Pronoun', 'Determiner', 'Conjunction', 'Preposition', 'Possessive', 'Honorific', 'Place', 'Organization']);

/** Nothing but a space between this term and the next, and no possessive ending the name here ("Korea's Kim"). */
function joinsNext(term: TaggedTerm): boolean {
  return !/[^\s]/.test(term.post) && !term.tags.includes('Possessive');
}

function isNameWord(term: TaggedTerm): boolean {
  return term.tags.includes('ProperNoun') && !isTitle(term) && /^\p{Lu}/u.test(term.text);
}

/** One tagged span as the names it holds, without the titles around them ("President", "Mr.", "Jr."), split at lists and possessives. */
function splitAtBreaks(terms: TaggedTerm[]): TaggedTerm[][] {
  const pieces: TaggedTerm[][] = [[]];
  for (const term of terms) {
    pieces.at(-1)!.push(term);
    // A possessive ends a name too: "Narendra Modi's Bharatiya Janata Party" is two.
    if (NAME_BREAK.test(term.post) || term.tags.includes('Possessive') || /['’]s$/.test(term.text)) pieces.push([]);
  }
  return pieces
    .map((piece) => {
      let start = 0;
      let end = piece.length;
      while (start < end && isTitle(piece[start]!)) start += 1;
      while (end > start && isTitle(piece[end - 1]!)) end -= 1;
      return piece.slice(start, end);
    })
    .filter((piece) => piece.length > 0);
}

/** compromise tags "Mr", "Dr", "President" as Honorific and a job before a name ("Secretary") as Actor. */
function isTitle(term: TaggedTerm): boolean {
  return term.tags.includes('Honorific') || (term.tags.includes('Actor') && !term.tags.includes('Person'));
}

/** compromise splits "Kim Jong-un" at the hyphen and keeps "Kim Jong-"; take the rest of the word back. */
function extendHyphenatedName(text: string, start: number, end: number): string {
  const span = text.slice(start, end);
  const rest = /^[\p{Ll}\p{Lu}]+/u.exec(text.slice(end));
  return /[-‐‑]$/.test(span) && rest ? span + rest[0] : span;
}

/** Trims a tagged span to the name itself, or returns undefined when what is left is not a proper name. */
function cleanName(raw: string, lists: NameWords): string | undefined {
  const words = raw
    .replace(/(?<!\bS(?:ain)?te?\.? \p{Lu}\p{Ll}*)['’]s\b/gu, '')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, '')
    .replace(/\.$/, (dot) => (/\b\p{Lu}\.\p{Lu}\.$/u.test(raw.trim()) ? dot : ''))
    .split(/\s+/)
    .filter(Boolean);
  // A title ends what comes before it ("Pfizer Chief Executive Albert Bourla"): the name is what follows.
  const afterTitle = words.findLastIndex((word) => isTitleWord(word, lists)) + 1;
  if (afterTitle > 0 && afterTitle < words.length) words.splice(0, afterTitle);
  // A title the tagger left after the body it belongs to ("Indiana House Speaker" of "Indiana House Speaker Brian
  // Bosma"): the body is the name; a title alone ("Ambassador" of "the Ambassador's residence") names nobody.
  while (words.length > 0 && isTitleWord(words.at(-1)!, lists)) words.pop();
  if (words.length === 0) return undefined;
  // "Le" and "Ce" are spelt as "Ve" is, but are the article of "Le Monde", not a number.
  const numbered = (word: string): boolean => NUMBERED_ORDINAL.test(word) && !lists.stop.has(word.toLowerCase());
  while (words.length && (!nameCased(words[0]!) || (words[0] === 'The' && words.length > 2) || numbered(words[0]!))) words.shift();
  // "South Korean media", "French officials": an adjective before a common noun, not a name. A number may end one ("Messier 87").
  const named = words.length > 1 && /^\p{N}+$/u.test(words.at(-1)!) ? words.slice(0, -1) : words;
  const describing = (word: string, index: number): boolean => index > 0 && lists.nameAdjectives.has(word);
  if (named.length === 0 || !(nameCased(named.at(-1)!) || describing(named.at(-1)!, named.length - 1))) return undefined;
  if (named.some((word, index) => !nameCased(word) && !NAME_CONNECTORS.has(word.toLowerCase()) && !lists.connectors.has(word) && !describing(word, index))) return undefined;
  const name = words.join(' ');
  if (name.length < 2 || /^\p{N}+$/u.test(name) || ROMAN_ORDINAL.test(name)) return undefined;
  return fixShouting(name);
}

/**
 * A word capitalised that names no one: the state or the government bare, a month, a stop word (German's formal
 * "Sie", a headline's "Die"), or in English a function word the tagger took for a name.
 */
function isNoName(candidate: EntityCandidate, lists: NameWords, language: string | undefined): boolean {
  const { key } = candidate;
  return lists.institutions.has(key) || lists.months.has(key) || lists.stop.has(key) || (isEnglish(language) && isCapitalisedFunctionWord(candidate));
}

/** "From", "When", "My", written as a name would be; never initials, since "US" and "IT" are spelt like pronouns. */
function isCapitalisedFunctionWord(candidate: EntityCandidate): boolean {
  return [...candidate.forms.keys()].every((form) => /^\p{Lu}\p{Ll}+$/u.test(form)) && isFunctionWord(candidate.key);
}

/** A century or a republic's number as French and Italian write it ("XIIIe siècle", "Ve République", "XIX secolo"): a capital, not a name. */
const ROMAN_ORDINAL = /^[IVXLC]+(?:e|er|ère|ème|º|ª)?$/u;
/** The same number with its ending ("Ve" of "la Ve République") before what it numbers, which is not part of its name. */
const NUMBERED_ORDINAL = /^[IVXLC]+(?:e|er|ère|ème|º|ª)$/u;

/** Written as a name is: with a capital, or as a brand with one inside ("iPhone"). */
function nameCased(word: string): boolean {
  return startsUpper(word) || isBrandCased(word);
}

function startsUpper(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/** "NORTH KOREA" from a dateline becomes "North Korea"; a short acronym such as "NATO" stays as it is. */
function fixShouting(name: string): string {
  if (name !== name.toUpperCase() || name.replace(/[^\p{L}]/gu, '').length <= 5) return name;
  return name.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, lead: string, letter: string) => lead + letter.toUpperCase());
}

function groupMentions(mentions: Mention[]): Map<string, EntityCandidate> {
  const candidates = new Map<string, EntityCandidate>();
  for (const mention of mentions) {
    const key = topicKey(mention.name);
    if (!key) continue;
    const existing = candidates.get(key);
    const candidate: EntityCandidate = existing ?? { key, kind: mention.kind, count: 0, firstPosition: mention.position, forms: new Map(), spans: [] };
    candidate.count += 1;
    candidate.spans.push({ start: mention.position, end: mention.end });
    candidate.firstPosition = Math.min(candidate.firstPosition, mention.position);
    candidate.forms.set(mention.name, (candidate.forms.get(mention.name) ?? 0) + 1);
    candidates.set(key, candidate);
  }
  return candidates;
}

/**
 * News names a person in full once and by one name after ("Kim", "Putin"), and an organisation by its
 * last word ("the Department"), or in French, Spanish and Italian by its name without the adjectives that end it
 * ("l'Assemblée" of "l'Assemblée nationale"). A one-word mention that belongs to exactly one longer person's
 * name, ends exactly one other longer name or opens one that only such adjectives follow, is that one; if it
 * could be several, it is left alone.
 */
function foldShortNames(candidates: Map<string, EntityCandidate>, lists: NameWords): void {
  const longer = [...candidates.values()].filter((candidate) => candidate.key.includes(' '));
  for (const candidate of [...candidates.values()]) {
    if (candidate.key.includes(' ')) continue;
    const owners = longer.filter((full) => {
      const words = full.key.split(' ');
      if (isPersonName(full)) return words.includes(candidate.key);
      // "l'Assemblée" of a text that names "l'Assemblée nationale": the institution, shortened.
      if (words[0] === candidate.key && words.slice(1).every((word) => lists.nameAdjectives.has(word))) return true;
      if (full.kind === 'place' || candidate.kind === 'place') return false;
      // A family name written first ("Bong" of "Bong Joon-ho") is the person once the text has named them in full.
      return words.at(-1) === candidate.key || (words[0] === candidate.key && full.firstPosition < candidate.firstPosition && isPersonLike(full));
    });
    // "Floyd" of a story that names George Floyd and his brother Philonise: the one it is about, named most.
    const owner = owners.length === 1 || (owners.length > 1 && owners.every(isPersonName)) ? mostNamed(owners) : undefined;
    if (!owner) continue;
    merge(owner, candidate);
    candidates.delete(candidate.key);
  }
}

/**
 * A person, as the tagger says or as the name is written: a family name before a hyphenated given name ("Park
 * Geun-hye", "Moon Jae-in"), which the tagger may read as a place ("Park") or an organisation.
 */
function isPersonName(candidate: EntityCandidate): boolean {
  return candidate.kind === 'person' || [...candidate.forms.keys()].some((form) => /^\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+-\p{Ll}+$/u.test(form));
}

function mostNamed(candidates: EntityCandidate[]): EntityCandidate {
  return candidates.reduce((best, candidate) => (candidate.count > best.count || (candidate.count === best.count && candidate.firstPosition < best.firstPosition) ? candidate : best));
}

/** Two or three words, each a capitalised word or a hyphenated pair ("Bong Joon-ho", "Tedros Adhanom Ghebreyesus"), as people's names are written. */
function isPersonLike(candidate: EntityCandidate): boolean {
  const form = [...candidate.forms.keys()][0]!;
  return /^\p{Lu}\p{Ll}+(?:[ ]\p{Lu}\p{Ll}+(?:-\p{Ll}+)?){1,2}$/u.test(form);
}

/**
 * A name with a number and the same name bare are one: "Tottenham 2:" of a score line is Tottenham, which the
 * text names bare more often; "Messier 87" stays whole where the text writes the number at least as often.
 */
function foldScores(candidates: Map<string, EntityCandidate>): void {
  for (const numbered of [...candidates.values()]) {
    const bare = candidates.get(numbered.key.replace(/ \d+$/, ''));
    if (!bare || bare === numbered) continue;
    const [kept, folded] = bare.count > numbered.count ? [bare, numbered] : [numbered, bare];
    merge(kept, folded);
    candidates.delete(folded.key);
  }
}

/** "Israel-Hamas war" tags as one name; when either half is named on its own, the pair is two names. */
function foldHyphenatedPairs(candidates: Map<string, EntityCandidate>): void {
  for (const pair of [...candidates.values()]) {
    const forms = [...pair.forms.keys()];
    if (!forms.every((form) => /^\p{Lu}\p{L}+-\p{Lu}\p{L}+$/u.test(form))) continue;
    const halves = forms[0]!.split('-');
    if (!halves.some((half) => candidates.has(topicKey(half)))) continue;
    for (const half of halves) {
      const key = topicKey(half);
      const existing = candidates.get(key);
      if (existing) merge(existing, pair);
      else candidates.set(key, { ...pair, key, forms: new Map([[half, pair.count]]), spans: [...pair.spans] });
    }
    candidates.delete(pair.key);
  }
}

/**
 * A name the headline writes that the body writes only inside a longer name ("Millbrook council approves…" over
 * "the Millbrook City Council", "São Paulo decreta…" over "a Prefeitura de São Paulo", "La Generalitat declara…"
 * over "el Palau de la Generalitat"): the story is about the place or body the headline names as well as the
 * institution the body names, so it is a name of its own, mentioned wherever the longer one is. Only in a headline
 * written in sentence case, where a capital marks a name; never a person's given or family name, which
 * foldShortNames reads as the person.
 */
function addHeadlineInnerNames(candidates: Map<string, EntityCandidate>, title: string, text: string, lists: NameWords): void {
  if (!isSentenceCase(title)) return;
  const titleKey = ` ${topicKey(title)} `;
  for (const longer of [...candidates.values()]) {
    const form = [...longer.forms.keys()][0]!;
    const words = form.split(/\s+/);
    if (words.length < 2 || titleKey.includes(` ${longer.key} `) || mayBePerson(longer, words, lists)) continue;
    const inner = innerRuns(words, lists).find((run) => writesAlone(title, run, words));
    const key = inner === undefined ? '' : topicKey(inner);
    if (!inner || candidates.has(key) || lists.institutions.has(key) || lists.stop.has(key) || isInstitutionHead(inner, lists) || isTitleWord(inner, lists)) continue;
    const spans = longer.spans.flatMap(({ start, end }) => {
      const at = text.slice(start, end).indexOf(inner);
      return at < 0 ? [] : [{ start: start + at, end: start + at + inner.length }];
    });
    if (spans.length === 0) continue;
    candidates.set(key, { key, kind: longer.kind, count: spans.length, firstPosition: spans[0]!.start, forms: new Map([[inner, spans.length]]), spans });
  }
}

/** A person's name, by the tagger or by its look (given name first, or two or three capitalised words and no institution's): "Elon Musk", "Narendra Modi". */
function mayBePerson(candidate: EntityCandidate, words: string[], lists: NameWords): boolean {
  return isPersonName(candidate) || isGivenName(words[0]!) || (isPersonLike(candidate) && !words.some((word) => isInstitutionHead(word, lists)));
}

/** The headline writes the run as a name of its own, not with the longer name's words around it ("Le Pen" of "Marine Le Pen" holds "Pen"). */
function writesAlone(title: string, run: string, words: string[]): boolean {
  const runWords = run.split(' ');
  const at = words.findIndex((_, index) => words.slice(index, index + runWords.length).join(' ') === run);
  const [before, after] = [words[at - 1], words[at + runWords.length]];
  const pattern = `(?<![\\p{L}\\p{N}])${before ? `(?:${escapeStringRegexp(before)}\\s+)?` : ''}${escapeStringRegexp(run)}${after ? `(?:\\s+${escapeStringRegexp(after)})?` : ''}(?![\\p{L}\\p{N}])`;
  const match = new RegExp(pattern, 'u').exec(title);
  return match !== null && match[0] === run;
}

/** The runs of words inside a name that could name something themselves, longest first: capitalised at both ends, never the whole. */
function innerRuns(words: string[], lists: NameWords): string[] {
  // An abbreviation ("St." of "St. Petersburg") names nothing alone.
  const edge = (word: string): boolean => /^\p{Lu}[\p{L}\p{M}-]+$/u.test(word) && !lists.connectors.has(word.toLowerCase()) && !NAME_CONNECTORS.has(word.toLowerCase());
  return innerPhrases(words).filter((run) => {
    const runWords = run.split(' ');
    return edge(runWords[0]!) && edge(runWords.at(-1)!);
  });
}

function merge(into: EntityCandidate, from: EntityCandidate): void {
  into.count += from.count;
  into.spans.push(...from.spans);
  into.firstPosition = Math.min(into.firstPosition, from.firstPosition);
}

function salience(candidate: EntityCandidate, titleKey: string, textLength: number): number {
  const inTitle = candidate.key.split(' ').some((word) => word.length > 2 && titleKey.includes(` ${word} `));
  const earliness = 1 - candidate.firstPosition / Math.max(textLength, 1);
  return candidate.count + (inTitle ? 3 : 0) + earliness;
}

/** The spelling the headline uses if it names the topic in full, else the most frequent, else the longest. */
function displayForm(candidate: EntityCandidate, title: string): string {
  const words = candidate.key.split(' ');
  if (words.length > 1) {
    const pattern = words.map((word) => escapeStringRegexp(word)).join('[\\s\\-‐‑]+');
    const inTitle = new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, 'iu').exec(title)?.[0];
    if (inTitle && inTitle !== inTitle.toUpperCase()) return inTitle;
  }
  const forms = [...candidate.forms.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length);
  return forms[0]![0];
}
