import escapeStringRegexp from 'escape-string-regexp';
import type { NameCandidate, Span } from './named-entities.ts';
import { topicKey } from './topic-key.ts';

/** A topic the extractors offer before the scorer decides whether to keep it. */
export interface TopicCandidate {
  topic: string;
  /** A person, place or organisation; otherwise a key subject ("heatwave", "moción de censura"). */
  isName: boolean;
  kind?: NameCandidate['kind'];
  /** Where the text writes it, every mention. */
  spans: Span[];
  /** Its place among the names, or among the subjects, as their extractor ranked them (0 first). */
  rank: number;
}

/** The article a candidate is read against: the text the extractors tagged (dek and first paragraph first). */
export interface CandidateContext {
  text: string;
  title: string;
  leadEnd: number;
  /** Mentions of all the names together: the share a name takes of them. */
  nameMentions: number;
}

/** The features the scorer weighs, in this order (topic-scorer.ts holds one weight for each). */
export const FEATURE_NAMES = [
  'bias',
  'log mentions',
  'written once',
  'once, after the lead',
  'headline names it whole',
  'headline shares a word',
  'in the lead',
  'first position',
  'paragraphs',
  'words',
  'share of mentions',
  'listed among three',
  'quoted speaker',
  'opens a sentence',
  'person',
  'place',
  'log rank',
  'person written once',
  'quoted once',
] as const;

/** Where a candidate sits against the text, as numbers the scorer weighs. */
export function candidateFeatures(candidate: TopicCandidate, context: CandidateContext, nameSpans: Span[]): number[] {
  // nameSpans: every name's mentions, in the order the text writes them.
  const { spans } = candidate;
  const count = Math.max(spans.length, 1);
  const first = spans.length ? Math.min(...spans.map(({ start }) => start)) : context.text.length;
  const inLead = first < context.leadEnd;
  const titleKey = ` ${singularKey(context.title)} `;
  const key = singularKey(candidate.topic);
  const whole = titleKey.includes(` ${key} `);
  const sharesWord = key.split(' ').some((word) => word.length > 2 && titleKey.includes(` ${word} `));
  // Names only: a short brief's one subject takes all the subjects' mentions, which says nothing of whether it is the story's.
  const share = candidate.isName ? count / Math.max(context.nameMentions, 1) : 0;
  const ratio = (test: (span: Span) => boolean): number => (spans.length ? spans.filter(test).length / spans.length : 0);
  return [
    1,
    Math.log1p(count),
    count === 1 ? 1 : 0,
    count === 1 && !inLead ? 1 : 0,
    whole ? 1 : 0,
    sharesWord && !whole ? 1 : 0,
    inLead ? 1 : 0,
    first / Math.max(context.text.length, 1),
    Math.log1p(new Set(spans.map(({ start }) => paragraphOf(context.text, start))).size),
    Math.min(key.split(' ').length, 4),
    share,
    candidate.isName ? ratio((span) => isListed(span, nameSpans, context.text)) : 0,
    candidate.isName ? ratio((span) => isSpeaker(span, context.text)) : 0,
    ratio((span) => opensSentence(span, context.text)),
    candidate.kind === 'person' ? 1 : 0,
    candidate.kind === 'place' ? 1 : 0,
    Math.log1p(candidate.rank),
    candidate.kind === 'person' && count === 1 ? 1 : 0,
    count === 1 && candidate.isName && isSpeaker(spans[0]!, context.text) ? 1 : 0,
  ];
}

/** A topic key with each word's plural s dropped and elisions apart: a headline's "floods" names "flood", its "l’incendie" "incendie". */
function singularKey(text: string): string {
  return topicKey(text.replace(/(?<=\b\p{L})['’](?=\p{L})/gu, ' '))
    .split(' ')
    .map((word) => (word.length > 3 && /[^s]s$/u.test(word) ? word.slice(0, -1) : word))
    .join(' ');
}

/** Where a lower-case subject is written, singular or plural, in any case: its mentions. */
export function subjectSpans(subject: string, text: string): Span[] {
  const words = subject.split(/\s+/).map((word) => escapeStringRegexp(word));
  const pattern = new RegExp(`(?<![\\p{L}])${words.join('[\\s-]+')}(?:s|es)?(?![\\p{L}])`, 'giu');
  return [...text.matchAll(pattern)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
}

function paragraphOf(text: string, position: number): number {
  return text.slice(0, position).split('\n\n').length;
}

/** Commas or a last "and" between names: "Italy, Spain, Greece and Portugal". */
const LIST_GAP = /^\s*(?:,|;|,?\s+(?:and|or|y|e|et|und|o|ou|ni|oder|ed)\s)\s*$/u;

/** One of three or more names in a row: a list, where each is a passing mention more often than the story's subject. */
function isListed(span: Span, sorted: Span[], text: string): boolean {
  const at = sorted.findIndex((other) => other.start === span.start);
  if (at < 0) return false;
  const linked = (a: Span | undefined, b: Span | undefined): boolean => Boolean(a && b && a.end <= b.start && LIST_GAP.test(text.slice(a.end, b.start)));
  let length = 1;
  for (let index = at; linked(sorted[index - 1], sorted[index]); index -= 1) length += 1;
  for (let index = at; linked(sorted[index], sorted[index + 1]); index += 1) length += 1;
  return length >= 3;
}

const SAID_AFTER = /^[^.!?\n]{0,60}?\b(?:said|says|told|added|explained|warned|dijo|afirmó|explicó|señaló|declaró|a déclaré|a dit|a expliqué|a affirmé|ha detto|ha spiegato|ha dichiarato|disse|afirmou|explicou|sagte|erklärte|betonte)\b/iu;
const SAID_BEFORE = /\b(?:said|says|according to|told by|según|dijo|selon|a déclaré|secondo|ha detto|segundo|disse|laut|sagte)\s+(?:\p{Ll}+\s+){0,3}$/iu;

/** A mention that attributes words ("…, Maria Lopez, a resident, said"): a speaker quoted, often once and about nothing of their own. */
function isSpeaker(span: Span, text: string): boolean {
  return SAID_AFTER.test(text.slice(span.end, span.end + 80)) || SAID_BEFORE.test(text.slice(Math.max(0, span.start - 40), span.start));
}

const SENTENCE_ARTICLE = '(?:(?:The|El|La|Le|Les|Il|Lo|Der|Die|Das|O|A|Os|As)\\s+)?';
const AFTER_SENTENCE_END = new RegExp(`(?:[.!?]["”’»]?\\s+|\\n\\s*)${SENTENCE_ARTICLE}$`, 'u');
const AT_TEXT_START = new RegExp(`^\\s*${SENTENCE_ARTICLE}$`, 'u');

/** The mention starts its sentence, perhaps after an article: what the sentence is about. */
function opensSentence(span: Span, text: string): boolean {
  const before = text.slice(Math.max(0, span.start - 12), span.start);
  return AFTER_SENTENCE_END.test(before) || (span.start <= 12 && AT_TEXT_START.test(before));
}
