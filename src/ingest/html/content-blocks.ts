/** One paragraph of rendered text, with what is needed to judge it: its tag and how much of it is link text. */
export interface ContentBlock {
  text: string;
  tag: string;
  linkChars: number;
  /** The first link's address, for blocks that are a single related link. */
  href?: string;
  /** An image came just before this block's text, so a short block may be its caption. */
  afterImage?: boolean;
  /** The block is inside a <blockquote>: quoted or embedded (a tweet, a post), so its sign-off is not the page's dateline. */
  quoted?: boolean;
}

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2',
  'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'THEAD', 'TR',
  'UL',
]);

/** Table cells are read across a row, as one line, the way a reader reads a results table. */
const CELL_TAGS = new Set(['TD', 'TH']);

const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'SELECT', 'TEXTAREA']);

/**
 * Renders an element's text as paragraphs, the way a browser lays it out: each block element starts a new
 * paragraph, <br><br> splits one, and white space collapses. Counting link characters on the way lets
 * later passes tell a list of links from prose that cites a source.
 */
export function contentBlocks(root: Element): ContentBlock[] {
  const blocks: ContentBlock[] = [];
  let text = '';
  let linkChars = 0;
  let href: string | undefined;
  let tag = root.tagName;
  let pendingBreak = false;
  let afterImage = false;
  let quoted = false;

  const flush = (): void => {
    const collapsed = text.replace(/\s+/g, ' ').trim();
    if (collapsed) {
      blocks.push({ text: collapsed, tag, linkChars: Math.min(linkChars, collapsed.length), ...(href ? { href } : {}), ...(afterImage ? { afterImage } : {}), ...(quoted ? { quoted } : {}) });
      afterImage = false;
    }
    text = '';
    linkChars = 0;
    href = undefined;
    pendingBreak = false;
  };

  // An explicit stack rather than recursion: a hostile page can nest elements deeper than the call stack goes.
  // Closing a block restores the enclosing block's tag, for text that follows a nested block inside it.
  type Step = { node: Node; inLink: boolean; inQuote: boolean } | { closeBlock: true; outerTag: string; outerQuoted: boolean };
  const stack: Step[] = [{ node: root, inLink: false, inQuote: false }];
  while (stack.length > 0) {
    const step = stack.pop()!;
    if ('closeBlock' in step) {
      flush();
      tag = step.outerTag;
      quoted = step.outerQuoted;
      continue;
    }
    const { node, inLink, inQuote } = step;
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      if (pendingBreak && value.trim()) {
        if (/\S/.test(text)) text += ' ';
        pendingBreak = false;
      }
      text += value;
      if (inLink) linkChars += value.replace(/\s+/g, ' ').length;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const element = node as Element;
    const name = element.tagName;
    if (SKIPPED_TAGS.has(name)) continue;
    if (name === 'IMG' || name === 'PICTURE') {
      if (!/\S/.test(text)) afterImage = true;
      continue;
    }
    if (name === 'BR') {
      if (pendingBreak) flush();
      else pendingBreak = true;
      continue;
    }
    const inQuoteHere = inQuote || name === 'BLOCKQUOTE';
    if (BLOCK_TAGS.has(name)) {
      flush();
      stack.push({ closeBlock: true, outerTag: tag, outerQuoted: quoted });
      tag = name;
      quoted = inQuoteHere;
    }
    if (CELL_TAGS.has(name) && /\S/.test(text)) text += ' ';
    const isLink = name === 'A';
    if (isLink && !href && !inLink) href = element.getAttribute('href') ?? undefined;
    const children = element.childNodes;
    for (let index = children.length - 1; index >= 0; index -= 1) stack.push({ node: children[index]!, inLink: inLink || isLink, inQuote: inQuoteHere });
  }
  flush();
  return blocks;
}

export function linkDensity(block: ContentBlock): number {
  return block.text.length ? block.linkChars / block.text.length : 0;
}
