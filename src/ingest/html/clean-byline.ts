/**
 * Words that introduce a credit rather than belong to it. The English ones can open no name; the others
 * can ("Di Maria", "von der Leyen"), so they count only before a capitalised word ("Par Sébastien Farcis").
 * Written without the i flag, under which \p{Lu} would match lower case too.
 */
const CREDIT_PREFIX = /^(?:(?:[Ww]ritten |[Ww]ords |[Ss]tory |[Pp]osted )?[Bb][Yy]|[Tt]ext|[Tt]exto|[Тт]екст)\s*[:：|]?\s+|^(?:[Pp]ar|[Pp]or|[Vv]on|[Dd]i|[Dd]oor|[Aa]v)\s*[:：|]?\s+(?=\p{Lu})/u;

/** The credit without its introducing word: "By Ann Lee" is "Ann Lee". */
export function withoutCreditPrefix(credit: string): string {
  return credit.replace(CREDIT_PREFIX, '');
}

/**
 * A byline as a list of names, whatever the page wrote: "By TOM KRISHER, AP Auto Writer" keeps its
 * credit but loses the "By", and a name the page repeats ("by Ann Lee", "Ann Lee") is given once.
 */
export function cleanByline(byline: string | undefined): string | undefined {
  if (!byline) return undefined;
  const seen = new Set<string>();
  const names: string[] = [];
  for (const part of byline.split(/\s*,\s*/)) {
    const name = withoutCreditPrefix(part).trim();
    const key = name.toLowerCase();
    if (!name || seen.has(key)) continue;
    seen.add(key);
    names.push(name);
  }
  return names.length ? names.join(', ') : undefined;
}
