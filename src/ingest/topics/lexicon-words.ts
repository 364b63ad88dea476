import nlp from 'compromise';

/** compromise types its model as a bare object; the lexicon maps a lower-case word to its tag or tags. */
type Lexicon = Record<string, string | string[] | undefined>;

/** The tags compromise's lexicon gives a word, in lower case; none for a word it does not list. */
function lexiconTags(word: string): string[] {
  const tags = (nlp.model() as { one: { lexicon: Lexicon } }).one.lexicon[word.toLowerCase()];
  return (Array.isArray(tags) ? tags : [tags]).filter((tag): tag is string => tag !== undefined);
}

const GIVEN_NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName']);

/**
 * compromise's lexicon knows given names of many languages ("Martin", "Matthias", "Pedro"); outside English it
 * is the one list Herald has of them, read here so German's noun test does not take "der Martin Winterkorn"
 * (a relative pronoun before a name) for an article before a noun.
 */
export function isGivenName(word: string): boolean {
  return lexiconTags(word).some((tag) => GIVEN_NAME_TAGS.has(tag));
}

/** The closed classes: words that hold a sentence together and name nothing. */
const FUNCTION_TAGS = new Set(['Preposition', 'Conjunction', 'Pronoun', 'Possessive', 'Determiner', 'QuestionWord', 'Copula']);

/**
 * Whether compromise's lexicon knows the word as a preposition, conjunction, pronoun, determiner, question word
 * or copula ("From", "When", "With", "My", "Are"): capitalised at the head of a line or after a stop the tagger
 * missed, such a word is no name. Verbs and modals are left alone, as surnames and given names are spelt like
 * them ("Trump", "Will", "May").
 */
export function isFunctionWord(word: string): boolean {
  return lexiconTags(word).some((tag) => FUNCTION_TAGS.has(tag));
}

/** Whether compromise's lexicon has no entry for the word, as for most given names from outside English ("Satya", "Eliud", "Parag"). */
export function isUnlisted(word: string): boolean {
  return lexiconTags(word).length === 0;
}

const SURNAME_TAGS = new Set([...GIVEN_NAME_TAGS, 'LastName', 'Person']);

/** A word the lexicon lists as a surname or a name, or does not list at all ("Nadella"); not a common word ("Studies", "All"). */
export function mayBeSurname(word: string): boolean {
  const tags = lexiconTags(word);
  return tags.length === 0 || tags.some((tag) => SURNAME_TAGS.has(tag));
}
