import { Parser } from 'htmlparser2';

/** Elements that end one paragraph and start the next when rendered. */
const BLOCK_ELEMENTS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section',
  'summary', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul',
]);

/** Elements whose text a reader never sees. */
const HIDDEN_ELEMENTS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'head', 'button', 'select']);

/** Marks a <br> apart from the newlines of the source, which are just white space. */
const LINE_BREAK = '\u2028';

/**
 * The visible text of an HTML fragment as paragraphs, one per block element, with whitespace collapsed
 * and entities decoded. Streams through htmlparser2 rather than building a DOM, because feeds carry
 * thousands of small fragments and a DOM per fragment costs more than the parse.
 */
export function htmlToParagraphs(html: string): string[] {
  const paragraphs: string[] = [];
  let current = '';
  let hiddenDepth = 0;

  // Two <br>s in a row separate paragraphs in much hand-written HTML; one is a line break inside a paragraph.
  const flush = (): void => {
    for (const part of current.split(/\u2028[^\S\u2028]*\u2028/)) {
      const text = part.replace(/\s+/g, ' ').trim();
      if (text) paragraphs.push(text);
    }
    current = '';
  };

  const parser = new Parser(
    {
      onopentag(name) {
        if (HIDDEN_ELEMENTS.has(name)) hiddenDepth += 1;
        else if (BLOCK_ELEMENTS.has(name)) flush();
        else if (name === 'br') current += LINE_BREAK;
      },
      onclosetag(name) {
        if (HIDDEN_ELEMENTS.has(name)) hiddenDepth = Math.max(0, hiddenDepth - 1);
        else if (BLOCK_ELEMENTS.has(name)) flush();
      },
      ontext(text) {
        if (hiddenDepth === 0) current += text;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return paragraphs;
}
