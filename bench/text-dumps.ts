import { parseHTML } from 'linkedom';
import { contentBlocks } from '../src/ingest/html/content-blocks.ts';

/**
 * A page as someone copying it from a browser would dump it: every visible block of text on its own line,
 * menus, ads, widgets, comments and footers included. Turning the human-marked benchmark pages into such
 * dumps gives 127 real sites' chrome to test the scraped-text extractor on.
 */
export function textDump(html: string): string {
  const { document } = parseHTML(html.replace(/<(script|style|noscript|template|svg)\b[\s\S]*?<\/\1\s*>/gi, ''));
  return document.body ? contentBlocks(document.body as unknown as Element).map((block) => block.text).join('\n') : '';
}
