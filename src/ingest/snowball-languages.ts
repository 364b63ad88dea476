import { stemmer as stemEnglish } from '@orama/stemmers/english';
import { stemmer as stemFrench } from '@orama/stemmers/french';
import { stemmer as stemGerman } from '@orama/stemmers/german';
import { stemmer as stemItalian } from '@orama/stemmers/italian';
import { stemmer as stemPortuguese } from '@orama/stemmers/portuguese';
import { stemmer as stemSpanish } from '@orama/stemmers/spanish';
import { stopwords as englishStopWords } from '@orama/stopwords/english';
import { stopwords as frenchStopWords } from '@orama/stopwords/french';
import { stopwords as germanStopWords } from '@orama/stopwords/german';
import { stopwords as italianStopWords } from '@orama/stopwords/italian';
import { stopwords as portugueseStopWords } from '@orama/stopwords/portuguese';
import { stopwords as spanishStopWords } from '@orama/stopwords/spanish';

export interface SnowballLanguage {
  stem: (word: string) => string;
  /** The language's function words, as @orama lists them (lower case, accents kept). */
  stopWords: readonly string[];
}

/** The Snowball stemmer and function words of each language Herald reads, for clustering's terms and the topics' subjects alike. */
export const SNOWBALL = {
  en: { stem: stemEnglish, stopWords: englishStopWords },
  es: { stem: stemSpanish, stopWords: spanishStopWords },
  fr: { stem: stemFrench, stopWords: frenchStopWords },
  de: { stem: stemGerman, stopWords: germanStopWords },
  it: { stem: stemItalian, stopWords: italianStopWords },
  pt: { stem: stemPortuguese, stopWords: portugueseStopWords },
} as const satisfies Record<string, SnowballLanguage>;
