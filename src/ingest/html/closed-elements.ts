/** Where one element lies in a page's source: its start tag from `start`, its content from `contentStart` to `contentEnd`, and `end` after its end tag. */
export interface ElementSpan {
  name: string;
  start: number;
  contentStart: number;
  contentEnd: number;
  end: number;
}

/**
 * The closed elements whose start tags `opening` matches (a global pattern whose first group is the element's
 * name, or that matches "<!--" for comments), in page order and not nested in one another. A lazy pattern such
 * as `<script\b[\s\S]*?<\/script>` scans the rest of the page again for every start tag never closed, so a page
 * of them took time in the square of its size; here an end tag found missing once is not searched for again.
 */
export function* closedElements(html: string, opening: RegExp): Generator<ElementSpan> {
  const unclosed = new Set<string>();
  opening.lastIndex = 0;
  for (let match = opening.exec(html); match; match = opening.exec(html)) {
    const name = (match[1] ?? '!--').toLowerCase();
    if (unclosed.has(name)) continue;
    const after = match.index + match[0].length;
    const close = name === '!--' ? COMMENT_END : endTag(name);
    close.lastIndex = after;
    const found = close.exec(html);
    if (!found) {
      unclosed.add(name);
      continue;
    }
    const tagEnd = name === '!--' ? after : html.indexOf('>', after) + 1;
    const contentStart = tagEnd > 0 && tagEnd <= found.index ? tagEnd : found.index;
    const end = found.index + found[0].length;
    yield { name, start: match.index, contentStart, contentEnd: found.index, end };
    opening.lastIndex = end;
  }
}

const COMMENT_END = /-->/g;
const END_TAGS = new Map<string, RegExp>();

function endTag(name: string): RegExp {
  let pattern = END_TAGS.get(name);
  if (!pattern) END_TAGS.set(name, (pattern = new RegExp(`</${name}\\s*>`, 'gi')));
  return pattern;
}
