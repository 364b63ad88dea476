import { baseLanguage } from '../../model/language.ts';
import { ENGLISH, type ReplyText } from './english.ts';
import { FRENCH } from './translations/french.ts';
import { GERMAN } from './translations/german.ts';
import { PORTUGUESE } from './translations/portuguese.ts';
import { SPANISH } from './translations/spanish.ts';

export { ENGLISH, type ReplyText } from './english.ts';

/**
 * Each translated language, complete: its own words over English ones. A typed lookup written by hand rather
 * than i18next or messageformat, neither of which Herald has: some sixty strings in four languages need no
 * more, and a message with values is a typed function, so a missing key or argument fails to typecheck.
 */
const LANGUAGES: ReadonlyMap<string, ReplyText> = new Map(
  Object.entries({ es: SPANISH, fr: FRENCH, de: GERMAN, pt: PORTUGUESE }).map(([language, words]) => [language, { ...ENGLISH, ...words }]),
);

/** Herald's words for a Discord locale ("fr", "pt-BR") or a language ("de"); English for any other, or none. */
export function replyText(locale: string | undefined): ReplyText {
  return LANGUAGES.get(baseLanguage(locale) ?? '') ?? ENGLISH;
}
