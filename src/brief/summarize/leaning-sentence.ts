/**
 * A sentence whose subject or speaker is a bare pronoun: "He said the talks would resume", "“We are ready,”
 * she added." Out of its place in the article the reader cannot tell who "he" is, so it may stand in a summary
 * only right after the sentence it leans on.
 */
export function leansOnEarlierSentence(sentence: string): boolean {
  return PRONOUN_SUBJECT.test(sentence) || PRONOUN_SPEAKER.test(sentence);
}

const PRONOUN = String.raw`(?:he|she|they|his|her|their|him|them)`;
const SPEECH = String.raw`(?:said|says|added|adds|told|tells|wrote|writes|explained|continued|noted|argued|warned|insisted|stressed|claimed|asked|replied|recalled|admitted)`;

const PRONOUN_SUBJECT = new RegExp(String.raw`^["“‘']?${PRONOUN}\b`, 'i');

/** "She added that…", "He said on Tuesday…": speech given to a pronoun at the very start of the sentence. */
const REPORTED_SPEECH_OPENING = new RegExp(String.raw`^["“‘']?(?:he|she|they)\s+${SPEECH}\b`, 'i');

/** `“…,” he said`, `…, she added`, `“…” they told reporters`: speech given to a pronoun. */
const PRONOUN_SPEAKER = new RegExp(String.raw`(?:[,.!?…]["”’']?|["”’'])\s+${PRONOUN}\s+${SPEECH}\b`, 'i');

/**
 * Whether the sentence at `index` may stand beside the `chosen` ones: it does not lean on another, or the one
 * before it is chosen too and says who it means (names someone, or leans in turn on a sentence chosen before).
 * The first sentence of an article has nothing before it to lean on, so it stands as the article tells it ("They
 * worked nights on the bridge…" opens a feature), unless it opens by reporting speech ("She added that…"), which no
 * article opens with: that is a paragraph out of its place, a pull quote the page printed ahead of the story.
 */
export function standsBeside(sentences: string[], index: number, chosen: number[]): boolean {
  if (index === 0) return !REPORTED_SPEECH_OPENING.test(sentences[0]!);
  if (!leansOnEarlierSentence(sentences[index]!)) return true;
  const before = sentences[index - 1]!;
  return chosen.includes(index - 1) && (namesSomeone(before) || leansOnEarlierSentence(before));
}

/** The sentence before a leaning one that names who it means, to take along with it; none when that one leans too. */
export function leadInFor(sentences: string[], index: number): number | undefined {
  if (index === 0 || !leansOnEarlierSentence(sentences[index]!)) return undefined;
  const before = sentences[index - 1]!;
  return namesSomeone(before) && !leansOnEarlierSentence(before) ? index - 1 : undefined;
}

/**
 * Whether a sentence names someone or something a later pronoun can point back to: a capitalised word after
 * its first, which in English is a name ("Kim Jong-un", "the White House", "Reuters").
 */
function namesSomeone(sentence: string): boolean {
  return /\s["“‘'(]?\p{Lu}/u.test(sentence.replace(/^\S+/, ''));
}
