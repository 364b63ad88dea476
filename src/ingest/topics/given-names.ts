import nlp from 'compromise';

const GIVEN_NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName']);

/** compromise types its model as a bare object; the lexicon maps a lower-case word to its tag or tags. */
type Lexicon = Record<string, string | string[] | undefined>;

/**
 * compromise's lexicon knows given names of many languages ("Martin", "Matthias", "Pedro"); outside English it
 * is the one list Herald has of them, read here so German's noun test does not take "der Martin Winterkorn"
 * (a relative pronoun before a name) for an article before a noun.
 */
export function isGivenName(word: string): boolean {
  const lexicon = (nlp.model() as { one: { lexicon: Lexicon } }).one.lexicon;
  const tags = lexicon[word.toLowerCase()];
  return (Array.isArray(tags) ? tags : [tags]).some((tag) => tag !== undefined && GIVEN_NAME_TAGS.has(tag));
}
