const NAMES = new Map<string, Intl.DisplayNames>();

/** The language part of a BCP 47 tag, lower-cased ("pt-BR" and "PT" are both "pt"); nothing for an empty tag. */
export function baseLanguage(tag: string | undefined): string | undefined {
  const base = tag?.trim().split(/[-_]/)[0]?.toLowerCase();
  return base && /^[a-z]{2,3}$/.test(base) ? base : undefined;
}

/**
 * "French" for "fr" or "fr-CA", in English unless another language is asked for ("français" in "fr"); the tag
 * itself when Intl cannot name it.
 */
export function languageName(tag: string, inLanguage = 'en'): string {
  try {
    let names = NAMES.get(inLanguage);
    if (!names) NAMES.set(inLanguage, (names = new Intl.DisplayNames([inLanguage], { type: 'language' })));
    return names.of(baseLanguage(tag) ?? tag) ?? tag;
  } catch {
    return tag;
  }
}

/**
 * Whether an article written in `language` is foreign to readers of `target`. Both must be known: an article
 * whose language nobody could tell is left as it is rather than guessed at.
 */
export function isForeignLanguage(language: string | undefined, target: string | undefined): boolean {
  const written = baseLanguage(language);
  const wanted = baseLanguage(target);
  return written !== undefined && wanted !== undefined && written !== wanted;
}
