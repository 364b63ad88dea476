import { decodeHTML } from 'entities';
import { definedFields } from '../../model/defined-fields.ts';

/** What a page's JSON-LD says about its article, already reduced to plain strings. */
export interface JsonLdArticle {
  headline?: string;
  description?: string;
  authors?: string;
  publisher?: string;
  datePublished?: string;
  url?: string;
  imageUrl?: string;
  language?: string;
  articleBody?: string;
}

type JsonObject = Record<string, unknown>;

const ARTICLE_TYPES = /^(?:\w*NewsArticle|Article|BlogPosting|LiveBlogPosting|TechArticle|ScholarlyArticle|Report|SocialMediaPosting|Review)$/;

/**
 * The first article object anywhere in the page's JSON-LD: top level, inside @graph, or under mainEntity,
 * with @type a string, an array of strings, or a full schema.org URL. `title` is the page's <title>, used
 * to choose between a headline and a name that disagree.
 */
export function readJsonLdArticle(jsonLd: unknown[], title: string | undefined): JsonLdArticle | undefined {
  const article = findObject(jsonLd, (types) => types.some((type) => ARTICLE_TYPES.test(type)));
  if (!article) return undefined;
  return definedFields<JsonLdArticle>({
    headline: headline(article, title),
    description: jsonText(article.description),
    authors: authorNames(article.author),
    publisher: jsonText(objectField(article.publisher, 'name')),
    datePublished: jsonText(article.datePublished) ?? jsonText(article.dateCreated),
    url: jsonText(article.url) ?? mainEntityUrl(article.mainEntityOfPage),
    imageUrl: imageUrl(article.image),
    language: jsonText(article.inLanguage),
    articleBody: typeof article.articleBody === 'string' ? article.articleBody : undefined,
  });
}

/** The site's own name from a WebSite or organisation object, for pages whose article object names no publisher. */
export function readJsonLdSiteName(jsonLd: unknown[]): string | undefined {
  return jsonText(findObject(jsonLd, (types) => types.includes('WebSite') || types.includes('NewsMediaOrganization'))?.name);
}

/**
 * Some sites put the article's title in `name` and their own in `headline`, or the reverse. When the two
 * differ, the one the page's <title> contains is the article's (as Readability also decides).
 */
function headline(article: JsonObject, title: string | undefined): string | undefined {
  const head = jsonText(article.headline);
  const name = jsonText(article.name);
  if (!head || !name || head === name || !title) return head ?? name;
  const page = comparable(title);
  if (page.includes(comparable(head))) return head;
  return page.includes(comparable(name)) ? name : head;
}

function comparable(value: string): string {
  return value.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function findObject(jsonLd: unknown[], matches: (types: string[]) => boolean): JsonObject | undefined {
  let found: JsonObject | undefined;
  walk(jsonLd, (object) => {
    if (!found && matches(typesOf(object))) found = object;
  });
  return found;
}

/** Visits every object in JSON-LD, through arrays, @graph and the properties that hold the main content. */
function walk(value: unknown, visit: (object: JsonObject) => void, depth = 0): void {
  if (depth > 8 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) walk(item, visit, depth + 1);
    return;
  }
  const object = value as JsonObject;
  visit(object);
  for (const key of ['@graph', 'mainEntity', 'itemListElement', 'hasPart']) walk(object[key], visit, depth + 1);
}

function typesOf(object: JsonObject): string[] {
  const type = object['@type'];
  return (Array.isArray(type) ? type : [type]).filter((item): item is string => typeof item === 'string').map((item) => item.replace(/^https?:\/\/schema\.org\//, ''));
}

/** A JSON-LD value as one line of plain text: the first of an array, entities decoded (templates often leave them in). */
function jsonText(value: unknown): string | undefined {
  if (Array.isArray(value)) return jsonText(value[0]);
  if (typeof value !== 'string') return undefined;
  const trimmed = decodeHTML(value).replace(/\s+/g, ' ').trim();
  return trimmed || undefined;
}

function objectField(value: unknown, key: string): unknown {
  const object = Array.isArray(value) ? value[0] : value;
  return object && typeof object === 'object' ? (object as JsonObject)[key] : undefined;
}

/**
 * Every named author, in order. People are preferred to organisations: an article "by Tech Insider and
 * Alex Perry" is by Alex Perry, published by Tech Insider.
 */
function authorNames(value: unknown): string | undefined {
  const authors = (Array.isArray(value) ? value : [value]).filter((author) => author !== null && author !== undefined);
  const people = authors.filter((author) => typeof author === 'string' || !typesOf(author as JsonObject).some((type) => /Organization$/.test(type)));
  const names = (people.length ? people : authors)
    .map((author) => jsonText(typeof author === 'string' ? author : objectField(author, 'name')))
    .filter((name): name is string => !!name && !/^https?:\/\//.test(name));
  return names.length ? [...new Set(names)].join(', ') : undefined;
}

function mainEntityUrl(entity: unknown): string | undefined {
  if (typeof entity === 'string') return entity;
  return jsonText(objectField(entity, '@id') ?? objectField(entity, 'url'));
}

function imageUrl(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return imageUrl(value[0]);
  return jsonText(objectField(value, 'url') ?? objectField(value, 'contentUrl'));
}
