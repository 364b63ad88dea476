import { Readability } from '@mozilla/readability';
import { contentBlocks, type ContentBlock } from './content-blocks.ts';

/**
 * The blocks of the page's main content, as Readability finds it. Readability is asked for the element
 * itself rather than serialised HTML, which would only be parsed again. When Readability finds nothing,
 * the paragraphs of the page's <article> or <main> (or, last, its body) are the best remaining guess.
 */
export function mainContentBlocks(document: Document): ContentBlock[] {
  const fallbackRoot = document.querySelector('article') ?? document.querySelector('main') ?? document.body;
  let content: Element | null = null;
  try {
    const result = new Readability<Element>(document, { serializer: (node) => node as Element, charThreshold: 300 }).parse();
    content = result?.content ?? null;
  } catch {
    content = null;
  }
  if (content) {
    const blocks = contentBlocks(content);
    if (blocks.length > 0) return blocks;
  }
  return fallbackRoot ? contentBlocks(fallbackRoot).filter((block) => block.tag === 'P' || block.tag === 'LI' || /^H[1-6]$/.test(block.tag)) : [];
}
