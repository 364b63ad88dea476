/**
 * Page furniture named by its markup: sharing, related links, newsletters, ads, captions, comments,
 * navigation. Matched as whole tokens of class, id and role, so "header-share" matches and "shared-content"
 * does not.
 */
const BOILERPLATE_TOKEN =
  /(?:^|[\s_-])(?:share|sharing|sharebar|sharedaddy|social|related\w*|likes|newsletters?|subscribe|subscription|promo|promotion|advert|adverts?|ads?|adslot|adunit|advertisement|sponsored|sponsor|cookies?|consent|comments?|disqus|breadcrumbs?|caption|credits?|byline|bio|author-?bio|tags?|taglist|keywords|popup|modal|tooltips?|popover|hovercard|rollover|overlay|sidebar|recommended|recommendations?|more-stories|trending|most-?popular|most-?read|outbrain|taboola|footer|nav|navbar|navigation|menu|masthead|toolbar|signup|paywall|read-?more|also-?read|further-?reading|next-?article|pagination|pager|print-?only|sr-only|visually-?hidden|screen-?reader-?text|skip-?link|complementary|banner|contentinfo)(?:$|[\s_-])/i;

const FURNITURE_TAGS = new Set(['nav', 'aside', 'footer', 'header', 'figcaption', 'button', 'input', 'label', 'dialog', 'menu', 'form']);

/** An element holding this share of the page's paragraph text is the article's container, whatever its name. */
const CONTAINER_SHARE = 0.35;

/**
 * Removes what the markup itself marks as furniture, before the main-content search, so that a share bar
 * or a related-links box inside the article's container is not taken for part of it. Two kinds of element
 * are kept whatever they are called, because templates call article wrappers "content has-sharebar" or
 * "render-target-modal" too: one that holds much of the page's prose, and the one that holds its densest
 * run of paragraphs, with its ancestors. <article> elements beside the one holding the headline go: they
 * are teasers.
 */
export function removeBoilerplate(document: Document): void {
  const body = document.body;
  if (!body) return;
  const prose = proseByElement(body);
  const totalProse = prose.get(body) ?? 0;
  const core = proseCore(body);
  const lead = leadArticle(body, prose);

  const isFurniture = (element: Element): boolean => {
    if (element.tagName === 'ARTICLE' || element.tagName === 'MAIN') return element.tagName === 'ARTICLE' && !!lead && !element.contains(lead) && !lead.contains(element);
    const named = isHidden(element) || FURNITURE_TAGS.has(element.tagName.toLowerCase()) || (!isRunningText(element) && BOILERPLATE_TOKEN.test(markupName(element)));
    const container = core.has(element) || (totalProse > 0 && (prose.get(element) ?? 0) / totalProse >= CONTAINER_SHARE);
    return named && !container;
  };

  // One pass in document order: parents come before their children, so what lies inside a removed
  // element is known to be gone without walking up the tree for each element.
  const gone = new Set<Element>();
  const removed: Element[] = [];
  for (const element of body.querySelectorAll('*')) {
    const parent = element.parentElement;
    if (parent && gone.has(parent)) {
      gone.add(element);
    } else if (isFurniture(element)) {
      gone.add(element);
      removed.push(element);
    }
  }
  for (const element of removed) {
    const embeds = isHidden(element) ? [] : [...element.querySelectorAll(EMBEDDED_POST)];
    if (embeds.length > 0) element.replaceWith(...embeds);
    else element.remove();
  }
}

/**
 * The blockquotes that social networks' embed codes put in a page (tweets, Instagram and TikTok posts).
 * A post embedded in an article is quoted in it, and readers count it as part of the story; only the
 * widget around it ("social-media-embed") is furniture.
 */
const EMBEDDED_POST = 'blockquote[class*="tweet" i], blockquote[class*="instagram" i], blockquote[class*="tiktok" i], blockquote[class*="embed" i]';

/**
 * The names a template gives an element. An id of four or more words is a heading's anchor
 * ("sharing-with-a-single-developer" in generated docs), which names the section's subject, not its role.
 */
function markupName(element: Element): string {
  const id = element.getAttribute('id') ?? '';
  const anchor = id.split(/[-_]/).length >= 4;
  return `${element.getAttribute('class') ?? ''} ${anchor ? '' : id} ${element.getAttribute('role') ?? ''}`;
}

const INLINE_TAGS = new Set(['A', 'SPAN', 'EM', 'STRONG', 'B', 'I', 'U', 'ABBR', 'CITE', 'Q', 'SMALL', 'SUB', 'SUP', 'MARK', 'TIME']);

/**
 * A bare inline element (a link, a span of text) is words of the sentence around it, whatever it is
 * called: annotated texts mark glossed words class="popup". A hover card or a share link holding an icon
 * has markup inside, and is judged by its name.
 */
function isRunningText(element: Element): boolean {
  return INLINE_TAGS.has(element.tagName) && element.childElementCount === 0;
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

/**
 * The element that best holds the page's prose, and its ancestors. Each paragraph or list item credits its
 * text, less its link text, to its parent and half of it to its grandparent, as Readability scores
 * candidates: an article's paragraphs are siblings under one element, while teasers, comments and widgets
 * each sit in their own small box. Whatever a wrapper around that element is called ("modal",
 * "has-sidebar"), removing it would remove the article.
 */
function proseCore(body: Element): Set<Element> {
  const score = new Map<Element, number>();
  let best: Element | undefined;
  const credit = (element: Element | null, amount: number): void => {
    if (!element || element === body) return;
    const total = (score.get(element) ?? 0) + amount;
    score.set(element, total);
    if (!best || total > score.get(best)!) best = element;
  };
  for (const block of body.querySelectorAll('p, li, pre')) {
    // A list item holding paragraphs is credited through them; counting both would weigh teaser lists double.
    if (block.tagName === 'LI' && block.querySelector('p')) continue;
    let length = block.textContent?.length ?? 0;
    for (const link of block.getElementsByTagName('a')) length -= link.textContent?.length ?? 0;
    if (length < 25) continue;
    credit(block.parentElement, length);
    credit(block.parentElement?.parentElement ?? null, length / 2);
  }
  const core = new Set<Element>();
  for (let element = best; element && element !== body; element = element.parentElement ?? undefined) core.add(element);
  return core;
}

/** Below this much paragraph text, an <article> around the headline is a header card, not the story. */
const LEAD_ARTICLE_PROSE = 200;

/**
 * The <article> that holds the page's headline and paragraphs of its own. Other <article> elements beside
 * it are teasers: templates mark up related posts, "next story" cards and trending lists as articles too.
 */
function leadArticle(body: Element, prose: Map<Element, number>): Element | undefined {
  const lead = body.querySelector('h1')?.closest('article') ?? undefined;
  return lead && (prose.get(lead) ?? 0) >= LEAD_ARTICLE_PROSE ? lead : undefined;
}
