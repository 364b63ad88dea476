/**
 * Real pages nest a few dozen elements deep; anything far deeper is broken or hostile, and its excess is flattened
 * into the deepest element kept, text and all. Readability stops searching at 300 levels already.
 */
const MAX_NESTING = 500;

/**
 * htmlparser2 (under linkedom) keeps its open elements in an array it shifts and unshifts at the front, so each
 * tag costs time in proportion to the depth: 100,000 nested elements take seconds, a 20 MB run of them hours.
 * This pass follows the same open-element stack in linear time and drops the tags that would take it past
 * MAX_NESTING, with the closing tags that answer them. To follow the stack it knows which tags close others
 * implicitly, as htmlparser2 does (its `openImpliesClose`), and which never open an element.
 */
export function limitNesting(html: string): string {
  const open: string[] = [];
  const dropped = new Map<string, number>();
  let kept = '';
  let copied = 0;
  TAG.lastIndex = 0;
  for (let match = TAG.exec(html); match; match = TAG.exec(html)) {
    const end = tagEnd(html, TAG.lastIndex);
    if (end === -1) break;
    TAG.lastIndex = end;
    const name = match[2]!.toLowerCase();
    let drop = false;
    if (match[1]) {
      const pending = dropped.get(name) ?? 0;
      drop = pending > 0;
      if (drop) dropped.set(name, pending - 1);
      else if (open.length > 0) {
        const at = open.lastIndexOf(name);
        if (at !== -1) open.length = at;
      }
    } else {
      const closes = IMPLIED_CLOSE.get(name);
      while (closes && open.length > 0 && closes.has(open.at(-1)!)) open.pop();
      if (VOID.has(name)) continue;
      drop = open.length >= MAX_NESTING;
      if (drop) dropped.set(name, (dropped.get(name) ?? 0) + 1);
      else open.push(name);
    }
    if (drop) {
      kept += html.slice(copied, match.index);
      copied = end;
    }
  }
  return copied === 0 ? html : kept + html.slice(copied);
}

const TAG = /<(\/?)([a-zA-Z][^\s/>]*)/g;

/** Where the tag whose name ends at `from` ends (after its ">"), skipping quoted attribute values; -1 when it never does. */
function tagEnd(html: string, from: number): number {
  for (let index = from; index < html.length; index += 1) {
    const char = html[index];
    if (char === '>') return index + 1;
    if ((char === '"' || char === "'") && html[index - 1] === '=') {
      const close = html.indexOf(char, index + 1);
      if (close === -1) return -1;
      index = close;
    }
  }
  return -1;
}

const VOID = new Set(['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

const P = new Set(['p']);
const FORM = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const IMPLIED_CLOSE = new Map<string, Set<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['li', new Set(['li'])],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', new Set(['dd', 'dt'])],
  ['dt', new Set(['dd', 'dt'])],
  ['rt', new Set(['rt', 'rp'])],
  ['rp', new Set(['rt', 'rp'])],
  ['tbody', new Set(['thead', 'tbody'])],
  ['tfoot', new Set(['thead', 'tbody'])],
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((name): [string, Set<string>] => [name, FORM]),
  ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul'].map(
    (name): [string, Set<string>] => [name, P],
  ),
]);
