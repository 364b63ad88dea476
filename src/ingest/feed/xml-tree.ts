import { decodeHTML } from 'entities';

export interface XmlElement {
  /** The name as written, prefix included ("dc:date", "atom10:link"). */
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  parent?: XmlElement;
  /** The namespace-resolved name, filled in once by feed-names on first use. */
  canonical?: string;
  /** Child elements by namespace-resolved name, built once by feed-fields on first lookup. */
  byName?: Map<string, XmlElement[]>;
  /** The namespace declarations in force at this element, shared with descendants that declare none. */
  scope?: NamespaceScope;
  /** On the document: elements still open when the text ran out, a sign of a truncated or broken file. */
  unclosed?: number;
}

export interface NamespaceScope {
  /** Prefix ("" for the default namespace) to URI. */
  uris: Map<string, string>;
  /** Names already resolved in this scope. */
  resolved: Map<string, string>;
}

/** Text still holding entities, decoded only if a reader asks for it: much of a feed's text is never read. */
export interface EncodedText {
  encoded: string;
}

export type XmlNode = XmlElement | string | EncodedText;

/** Feeds nest a few levels deep; anything deeper is broken or hostile, and is flattened into its parent. */
const MAX_DEPTH = 64;

/**
 * Builds a small element tree from XML that may be broken: unclosed and misnested tags, undeclared
 * prefixes, HTML entities that XML does not define, text before the root, a stray "<" in text.
 * Hand-written rather than htmlparser2's tokenizer, which is just as forgiving but walks every character
 * through a state machine: feeds are mostly long runs of text and CDATA, which indexOf skips in one call,
 * and this halves the time to read a feed. Entities are decoded with the full HTML table (feeds use
 * &nbsp; and &eacute; as freely as pages do) and only when a reader asks for the text; CDATA is kept as written.
 */
export function parseXmlTree(text: string): XmlElement {
  const root: XmlElement = { name: '#document', attributes: {}, children: [] };
  const stack: XmlElement[] = [root];
  let position = 0;
  while (position < text.length) {
    const open = text.indexOf('<', position);
    addText(stack, text.slice(position, open === -1 ? text.length : open));
    if (open === -1) break;
    position = readMarkup(text, open, stack);
  }
  if (stack.length > 1) root.unclosed = stack.length - 1;
  return root;
}

function addText(stack: XmlElement[], value: string): void {
  if (value) stack.at(-1)!.children.push(value.includes('&') ? { encoded: value } : value);
}

const NAME = /[A-Za-z_:][\w.:-]*/y;
const ATTRIBUTE = /\s*([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/y;

/** Reads one construct starting at "<" and returns where the text after it starts. */
function readMarkup(text: string, open: number, stack: XmlElement[]): number {
  if (text.startsWith('<![CDATA[', open)) {
    const close = text.indexOf(']]>', open + 9);
    stack.at(-1)!.children.push(text.slice(open + 9, close === -1 ? text.length : close));
    return close === -1 ? text.length : close + 3;
  }
  if (text.startsWith('<!--', open)) return endOf(text, '-->', open + 4);
  if (text.startsWith('<?', open)) return endOf(text, '?>', open + 2);
  if (text.startsWith('<!', open)) return skipDeclaration(text, open);
  if (text[open + 1] === '/') {
    NAME.lastIndex = open + 2;
    const name = NAME.exec(text)?.[0];
    if (name) closeElement(stack, name);
    return endOf(text, '>', open + 2);
  }
  NAME.lastIndex = open + 1;
  const name = NAME.exec(text)?.[0];
  if (!name) {
    // A "<" that starts no tag is text, as in "a < b".
    addText(stack, '<');
    return open + 1;
  }
  const attributes: Record<string, string> = {};
  let position = open + 1 + name.length;
  for (;;) {
    ATTRIBUTE.lastIndex = position;
    const match = ATTRIBUTE.exec(text);
    if (!match || match[0].length === 0) break;
    const value = match[2] ?? match[3] ?? match[4] ?? '';
    attributes[match[1]!] = value.includes('&') ? decodeEntities(value) : value;
    position += match[0].length;
  }
  const end = text.indexOf('>', position);
  const selfClosing = end !== -1 && text[end - 1] === '/';
  if (stack.length <= MAX_DEPTH) {
    const parent = stack.at(-1)!;
    const element: XmlElement = { name, attributes, children: [], parent };
    parent.children.push(element);
    if (!selfClosing) stack.push(element);
  }
  return end === -1 ? text.length : end + 1;
}

/** A closing tag closes the nearest open element of that name, and everything left open inside it; a stray one is ignored. */
function closeElement(stack: XmlElement[], name: string): void {
  for (let index = stack.length - 1; index > 0; index -= 1) {
    if (stack[index]!.name === name) {
      stack.length = index;
      return;
    }
  }
}

/** <!DOCTYPE …> may carry an internal subset in brackets, with ">" inside it. */
function skipDeclaration(text: string, open: number): number {
  const bracket = text.indexOf('[', open);
  const close = text.indexOf('>', open);
  if (bracket !== -1 && close !== -1 && bracket < close) return endOf(text, ']>', bracket);
  return close === -1 ? text.length : close + 1;
}

function endOf(text: string, terminator: string, from: number): number {
  const index = text.indexOf(terminator, from);
  return index === -1 ? text.length : index + terminator.length;
}

/** Any entity other than the five XML ones. */
const OTHER_ENTITY = /&(?!(?:lt|gt|quot|apos|amp);)/;
const XML_ENTITY = /&(lt|gt|quot|apos|amp);/g;
const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };

/**
 * Escaped HTML in descriptions is almost all &lt; &gt; &amp; &quot;, which one regular-expression pass
 * decodes with a single new string; anything else goes through the full HTML entity table.
 */
function decodeEntities(text: string): string {
  if (OTHER_ENTITY.test(text)) return decodeHTML(text);
  return text.replace(XML_ENTITY, (_, name: string) => XML_ENTITIES[name]!);
}

function isElement(node: XmlNode): node is XmlElement {
  return typeof node !== 'string' && 'name' in node;
}

function textValue(node: string | EncodedText): string {
  return typeof node === 'string' ? node : decodeEntities(node.encoded);
}

/** The concatenated text of an element and its descendants. */
export function textOf(element: XmlElement): string {
  let text = '';
  for (const child of element.children) text += isElement(child) ? textOf(child) : textValue(child);
  return text;
}

export function childElements(element: XmlElement): XmlElement[] {
  return element.children.filter(isElement);
}

/** Serialises an element's children back to markup, for Atom's inline XHTML content. */
export function innerXml(element: XmlElement): string {
  return element.children.map((child) => (isElement(child) ? outerXml(child) : escapeText(textValue(child)))).join('');
}

function outerXml(element: XmlElement): string {
  const name = element.name.replace(/^[\w.-]+:/, '');
  const attributes = Object.entries(element.attributes)
    .filter(([key]) => !key.startsWith('xmlns'))
    .map(([key, value]) => ` ${key}="${escapeText(value).replace(/"/g, '&quot;')}"`)
    .join('');
  return element.children.length ? `<${name}${attributes}>${innerXml(element)}</${name}>` : `<${name}${attributes}/>`;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
