import nlp from 'compromise';
import escapeStringRegexp from 'escape-string-regexp';
import { nameWords } from './name-words.ts';

type Doc = ReturnType<typeof nlp>;

interface Term {
  text: string;
  normal: string;
  root?: string;
  post: string;
  tags: string[];
  offset: { start: number };
}

interface Subject {
  key: string;
  score: number;
  /** 1 for a lone noun ("heatwave"), 2 or 3 for a compound ("interest rates", "sickle cell disease"). */
  words: number;
  forms: Map<string, number>;
}

export interface SubjectContext {
  title: string;
  /** Where the lead (dek and first paragraph) ends in the tagged text. */
  leadEnd: number;
  /** Words of the names already found: "council" in "Millbrook City Council" is not a subject of its own. */
  nameWords: ReadonlySet<string>;
  /** The headline's words in lower case when it is written in sentence case (headlineLowerCaseWords): subjects even where a name holds them. */
  headlineWords: ReadonlySet<string>;
}

/**
 * Nouns every news story uses whatever it is about, so counting them says nothing about the subject.
 * compromise tags them as plain nouns like any other (dates and numbers are Values), so these few are named
 * here.
 */
const NEWS_GENERIC = new Set([
  'year', 'time', 'day', 'week', 'month', 'hour', 'people', 'official', 'report', 'statement', 'news', 'percent',
  'number', 'part', 'way', 'thing', 'lot', 'area', 'place', 'world', 'country', 'state', 'city', 'government',
  'spokesperson', 'spokesman', 'spokeswoman', 'comment', 'interview', 'weekend', 'end', 'start', 'side',
  'story', 'article', 'point', 'case', 'issue', 'level', 'need', 'kind', 'fact', 'question', 'plan', 'move',
  // Counts that compromise tags as nouns where it tags "thousands" and "millions" as numbers.
  'hundred', 'dozen',
  // The people every story quotes or counts; those a story is about ("farmers", "landlords") are subjects.
  'resident', 'expert', 'analyst', 'authority', 'critic', 'observer', 'source', 'member', 'staff', 'reporter', 'leader', 'officer',
  'witness', 'person', 'man', 'woman', 'friend', 'colleague',
]);

const FUNCTION_TAGS = ['Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'Copula', 'Modal', 'Auxiliary'];
const MIN_FUNCTION_SHARE = 0.22;

/** "very long baseline interferometry" aside, a subject a reader searches is at most three words. */
const MAX_MODIFIERS = 2;

const TITLE_WEIGHT = 3;
const LEAD_WEIGHT = 1.5;
/** A subject named once, outside the headline and lead, is a passing mention. */
const MIN_SCORE = 2;

/**
 * The article's main subjects beyond its names ("heatwave", "interest rates", "nuclear weapons"): common
 * nouns and noun-noun or adjective-noun compounds as compromise tags them, counted with the headline and
 * lead weighing more, the lone noun giving way to the compound when the compound is how the text says it.
 */
export function keySubjects(doc: Doc, context: SubjectContext): string[] {
  const body = termsOf(doc);
  if (!readsAsEnglish(body)) return [];
  const names = new Set([...context.nameWords, ...capitalisedMidSentence(body).filter((word) => !context.headlineWords.has(word))]);
  const subjects = new Map<string, Subject>();
  const count = (terms: Term[], weightAt: (term: Term) => number): void => {
    terms.forEach((term, index) => {
      if (!isCommonNoun(term, names)) return;
      // A noun every story uses says nothing alone but ends a compound that does ("championship points"), only where
      // the phrase ends: "world" heads nothing in "marathon world record".
      const generic = NEWS_GENERIC.has(stem(term));
      const next = terms[index + 1];
      if (generic && next && !/[^\s]/.test(term.post) && next.tags.includes('Noun')) return;
      const weight = weightAt(term);
      if (!generic) add(subjects, [term], weight);
      // Up to two modifiers before the noun: "interest rates", "sickle cell disease", "public health emergency".
      for (let start = index - 1; start >= Math.max(0, index - MAX_MODIFIERS); start -= 1) {
        const before = terms[start]!;
        if (/[^\s]/.test(before.post) || !isModifier(before, names)) break;
        add(subjects, terms.slice(start, index + 1), weight);
      }
    });
  };
  for (const sentence of body) count(sentence, (term) => (term.offset.start < context.leadEnd ? LEAD_WEIGHT : 1));
  const inBody = new Set(subjects.keys());
  // Every noun the body counted is a one-word subject by now, under the forms the body wrote it in.
  const bodyNouns = new Set([...subjects.values()].filter((subject) => subject.words === 1).flatMap((subject) => [...subject.forms.keys()]));
  for (const sentence of termsOf(nlp(headlineAsSentence(context.title)))) count(sentence.map((term) => asBodyReadsIt(headlineLabelAsNoun(term), bodyNouns)), () => TITLE_WEIGHT);
  // A headline word the body never uses is wording ("edge", "heads"), not a subject; a label is the exception.
  for (const subject of [...subjects.values()]) if (!inBody.has(subject.key) && !isLabel(context.title, subject)) subjects.delete(subject.key);
  const text = doc.text();
  recountCompounds(subjects, text, context);
  preferCompounds(subjects);
  const lowerCaseText = isSentenceCase(context.title) ? `${context.title}\n${text}` : text;
  return pick([...subjects.values()].filter((subject) => subject.score >= MIN_SCORE && (writtenInLowerCase(subject, lowerCaseText) || isLabel(context.title, subject)) && !isJobTitle(subject)));
}

/** The words a headline written in sentence case gives in lower case: how it says what the story is about. */
export function headlineLowerCaseWords(title: string): Set<string> {
  return isSentenceCase(title) ? new Set(title.match(/(?<![\p{L}'’])\p{Ll}[\p{L}-]*/gu)) : new Set();
}

/** Most of the headline's longer words in lower case: "Monsoon floods cut road links", not "Monsoon Floods Cut Road Links". */
export function isSentenceCase(title: string): boolean {
  const words = title.match(/\p{L}{4,}/gu) ?? [];
  return words.filter((word) => /^\p{Ll}/u.test(word)).length >= words.length / 2;
}

/** A word the body only ever capitalises is a name the tagger missed ("Elon" of a headline, "Modi" opening sentences), not a subject. */
function writtenInLowerCase(subject: Subject, text: string): boolean {
  return subjectPattern(subject.key, 'u').test(text);
}

/** The subject as the text may write it: each word singular or plural, joined by spaces or hyphens. */
function subjectPattern(key: string, flags: string): RegExp {
  // "battery" is written "batteries" as well.
  const words = key.split(' ').map((word) => escapeStringRegexp(word).replace(/y$/, '(?:y|ie)'));
  return new RegExp(`(?<![\\p{L}])${words.join('(?:s|es)?[\\s-]+')}(?:s|es)?(?![\\p{L}])`, flags);
}

const TITLES = nameWords('en').titles;

/** "chief executive" is who someone is, not what the story is about. */
function isJobTitle(subject: Subject): boolean {
  return subject.key.split(' ').every((word) => TITLES.has(word));
}

function termsOf(doc: Doc): Term[][] {
  doc.compute('root');
  return (doc.json({ offset: true, terms: { offset: true } }) as Array<{ terms: Term[] }>).map((sentence) => roseAsVerb(participlesAfterHave(joinHyphenated(sentence.terms.map(asWritten)))));
}

/**
 * compromise's normal form drops accents and spells Greek letters in Latin ("café" is "cafe", "β-thalassaemia"
 * "b-thalassaemia"), a subject no text writes and the search box then misses: where only such letters differ,
 * the word is kept as written. Its root is dropped too, spelt the same way; the plural s still goes (stem).
 */
function asWritten(term: Term): Term {
  const written = term.text.toLowerCase();
  if (written === term.normal || written.length !== term.normal.length) return term;
  const onlyLettersFolded = [...written].every((letter, index) => letter === term.normal[index] || /[^\x00-\x7f]/.test(letter));
  if (!onlyLettersFolded) return term;
  return { text: term.text, normal: written, post: term.post, tags: term.tags, offset: term.offset };
}

const NOUN_BEFORE_IT = ['Determiner', 'Adjective', 'Possessive', 'Value'];

/**
 * compromise tags "rose" a noun wherever it stands, and the plural before it a verb ("mortgage rates rose",
 * "Westbrook rents rose 9%"); in news it is the past of "rise" unless an article, an adjective or a possessive
 * makes it the flower ("a rose", "a red rose"), and what rose is the noun.
 */
function roseAsVerb(terms: Term[]): Term[] {
  return terms.map((term, index) => {
    const [before, after] = [terms[index - 1], terms[index + 1]];
    if (term.normal === 'rose' && term.tags.includes('Noun') && !term.tags.includes('ProperNoun') && !NOUN_BEFORE_IT.some((tag) => before?.tags.includes(tag))) {
      return { ...term, tags: ['Verb', 'PastTense'] };
    }
    if (after?.normal === 'rose' && /s$/.test(term.normal) && term.tags.includes('PresentTense') && !term.tags.includes('Noun')) {
      return { ...term, tags: ['Noun', 'Plural'] };
    }
    return term;
  });
}

const HAVE = new Set(['have', 'has', 'had', 'having']);

/**
 * compromise tags a participle spelt like its noun as the noun ("Floods have cut road links", "has hit the
 * town"); a singular word straight after "have" with an object after it is the verb.
 */
function participlesAfterHave(terms: Term[]): Term[] {
  return terms.map((term, index) => {
    const [before, after] = [terms[index - 1], terms[index + 1]];
    const takesObject = after !== undefined && ['Noun', 'Determiner', 'Value', 'Adjective'].some((tag) => after.tags.includes(tag));
    if (!before || !HAVE.has(before.normal) || !term.tags.includes('Singular') || !takesObject) return term;
    return { ...term, tags: ['Verb', 'Participle'] };
  });
}

/**
 * compromise splits a hyphenated word at its hyphen ("sodium" and "ion", "tie" and "breaks"); a reader
 * searches it whole ("sodium-ion batteries", "tie-breaks"), so its parts are one term again, tagged as its
 * last part is. Numbers stay apart ("Covid-19", "two-bedroom").
 */
function joinHyphenated(terms: Term[]): Term[] {
  const joined: Term[] = [];
  for (const term of terms) {
    const previous = joined.at(-1);
    if (previous && /^[-‐‑]$/.test(previous.post) && /^\p{L}[\p{L}-]*$/u.test(previous.normal) && /^\p{L}+$/u.test(term.normal)) {
      const joinedRoot = `${previous.normal}-${term.root ?? term.normal}`;
      joined[joined.length - 1] = { ...term, text: `${previous.text}-${term.text}`, normal: `${previous.normal}-${term.normal}`, root: joinedRoot, offset: previous.offset };
    } else {
      joined.push(term);
    }
  }
  return joined;
}

/**
 * compromise tags English; on other languages it tags every unknown word a noun. In English news a quarter
 * to a third of the words are function words its lexicon knows (determiners, prepositions, pronouns); in
 * the Romance and German fixtures it recognises 7 to 19 per cent.
 */
function readsAsEnglish(sentences: Term[][]): boolean {
  const terms = sentences.flat();
  const functional = terms.filter((term) => FUNCTION_TAGS.some((tag) => term.tags.includes(tag))).length;
  return terms.length > 0 && functional / terms.length >= MIN_FUNCTION_SHARE;
}

/** The body writes a name with a capital wherever it stands; a word capitalised mid-sentence is a name. */
function capitalisedMidSentence(sentences: Term[][]): string[] {
  return sentences.flatMap((terms) => terms.slice(1).filter((term) => /^\p{Lu}/u.test(term.text)).map((term) => term.normal));
}

/** Title Case makes every headline word look like a name; in lower case compromise tags it as prose. Acronyms keep their capitals. */
function headlineAsSentence(title: string): string {
  return title.replace(/\p{L}+/gu, (word) => (word.length > 1 && word === word.toUpperCase() ? word : word.toLowerCase()));
}

/**
 * A headline drops the articles that tell a noun from a verb, so compromise reads "Monsoon floods cut road links"
 * with "floods" the verb; a word the body uses as a noun ("Floods have cut…") is one in the headline too.
 */
function asBodyReadsIt(term: Term, bodyNouns: ReadonlySet<string>): Term {
  return bodyNouns.has(term.normal) && !term.tags.includes('Noun') ? { ...term, tags: [...term.tags.filter((tag) => !VERB_TAGS.has(tag)), 'Noun'] } : term;
}

const VERB_TAGS = new Set(['Verb', 'PresentTense', 'PastTense', 'Infinitive', 'Gerund', 'Participle']);

/** A headline label ("Netherlands floods:", "Mumbai rains:") is a noun that compromise reads as a verb. */
function headlineLabelAsNoun(term: Term): Term {
  return term.post.includes(':') && term.tags.includes('PresentTense') ? { ...term, tags: [...term.tags, 'Noun', 'Plural'] } : term;
}

function isLabel(title: string, subject: Subject): boolean {
  return [...subject.forms.keys()].some((form) => title.toLowerCase().includes(`${form}:`));
}

function isSubjectNoun(term: Term, nameWords: ReadonlySet<string>): boolean {
  return isCommonNoun(term, nameWords) && !NEWS_GENERIC.has(stem(term));
}

function isCommonNoun(term: Term, nameWords: ReadonlySet<string>): boolean {
  const { tags } = term;
  if (!tags.includes('Noun') || !/^\p{L}[\p{L}-]+\p{L}$/u.test(term.normal) || nameWords.has(term.normal)) return false;
  return !['ProperNoun', 'Pronoun', 'Value', 'Date', 'Duration', 'Honorific', 'Acronym', 'Possessive'].some((tag) => tags.includes(tag));
}

/** compromise's lexicon lists these prepositions as adjectives, so "people under domestic violence orders" gave "under domestic violence". */
const PREPOSITIONS_AS_ADJECTIVES = new Set(['under', 'over']);

/**
 * Degrees that measure or order whatever they stand before ("more money", "latest figures"); others name a kind
 * a reader searches ("older adults", "wettest spring", "best picture").
 */
const QUANTITY_DEGREES = new Set(['more', 'most', 'less', 'least', 'fewer', 'fewest', 'further', 'farther', 'later', 'latest', 'earlier', 'earliest', 'bigger', 'biggest', 'greater', 'greatest', 'larger', 'largest', 'higher', 'highest', 'lower', 'lowest', 'better', 'worse', 'worst', 'smaller', 'smallest']);

/** "nuclear" in "nuclear weapons", "interest" in "interest rates"; not "more", "first" or "their". */
function isModifier(term: Term, nameWords: ReadonlySet<string>): boolean {
  if (term.tags.includes('Adjective')) {
    // compromise tags "more" a plain adjective.
    if (QUANTITY_DEGREES.has(term.normal)) return false;
    return !['Value', 'Demonym'].some((tag) => term.tags.includes(tag)) && /^\p{L}{3,}$/u.test(term.normal) && !PREPOSITIONS_AS_ADJECTIVES.has(term.normal);
  }
  return isSubjectNoun(term, nameWords) && !term.tags.includes('Plural');
}

function add(subjects: Map<string, Subject>, terms: Term[], weight: number): void {
  const key = terms.map(stem).join(' ');
  const form = terms.map((term) => term.normal).join(' ');
  const subject = subjects.get(key) ?? { key, score: 0, words: terms.length, forms: new Map<string, number>() };
  subject.score += weight;
  subject.forms.set(form, (subject.forms.get(form) ?? 0) + 1);
  subjects.set(key, subject);
}

/** One key for "flood" and "floods": compromise's root where it gives one, else the plural s dropped. */
function stem(term: Term): string {
  // compromise's root of "older" is "old", which "older adults" never writes.
  const degree = term.tags.includes('Comparative') || term.tags.includes('Superlative');
  const word = degree ? term.normal : (term.root ?? term.normal);
  return word.length > 3 && /[^s]s$/.test(word) ? word.slice(0, -1) : word;
}

/**
 * compromise tags "rates" a verb in one sentence and a noun in the next, so a compound it has found once is
 * counted wherever the text writes it, singular or plural.
 */
function recountCompounds(subjects: Map<string, Subject>, text: string, context: SubjectContext): void {
  const title = context.title.toLowerCase();
  for (const subject of subjects.values()) {
    if (subject.words < 2) continue;
    const pattern = subjectPattern(subject.key, 'giu');
    let score = [...title.matchAll(pattern)].length * TITLE_WEIGHT;
    for (const match of text.matchAll(pattern)) score += match.index < context.leadEnd ? LEAD_WEIGHT : 1;
    subject.score = Math.max(subject.score, score);
  }
}

/**
 * When a compound carries at least a third of the weight of a shorter subject inside it, the compound is the
 * subject: readers search "interest rates", not "rate", and "sickle cell disease", not "sickle cell" or "cell"
 * (which the recount finds inside every "sickle cell disease"). The longest compounds go first, so that each
 * takes its parts before a part takes its own.
 */
function preferCompounds(subjects: Map<string, Subject>): void {
  const compounds = [...subjects.values()].filter((subject) => subject.words > 1).sort((a, b) => b.words - a.words || b.score - a.score);
  for (const compound of compounds) {
    if (!subjects.has(compound.key) || compound.score < MIN_SCORE) continue;
    for (const key of innerPhrases(compound.key.split(' '))) {
      const part = subjects.get(key);
      if (!part || compound.score * 3 < part.score) continue;
      compound.score = Math.max(compound.score, part.score);
      subjects.delete(part.key);
    }
  }
}

/** The shorter runs of words inside a compound or a name, longest first: "sickle cell", "cell disease", "sickle", "cell", "disease". */
export function innerPhrases(words: string[]): string[] {
  const phrases: string[] = [];
  for (let length = words.length - 1; length >= 1; length -= 1) {
    for (let start = 0; start + length <= words.length; start += 1) phrases.push(words.slice(start, start + length).join(' '));
  }
  return phrases;
}

function pick(candidates: Subject[]): string[] {
  const chosen: Subject[] = [];
  const sorted = candidates.sort((a, b) => b.score - a.score || b.words - a.words || a.key.localeCompare(b.key));
  for (const candidate of sorted) {
    const words = candidate.key.split(' ');
    if (chosen.some((other) => other.key.split(' ').some((word) => words.includes(word)))) continue;
    chosen.push(candidate);
  }
  return chosen.map((subject) => [...subject.forms.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0]);
}
