import nlp from 'compromise';
import { topicKey } from './topic-key.ts';

export interface TopicSource {
  title: string;
  dek?: string;
  paragraphs: string[];
}

type EntityKind = 'person' | 'place' | 'organization';

interface Mention {
  kind: EntityKind;
  name: string;
  position: number;
}

interface TopicCandidate {
  key: string;
  kind: EntityKind;
  count: number;
  firstPosition: number;
  forms: Map<string, number>;
}

/** Words that may sit inside a proper name without ending it ("Bank of England", "Abu al-Hassan"). */
const NAME_CONNECTORS = new Set(['of', 'the', 'and', 'de', 'da', 'del', 'der', 'van', 'von', 'la', 'le', 'al', 'bin', 'for', 'on', '&']);

/** Enough text for the entities that matter; compromise's cost grows with length and the lead carries the news. */
const MAX_CHARS = 12_000;

/**
 * People, places and organisations an article names, most salient first. The tagging is compromise's
 * (a rule-and-lexicon tagger that ships its model in the package); what is written here is the clean-up
 * news text needs: possessives, hyphenated given names, headline capitals, and short mentions ("Putin")
 * folded into the full name ("Vladimir Putin"). The headline is not tagged, because Title Case makes
 * every word look like a name; it is used to rank what the body names.
 */
export function extractTopics(source: TopicSource, limit = 12): string[] {
  const text = [source.dek ?? '', ...source.paragraphs].join('\n\n').slice(0, MAX_CHARS);
  if (!text.trim()) return [];
  const candidates = groupMentions(findMentions(text));
  foldShortNames(candidates);
  const titleKey = ` ${topicKey(source.title)} `;
  return [...candidates.values()]
    .map((candidate) => ({ candidate, score: salience(candidate, titleKey, text.length) }))
    .sort((a, b) => b.score - a.score || a.candidate.firstPosition - b.candidate.firstPosition)
    .slice(0, limit)
    .map(({ candidate }) => displayForm(candidate, source.title));
}

function findMentions(text: string): Mention[] {
  const doc = nlp(text);
  const mentions: Mention[] = [];
  const collect = (kind: EntityKind, matches: Array<{ offset?: { start: number; length: number } }>): void => {
    for (const match of matches) {
      if (!match.offset) continue;
      const span = extendHyphenatedName(text, match.offset.start, match.offset.length);
      // A dateline or label ("NORTH KOREA: North Korea's leader") runs two names together.
      for (const piece of span.split(/[:;|•–—]\s+/)) {
        const name = cleanName(piece);
        if (name) mentions.push({ kind, name, position: match.offset.start + span.indexOf(piece) });
      }
    }
  };
  const json = { offset: true, text: true };
  collect('person', doc.people().json(json));
  collect('place', doc.places().json(json));
  collect('organization', doc.organizations().json(json));
  return mentions;
}

/** compromise splits "Kim Jong-un" at the hyphen and keeps "Kim Jong-"; take the rest of the word back. */
function extendHyphenatedName(text: string, start: number, length: number): string {
  const span = text.slice(start, start + length);
  const rest = /^[\p{Ll}\p{Lu}]+/u.exec(text.slice(start + length));
  return /[-‐‑]$/.test(span) && rest ? span + rest[0] : span;
}

/** Trims a tagged span to the name itself, or returns undefined when what is left is not a proper name. */
function cleanName(raw: string): string | undefined {
  const words = raw
    .replace(/['’]s\b/g, '')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, '')
    .replace(/\.$/, (dot) => (/\b\p{Lu}\.\p{Lu}\.$/u.test(raw.trim()) ? dot : ''))
    .split(/\s+/)
    .filter(Boolean);
  while (words.length && !startsUpper(words[0]!)) words.shift();
  // "South Korean media", "French officials": an adjective before a common noun, not a name.
  if (words.length === 0 || !startsUpper(words.at(-1)!)) return undefined;
  if (words.some((word) => !startsUpper(word) && !NAME_CONNECTORS.has(word.toLowerCase()))) return undefined;
  const name = words.join(' ');
  if (name.length < 2 || /^\p{N}+$/u.test(name)) return undefined;
  return fixShouting(name);
}

function startsUpper(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/** "NORTH KOREA" from a dateline becomes "North Korea"; a short acronym such as "NATO" stays as it is. */
function fixShouting(name: string): string {
  if (name !== name.toUpperCase() || name.replace(/[^\p{L}]/gu, '').length <= 5) return name;
  return name.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, lead: string, letter: string) => lead + letter.toUpperCase());
}

function groupMentions(mentions: Mention[]): Map<string, TopicCandidate> {
  const candidates = new Map<string, TopicCandidate>();
  for (const mention of mentions) {
    const key = topicKey(mention.name);
    if (!key) continue;
    const existing = candidates.get(key);
    const candidate = existing ?? { key, kind: mention.kind, count: 0, firstPosition: mention.position, forms: new Map() };
    candidate.count += 1;
    candidate.firstPosition = Math.min(candidate.firstPosition, mention.position);
    candidate.forms.set(mention.name, (candidate.forms.get(mention.name) ?? 0) + 1);
    candidates.set(key, candidate);
  }
  return candidates;
}

/**
 * News names a person in full once and by one name after ("Kim", "Putin"). A one-word person whose word
 * belongs to exactly one longer person's name is that person; if it could be several, it is left alone.
 */
function foldShortNames(candidates: Map<string, TopicCandidate>): void {
  const fullNames = [...candidates.values()].filter((candidate) => candidate.kind === 'person' && candidate.key.includes(' '));
  for (const candidate of [...candidates.values()]) {
    if (candidate.key.includes(' ')) continue;
    const owners = fullNames.filter((full) => full.key.split(' ').includes(candidate.key));
    if (owners.length !== 1) continue;
    const owner = owners[0]!;
    owner.count += candidate.count;
    owner.firstPosition = Math.min(owner.firstPosition, candidate.firstPosition);
    candidates.delete(candidate.key);
  }
}

function salience(candidate: TopicCandidate, titleKey: string, textLength: number): number {
  const inTitle = candidate.key.split(' ').some((word) => word.length > 2 && titleKey.includes(` ${word} `));
  const earliness = 1 - candidate.firstPosition / Math.max(textLength, 1);
  return candidate.count + (inTitle ? 3 : 0) + earliness;
}

/** The spelling the headline uses if it names the topic in full, else the most frequent, else the longest. */
function displayForm(candidate: TopicCandidate, title: string): string {
  const words = candidate.key.split(' ');
  if (words.length > 1) {
    const pattern = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\-‐‑]+');
    const inTitle = new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, 'iu').exec(title)?.[0];
    if (inTitle && inTitle !== inTitle.toUpperCase()) return inTitle;
  }
  const forms = [...candidate.forms.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length);
  return forms[0]![0];
}
