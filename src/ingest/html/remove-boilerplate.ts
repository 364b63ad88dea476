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
  const prose = proseByElement(body);
  const totalProse = prose.get(body) ?? 0;
  // One pass in document order: parents come before their children, so what lies inside a removed
  // element is known to be gone without walking up the tree for each element.
  const gone = new Set<Element>();
  const removed: Element[] = [];
  for (const element of body.querySelectorAll('*')) {
    const parent = element.parentElement;
    if (parent && gone.has(parent)) {
      gone.add(element);
      continue;
    }
    if (element.tagName === 'ARTICLE' || element.tagName === 'MAIN') continue;
    const furniture = isHidden(element) || FURNITURE_TAGS.has(element.tagName.toLowerCase()) || BOILERPLATE_TOKEN.test(markupName(element));
    if (!furniture || (totalProse > 0 && (prose.get(element) ?? 0) / totalProse >= CONTAINER_SHARE)) continue;
    gone.add(element);
    removed.push(element);
  }
  for (const element of removed) element.remove();
}

function markupName(element: Element): string {
  return `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''} ${element.getAttribute('role') ?? ''}`;
}

function isHidden(element: Element): boolean {
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const style = element.getAttribute('style');
  return !!style && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/**
 * For every element, the length of the paragraph text inside it: a cheap measure of how much article it
 * holds. Each paragraph adds its length to its ancestors once, so the cost stays linear in the page.
 */
function proseByElement(body: Element): Map<Element, number> {
  const prose = new Map<Element, number>();
  for (const paragraph of body.querySelectorAll('p')) {
    const length = paragraph.textContent?.length ?? 0;
    for (let element: Element | null = paragraph; element; element = element === body ? null : element.parentElement) {
      prose.set(element, (prose.get(element) ?? 0) + length);
    }
  }
  return prose;
}
