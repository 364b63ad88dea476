import { withoutCreditPrefix } from './clean-byline.ts';

const BYLINE_ELEMENTS = '[rel~="author"], [itemprop~="author"], [class*="byline" i], [id*="byline" i], [class*="author" i], [class*="writer" i], [data-testid*="byline" i]';
const NAME_ELEMENTS = '[class*="name" i], [itemprop~="name"], a[rel~="author"]';

/**
 * The credit the page shows, for pages whose metadata names no author: the first element marked as an
 * author or byline whose text reads as a list of names. Bylines follow the headline in nearly every
 * template, while author widgets ("follow this author", "more from") sit anywhere, so elements after
 * the first <h1> are tried first.
 */
export function visibleByline(document: Document): string | undefined {
  // One query in document order, so the first <h1> splits the candidates into before and after it.
  const found = [...document.querySelectorAll(`h1, ${BYLINE_ELEMENTS}`)];
  const headline = found.findIndex((element) => element.tagName === 'H1');
  const ordered = headline < 0 ? found : [...found.slice(headline + 1), ...found.slice(0, headline)];
  for (const element of ordered) {
    // Comment forms label their name field "author".
    if (element.tagName === 'H1' || element.closest('form, [class*="comment" i]')) continue;
    const name = bylineText(element);
    if (name) return name;
  }
  return undefined;
}

function bylineText(element: Element): string | undefined {
  const names = [...new Set([...element.querySelectorAll(NAME_ELEMENTS)].map(renderedText).filter((name) => name !== ''))];
  // Rendered rather than textContent: "By <b>Ann Lee</b><br>March 3" must not read "Ann LeeMarch 3".
  const raw = names.length > 1 ? names.join(', ') : renderedText(element);
  const credit = withoutCreditPrefix(raw)
    .split(/\s*[|•·]\s*|\s+[-–—]\s+|\s+(?:updated|published|posted|on)\b/i)[0]!;
  // Names have no digits: a digit starts the date or time that follows them, and a month name may lead it.
  const digit = credit.search(/\d/);
  const name = (digit < 0 ? credit : credit.slice(0, digit).replace(/\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\p{L}*\.?\s*$/iu, ''))
    .replace(/[\s,;:—–-]+$/, '')
    .trim();
  const words = name.split(/\s+/).length;
  return name.length >= 3 && name.length <= 100 && /\p{L}/u.test(name) && words <= 12 ? name : undefined;
}

const LINE_BREAKING = new Set(['BR', 'DIV', 'P', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'FIGURE', 'SECTION']);

/**
 * An element's text with a separator wherever a line breaks. textContent would glue "By <b>Ann Lee</b>
 * <br>March 3" into "Ann LeeMarch 3", and a name in one <span> to the job title in the next.
 */
function renderedText(element: Element): string {
  let text = '';
  const stack: Node[] = [element];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === 3) text += node.nodeValue ?? '';
    if (node.nodeType !== 1) continue;
    if (LINE_BREAKING.has((node as Element).tagName)) text += ' | ';
    // linkedom builds childNodes afresh on each read, so it is read once.
    const children = node.childNodes;
    for (let index = children.length - 1; index >= 0; index -= 1) stack.push(children[index]!);
  }
  return text.replace(/\s+/g, ' ').replace(/^[\s|]+|[\s|]+$/g, '').replace(/(?:\s*\|\s*)+/g, ' | ');
}

/**
 * Without metadata, the <title> names the page, usually with the site's name around the headline. An <h1>
 * that the <title> contains is that headline without the decoration, unless it is the decoration itself
 * (a docs site's <h1> logo repeating the part of the <title> after the separator). Any other <h1> may be a
 * logo or a section name, so the <title> is trusted over it.
 */
export function visibleTitle(document: Document): string | undefined {
  const titleTag = oneLine(document.querySelector('title')?.textContent);
  const headings = [...document.querySelectorAll('h1')].map((heading) => oneLine(heading.textContent)).filter((heading): heading is string => !!heading);
  if (!titleTag) return headings[0];
  const key = comparable(titleTag);
  const siteSuffix = comparable(titleTag.split(/\s+[|\-–—:·•»]\s+/).pop() ?? '');
  return headings.find((heading) => heading.split(' ').length >= 3 && key.includes(comparable(heading)) && comparable(heading) !== siteSuffix) ?? titleTag;
}

/**
 * A date the page shows in a <time> element: one marked as the publication date, else the first after the
 * headline, where templates print the dateline, else the first on the page.
 */
export function timeElementDate(document: Document): string | undefined {
  const marked = document.querySelector('time[pubdate]') ?? document.querySelector('time[itemprop~="datePublished"]');
  // One query in document order, so the first <h1> splits the candidates into before and after it.
  const found = [...document.querySelectorAll('h1, time[datetime]')];
  const headline = found.findIndex((element) => element.tagName === 'H1');
  const time = marked ?? found.slice(headline + 1).find((element) => element.tagName === 'TIME') ?? found.find((element) => element.tagName === 'TIME');
  return oneLine(time?.getAttribute('datetime') ?? time?.textContent);
}

function oneLine(value: string | null | undefined): string | undefined {
  const trimmed = value?.replace(/\s+/g, ' ').trim();
  return trimmed || undefined;
}

function comparable(value: string): string {
  return value.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
