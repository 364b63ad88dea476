/**
 * Page furniture named by its markup: sharing, related links, newsletters, ads, captions, comments,
 * navigation. Matched as whole tokens of class, id and role, so "header-share" matches and "shared-content"
 * does not.
 */
const BOILERPLATE_TOKEN =
  /(?:^|[\s_-])(?:share|sharing|sharebar|social|related|newsletters?|subscribe|subscription|promo|promotion|advert|adverts?|ads?|adslot|adunit|advertisement|sponsored|sponsor|cookies?|consent|comments?|disqus|breadcrumbs?|caption|credits?|byline|bio|author-?bio|tags?|taglist|keywords|popup|modal|overlay|sidebar|recommended|recommendations?|more-stories|trending|most-?popular|most-?read|outbrain|taboola|footer|nav|navbar|navigation|menu|masthead|toolbar|signup|paywall|read-?more|also-?read|further-?reading|next-?article|pagination|pager|print-?only|sr-only|visually-?hidden|screen-?reader-?text|skip-?link|complementary|banner|contentinfo)(?:$|[\s_-])/i;

const FURNITURE_TAGS = new Set(['nav', 'aside', 'footer', 'header', 'figcaption', 'button', 'input', 'label', 'dialog', 'menu', 'form']);

/** An element holding this share of the page's paragraph text is the article's container, whatever its name. */
const CONTAINER_SHARE = 0.35;

/**
 * Removes what the markup itself marks as furniture, before the main-content search, so that a share bar
 * or a related-links box inside the article's container is not taken for part of it. An element that holds
 * much of the page's prose is kept even if its name says otherwise: templates call article wrappers
 * "content has-sharebar" too.
 */
export function removeBoilerplate(document: Document): void {
  const body = document.body;
  if (!body) return;
  const totalProse = proseLength(body);
  const doomed: Element[] = [];
  for (const element of body.querySelectorAll('*')) {
    if (element.tagName === 'ARTICLE' || element.tagName === 'MAIN') continue;
    if (isHidden(element) || FURNITURE_TAGS.has(element.tagName.toLowerCase()) || BOILERPLATE_TOKEN.test(markupName(element))) doomed.push(element);
  }
  for (const element of doomed) {
    if (!element.isConnected) continue;
    if (totalProse > 0 && proseLength(element) / totalProse >= CONTAINER_SHARE) continue;
    element.remove();
  }
}

function markupName(element: Element): string {
  return `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''} ${element.getAttribute('role') ?? ''}`;
}

function isHidden(element: Element): boolean {
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const style = element.getAttribute('style');
  return !!style && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/** The text of the paragraphs inside an element: a cheap measure of how much article it holds. */
function proseLength(element: Element): number {
  let length = 0;
  for (const paragraph of element.querySelectorAll('p')) length += paragraph.textContent?.length ?? 0;
  return length;
}
