import { foldAccents } from './tokenize.ts';

/**
 * What marks one event however a site words it: the names it gives (people, places, organisations) and the
 * figures it quotes (a vote of 180 to 169, 51.9%, $44bn). Two rewrites of one report share these where their
 * wording differs; two events about the same country or club share the country or the club, but rarely the
 * rest of the names and never the figures.
 *
 * Written by hand because the topic tagger (compromise) reads English only, and these must work in every
 * language Herald reads: a name here is a run of capitalised words that does not open a sentence, which
 * holds in English, Spanish, French, Italian and Portuguese; in German, where every noun is capitalised, it
 * also takes nouns, which only makes two German reports look a little more alike.
 */

/** Words that join the parts of one name: "Bank of England", "Pedro Sánchez Pérez-Castejón", "Ludwig van Beethoven". */
const JOINERS = new Set(['of', 'de', 'del', 'la', 'le', 'du', 'des', 'von', 'van', 'der', 'den', 'da', 'do', 'dos', 'di', 'al', 'el', 'bin']);

/**
 * Capitalised words that are not names, in the six languages: days and months (shared by every report of a
 * day), and the determiners and pronouns that open clauses after a colon or a quote.
 */
const NOT_NAMES = new Set(
  (
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december ' +
    'lunes martes miercoles jueves viernes sabado domingo enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre ' +
    'lundi mardi mercredi jeudi vendredi samedi dimanche janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre ' +
    'montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar marz juni juli oktober dezember ' +
    'lunedi martedi mercoledi giovedi venerdi sabato domenica gennaio febbraio aprile maggio giugno luglio agosto settembre ottobre dicembre ' +
    'segunda terca quarta quinta sexta janeiro fevereiro marco maio junho julho setembro outubro novembro dezembro ' +
    'the a an it its he she they we i you but and or as this that these those his her their there then when while if so yet ' +
    'el la los las un una lo le les un une il gli uno der die das ein eine o os um uma en et und y e mit am im in on at au aux nel nella no na em per por para pour'
  ).split(' '),
);

/** Where a sentence (or a quote, a heading, a list item) may begin: its first word is capitalised whatever it is. */
const SENTENCE_BREAK = /(?<=[.!?…:;"“”«»])\s+|\n+/;
const EDGE_PUNCTUATION = /^[("'“‘«¿¡[]+|[)"'”’»,.;:!?\]]+$/gu;

/** The names a text gives, as folded lower-case keys ("pedro sanchez", "bank of england", "fdic"). */
export function properNames(text: string): string[] {
  const found = new Set<string>();
  for (const sentence of text.split(SENTENCE_BREAK)) {
    const words = sentence.split(/\s+/).map((word) => word.replace(EDGE_PUNCTUATION, ''));
    let run: string[] = [];
    const close = (): void => {
      while (run.length && NOT_NAMES.has(foldAccents(run[0]!.toLowerCase()))) run.shift();
      while (run.length && JOINERS.has(run.at(-1)!.toLowerCase())) run.pop();
      const key = foldAccents(run.join(' ').toLowerCase()).replace(/['’]s$/, '');
      if (key && !NOT_NAMES.has(key)) found.add(key);
      run = [];
    };
    words.forEach((word, index) => {
      const capitalised = /^\p{Lu}/u.test(word);
      // A sentence's first word is capitalised anyway: it starts a name only when more capitals follow it
      // ("Pedro Sánchez said") or it is an acronym ("FDIC said"), not when it is just the first word ("Voters said").
      const opensName = capitalised && (index > 0 || /^\p{Lu}{2,}/u.test(word) || /^\p{Lu}/u.test(words[1] ?? ''));
      if (opensName) run.push(word);
      else if (run.length && JOINERS.has(word.toLowerCase())) run.push(word);
      else close();
    });
    close();
  }
  return [...found];
}

/**
 * The figures a text quotes, normalised so that "2,000", "2.000" and "2 000" agree where they can, and "52,1 %",
 * "52.1%" and "52.1 per cent" are one figure. Small whole numbers and years are left out: they are days of the month, counts
 * of everything and the date of every story of a year.
 */
export function quotedFigures(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(/\d+(?:[.,\u00a0\u202f ]\d{3})*(?:[.,]\d+)?(?:\s?%)?/g)) {
    const figure = match[0]
      .replace(/[\s\u00a0\u202f%]/g, '')
      .replace(/[.,](?=\d{3}(?:\D|$))/g, '')
      .replace(',', '.');
    const value = Number.parseFloat(figure);
    const whole = !figure.includes('.') && !match[0].endsWith('%');
    if (whole && (value <= 31 || (value >= 1900 && value <= 2099))) continue;
    found.add(figure);
  }
  return [...found];
}
