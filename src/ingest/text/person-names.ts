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
  let answer = answers.get(text);
  if (answer === undefined) {
    const terms = nlp(text).terms();
    answer = !terms.some((term) => !term.has('#Person') && NOT_A_NAME.some((tag) => term.has(tag)));
    if (answers.size >= MAX_ANSWERS) answers.clear();
    answers.set(text, answer);
  }
  return answer;
}

/**
 * compromise takes a fraction of a millisecond a line, and a page dump repeats its menus, labels and credits on
 * every page it holds: a 20 MB dump spent most of its time asking again. Answers are kept, up to a bound.
 */
const answers = new Map<string, boolean>();
const MAX_ANSWERS = 10_000;
