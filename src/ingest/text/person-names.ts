import nlp from 'compromise';

/**
 * Tags that mark a word as something other than part of a name: "Learn More", "Breaking News Emails", "Real
 * Estate", "My Teams", "Royal Self-Indicting Arrogance" and "Classificação NASCAR" have the capitalised shape of a
 * credit but are links, labels and headlines.
 */
const NOT_A_NAME = ['#Verb', '#Adjective', '#Plural', '#Possessive', '#Uncountable', '#Acronym', '#Organization', '#Determiner', '#Pronoun'];

/**
 * Whether a few capitalised words can be people's names. compromise knows the common words of English and
 * many first and last names; a word it knows as a person's name stays a name even where it is also a word
 * ("Will", "Rose"), and a word it does not know at all (most surnames, names in other languages) is let through.
 */
export function canBeNames(text: string): boolean {
  const terms = nlp(text).terms();
  return !terms.some((term) => !term.has('#Person') && NOT_A_NAME.some((tag) => term.has(tag)));
}
