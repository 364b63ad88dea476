import type { APIEmbed } from 'discord.js';
import type { Answer, AnswerSentence, AnswerSource } from '../../brief/answer/answer.ts';
import { ENGLISH, type ReplyText } from '../i18n/reply-text.ts';
import { DESCRIPTION_MAX, FOOTER_MAX, TITLE_MAX } from './embed-limits.ts';
import { joinWithin } from './join-within.ts';
import { contentMessage, type MessagePayload } from './message-payload.ts';
import { fitPlain, fitUntrusted, oneLine, safeLink } from './safe-text.ts';

/** A sentence quoted or written is cut at this length: four of them and their sources fit in one embed. */
const SENTENCE_MAX = 600;
const PUBLISHER_MAX = 100;
const HEADLINE_MAX = 150;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * An answer as one embed: the question as its title, the answer with a citation after every sentence, then the
 * sources, "[1] Coastline Post, 26 Sep 2024 — headline" linked to the article; below, who wrote it. Nothing
 * relevant stored is one line saying so.
 */
export function answerMessages(answer: Answer, options: { color?: number; text?: ReplyText } = {}): MessagePayload[] {
  const text = options.text ?? ENGLISH;
  const question = fitUntrusted(oneLine(answer.question), TITLE_MAX);
  if (!answer.found) return [contentMessage(text.answerNothingFound(question))];
  const quoted = answer.method === 'extractive';
  const heading = `**${text.answerSources}**\n`;
  const body = answer.sentences.map((sentence) => (quoted ? `• ${citedText(sentence)}` : citedText(sentence))).join(quoted ? '\n' : ' ');
  const sources = joinWithin(answer.sources.map(sourceLine), '\n', DESCRIPTION_MAX - body.length - heading.length - 2, (count) => `\n… ${text.andMore(count)}`);
  const footer = fitPlain(quoted ? text.answerQuoted : text.answerWrittenBy(answer.model), FOOTER_MAX);
  const embed: APIEmbed = {
    title: question || text.answerYourQuestion,
    description: [body, sources && heading + sources].filter(Boolean).join('\n\n'),
    footer: { text: footer },
    ...(options.color === undefined ? {} : { color: options.color }),
  };
  return [{ embeds: [embed], allowed_mentions: { parse: [] } }];
}

function citedText(sentence: AnswerSentence): string {
  return `${fitUntrusted(oneLine(sentence.text), SENTENCE_MAX)} ${sentence.citations.map((number) => `[${number}]`).join('')}`;
}

function sourceLine(source: AnswerSource): string {
  const credit = [fitUntrusted(oneLine(source.publisher), PUBLISHER_MAX), dayOf(source.publishedAt)].filter(Boolean).join(', ');
  return `[${source.number}] ${credit} — ${safeLink(source.title, source.url, HEADLINE_MAX)}`;
}

/** "26 Sep 2024", in UTC: the same on every reader's screen and in the console, unlike a Discord timestamp. */
function dayOf(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}
