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
 * canBeNames for one page dump, which asks compromise about this many different lines at most; a name-shaped line
 * past them is not taken for names. Real dumps hold a few dozen; a dump of nothing but different names would
 * otherwise take a millisecond a line.
 */
export function canBeNamesAskingAtMost(limit: number): (text: string) => boolean {
  let asked = 0;
  return (text) => {
    const known = answers.get(text);
    if (known !== undefined) return known;
    if (asked >= limit) return false;
    asked += 1;
    return canBeNames(text);
  };
}

/**
 * compromise takes a fraction of a millisecond a line, and a page dump repeats its menus, labels and credits on
 * every page it holds: a 20 MB dump spent most of its time asking again. Answers are kept, up to a bound.
 */
const answers = new Map<string, boolean>();
const MAX_ANSWERS = 10_000;
