import nlp from 'compromise';

/** compromise types its model as a bare object; the lexicon maps a lower-case word to its tag or tags. */
type Lexicon = Record<string, string | string[] | undefined>;

/** The closed classes: words that hold a sentence together and name nothing. */
const FUNCTION_TAGS = new Set(['Preposition', 'Conjunction', 'Pronoun', 'Possessive', 'Determiner', 'QuestionWord', 'Copula']);

/**
 * Whether compromise's lexicon knows the word, in lower case, as a preposition, conjunction, pronoun, determiner,
 * question word or copula ("From", "When", "With", "My", "Are"): capitalised at the head of a line or after a
 * stop the tagger missed, such a word is no name. Verbs and modals are left alone, as surnames and given names
 * are spelt like them ("Trump", "Will", "May").
 */
export function isFunctionWord(word: string): boolean {
  const lexicon = (nlp.model() as { one: { lexicon: Lexicon } }).one.lexicon;
  const tags = lexicon[word.toLowerCase()];
  return (Array.isArray(tags) ? tags : [tags]).some((tag) => tag !== undefined && FUNCTION_TAGS.has(tag));
}
