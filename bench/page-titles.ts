import { parseHTML } from 'linkedom';

/**
 * The headline a page states for itself, to judge a title read from the page's text against. A page states
 * it up to three times, and each may differ from the others (a shorter share title, an SEO title): its
 * og:title, its <title>, and its visible headline, the first <h1> that is not the site's name. A title that
 * agrees with any of them is one the page itself uses. The site's name is the og:site_name, or the host.
 */
export interface PageTitles {
  titles: string[];
  siteNames: string[];
  /** The og:title and <title> exactly as the page has them, for the strict comparison. */
  declared: string[];
}

export function pageTitles(html: string, url: string): PageTitles {
  const { document } = parseHTML(html);
  const text = (value: string | null | undefined): string | undefined => value?.replace(/\s+/g, ' ').trim() || undefined;
  const meta = (name: string): string | undefined => text(document.querySelector(`meta[property="${name}"], meta[name="${name}"]`)?.getAttribute('content'));
  const host = new URL(url).hostname.replace(/^www\d*\./, '');
  const siteNames = [meta('og:site_name'), host, host.split('.')[0]].filter((name): name is string => !!name);
  // A headline may contain the site's name ("9to5Mac Gift Guide: …"); only one that is no more than the name is the masthead.
  const isSiteName = (value: string): boolean => siteNames.some((name) => squeeze(name).includes(squeeze(value)));
  const headline = [...document.querySelectorAll('h1')].map((h1) => text(h1.textContent)).find((value): value is string => !!value && !isSiteName(value));
  const titles = [meta('og:title'), text(document.querySelector('title')?.textContent), headline].filter((value): value is string => !!value);
  const declared = [document.querySelector('meta[property="og:title"]')?.getAttribute('content'), document.querySelector('title')?.textContent].filter((value): value is string => !!value);
  return { titles, siteNames, declared };
}

/** Case, quotes, dashes and punctuation folded, so "Só quem se Ama..." is "só quem se ama…" and ‘Meth’ is 'Meth'. */
export function normalTitle(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’'`´"“”«»„]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Without spaces and punctuation, where "TheHill" is "The Hill" and "cleveland.com" contains "cleveland". */
function squeeze(value: string): string {
  return value.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** A part of a title that names the site: "CNNPolitics" for CNN, "www.wday.ru" for wday.ru, "The Jerusalem post" for "The Jerusalem Post | JPost.com". */
function namesSite(siteName: string, part: string): boolean {
  const site = squeeze(siteName);
  const candidate = squeeze(part);
  return candidate.length >= 3 && site.length >= 3 && (site.includes(candidate) || candidate.includes(site));
}

const SEPARATOR = /\s+[|\-–—·•»:/]{1,2}\s+/g;

/** A title and, where it opens or closes with the site's name after a separator ("… | Al Jazeera"), the title without it. */
function withoutSiteName(title: string, siteNames: string[]): string[] {
  const separators = [...title.matchAll(SEPARATOR)];
  const first = separators[0];
  const last = separators.at(-1);
  const forms = [title];
  if (last && siteNames.some((name) => namesSite(name, title.slice(last.index + last[0].length)))) forms.push(title.slice(0, last.index));
  if (first && siteNames.some((name) => namesSite(name, title.slice(0, first.index)))) forms.push(title.slice(first.index + first[0].length));
  return forms.map(normalTitle);
}

/** True when the title, normalised, is one of the page's own titles, either of them perhaps with the site's name after a separator. */
export function agreesWithPage(title: string | undefined, page: PageTitles): boolean {
  if (!title) return false;
  const ours = withoutSiteName(title, page.siteNames);
  return page.titles.some((stated) => withoutSiteName(stated, page.siteNames).some((form) => ours.includes(form)));
}

/** The strict reading: the title is character for character the page's og:title or <title>. */
export function equalsDeclaredTitle(title: string | undefined, page: PageTitles): boolean {
  return title !== undefined && page.declared.includes(title);
}
