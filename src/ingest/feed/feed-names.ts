import type { NamespaceScope, XmlElement } from './xml-tree.ts';

/**
 * Namespaces feeds use, by URI, mapped to the prefix Herald reads them by. Publishers choose their own
 * prefixes ("atom10:link", "dcterms:created", a default Atom namespace inside RSS), so elements are
 * matched by namespace, not by the prefix written.
 */
const NAMESPACES: Record<string, string> = {
  'http://www.w3.org/2005/atom': 'atom',
  'http://purl.org/atom/ns#': 'atom',
  'http://purl.org/rss/1.0/': '',
  'http://my.netscape.com/rdf/simple/0.9/': '',
  'http://backend.userland.com/rss2': '',
  'http://backend.userland.com/rss': '',
  'http://purl.org/rss/1.0/modules/content/': 'content',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/terms/': 'dcterms',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#': 'rdf',
  'http://search.yahoo.com/mrss/': 'media',
  'http://search.yahoo.com/mrss': 'media',
  'http://www.itunes.com/dtds/podcast-1.0.dtd': 'itunes',
  'http://www.w3.org/1999/xhtml': 'xhtml',
  'http://purl.org/rss/1.0/modules/slash/': 'slash',
  'http://wellformedweb.org/commentapi/': 'wfw',
  'http://www.w3.org/xml/1998/namespace': 'xml',
  'http://rssnamespace.org/feedburner/ext/1.0': 'feedburner',
};

/** The element's name as "prefix:local" in Herald's canonical prefixes, or just "local", lower-cased. */
export function canonicalName(element: XmlElement): string {
  if (element.canonical === undefined) {
    const scope = scopeOf(element);
    let name = scope.resolved.get(element.name);
    if (name === undefined) {
      name = resolve(scope, element.name);
      scope.resolved.set(element.name, name);
    }
    element.canonical = name;
  }
  return element.canonical;
}

function resolve(scope: NamespaceScope, qualified: string): string {
  const colon = qualified.indexOf(':');
  const prefix = colon === -1 ? '' : qualified.slice(0, colon).toLowerCase();
  const local = qualified.slice(colon + 1).toLowerCase();
  if (prefix === 'xml') return `xml:${local}`;
  const uri = scope.uris.get(colon === -1 ? '' : qualified.slice(0, colon));
  const known = uri === undefined ? undefined : NAMESPACES[uri.toLowerCase().trim()];
  if (known !== undefined) return known ? `${known}:${local}` : local;
  return prefix ? `${prefix}:${local}` : local;
}

const EMPTY_SCOPE: NamespaceScope = { uris: new Map(), resolved: new Map() };

/** Most feeds declare their namespaces once, on the root; every element below shares that one scope. */
function scopeOf(element: XmlElement): NamespaceScope {
  if (element.scope) return element.scope;
  const inherited = element.parent ? scopeOf(element.parent) : EMPTY_SCOPE;
  let uris: Map<string, string> | undefined;
  for (const key in element.attributes) {
    if (key !== 'xmlns' && !key.startsWith('xmlns:')) continue;
    uris ??= new Map(inherited.uris);
    uris.set(key === 'xmlns' ? '' : key.slice(6), element.attributes[key]!);
  }
  element.scope = uris ? { uris, resolved: new Map() } : inherited;
  return element.scope;
}
