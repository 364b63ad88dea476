import { Readability } from '@mozilla/readability';
import { contentBlocks, type ContentBlock } from './content-blocks.ts';

/**
 * Class names publishers give the element that holds an article's text. With itemprop="articleBody",
 * they are the page saying where the body is.
 */
const BODY_CONTAINER = /(?:^|\s)(?:article-body|article__body|articleBody|entry-content|post-content|post-body|story-body|article-content|article-text|td-post-content|field-body|body-text)(?:\s|$)/;

/** A declared body is trusted when it holds at least this share of the page's paragraph text. */
const DECLARED_SHARE = 0.8;

/**
 * The blocks of the page's main content. Where the page declares its article body and that element
 * holds nearly all of the page's prose, it is taken as it is, which is both right and several times
 * faster than a search. Otherwise Readability searches, asked for the element itself rather than HTML
 * that would only be parsed again. When Readability finds nothing, the paragraphs of the page's
 * <article> or <main> (or, last, its body) are the best remaining guess.
 */
export function mainContentBlocks(document: Document): ContentBlock[] {
  const declared = declaredBody(document);
  if (declared) return contentBlocks(declared);
  const content = readabilityContent(document);
  if (content) {
    const blocks = contentBlocks(content);
    if (blocks.length > 0) return blocks;
  }
  return fallbackBlocks(document);
}

function fallbackBlocks(document: Document): ContentBlock[] {
  // A failed Readability search puts the page back by re-parsing its HTML, which can leave no root element behind,
  // or (after a declaration left open, such as `<![CDATA[`) a node list that ends early, on which every query throws.
  if (!document.documentElement) return [];
  let root: Element | null;
  try {
    root = document.querySelector('article') ?? document.querySelector('main') ?? document.body;
  } catch (error) {
    if (error instanceof TypeError) return [];
    throw error;
  }
  return root ? contentBlocks(root).filter((block) => block.tag === 'P' || block.tag === 'LI' || /^H[1-6]$/.test(block.tag)) : [];
}

/** Readability's search grows much faster than the page on deep nesting; real pages stay far shallower than this. */
const MAX_SEARCH_DEPTH = 300;

function readabilityContent(document: Document): Element | undefined {
  if (!document.body || depthOf(document.body) > MAX_SEARCH_DEPTH) return undefined;
  try {
    return new Readability<Element>(document, { serializer: (node) => node as Element, charThreshold: 300 }).parse()?.content ?? undefined;
  } catch {
    return undefined;
  }
}

/** How deep the element tree goes, walked without recursion. */
function depthOf(root: Element): number {
  let deepest = 0;
  const stack: Array<[Element, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [element, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    for (const child of element.children) stack.push([child, depth + 1]);
  }
  return deepest;
}

function declaredBody(document: Document): Element | undefined {
  const total = paragraphText(document.body);
  if (total === 0) return undefined;
  for (const element of document.querySelectorAll('*')) {
    const marked = (element.getAttribute('itemprop') ?? '').includes('articleBody') || BODY_CONTAINER.test(element.getAttribute('class') ?? '');
    if (marked && paragraphText(element) / total >= DECLARED_SHARE) return element;
  }
  return undefined;
}

function paragraphText(root: Element | null): number {
  let length = 0;
  for (const paragraph of root?.querySelectorAll('p') ?? []) length += paragraph.textContent?.length ?? 0;
  return length;
}
