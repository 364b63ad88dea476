import { describe, expect, it } from 'vitest';
import type { Answer, AnswerSource } from '../../../src/brief/answer/answer.ts';
import { answerMessages } from '../../../src/discord/render/answer-messages.ts';
import { messageToText } from '../../../src/discord/render/console-text.ts';
import { validateMessage } from '../../../src/discord/render/embed-limits.ts';

const AGNES: AnswerSource = {
  number: 1,
  title: 'Storm Agnes: amber wind warning issued for west coast',
  publisher: 'Coastline Post',
  url: 'https://coastline.example/news/storm-agnes-amber-warning',
  publishedAt: '2024-09-26T05:30:00.000Z',
};
const WIRE: AnswerSource = { number: 2, title: 'Storm Agnes to bring gusts of up to 80mph', publisher: 'World Wire', url: 'https://worldwire.example/weather/storm-agnes-warning', publishedAt: '2024-09-25T23:10:00.000Z' };
const QUESTION = 'What did the Met Office warn about Storm Agnes?';

type Found = Extract<Answer, { found: true }>;

function quoted(sentences: Found['sentences'], sources: AnswerSource[] = [AGNES, WIRE]): Found {
  return { question: QUESTION, found: true, method: 'extractive', sentences, sources };
}

describe('answerMessages', () => {
  it('shows the question as the title, each quoted sentence with its citations, and the sources with publisher, day and link', () => {
    const [message] = answerMessages(quoted([{ text: 'The Met Office has issued an amber warning for wind.', citations: [1] }, { text: 'Gusts of up to 80mph are expected.', citations: [2, 1] }]));
    expect(message!.embeds).toEqual([
      {
        title: QUESTION,
        description:
          '• The Met Office has issued an amber warning for wind. [1]\n• Gusts of up to 80mph are expected. [2][1]\n\n**Sources**\n' +
          '[1] Coastline Post, 26 Sep 2024 — [Storm Agnes: amber wind warning issued for west coast](https://coastline.example/news/storm-agnes-amber-warning)\n' +
          '[2] World Wire, 25 Sep 2024 — [Storm Agnes to bring gusts of up to 80mph](https://worldwire.example/weather/storm-agnes-warning)',
        footer: { text: 'Sentences quoted from the sources above.' },
      },
    ]);
  });

  it('writes a model’s answer as one paragraph and names the model', () => {
    const [message] = answerMessages({ ...quoted([{ text: 'An amber warning is in force.', citations: [1] }, { text: 'Ferries may be cancelled.', citations: [2] }]), method: 'llm', model: 'gpt-4o-mini' });
    expect(message!.embeds![0]!.description).toMatch(/^An amber warning is in force\. \[1\] Ferries may be cancelled\. \[2\]\n\n\*\*Sources\*\*/);
    expect(message!.embeds![0]!.footer?.text).toBe('Written by gpt-4o-mini from the sources above; check them before you rely on it.');
  });

  it('says in one line that nothing was found, quoting the question safely', () => {
    expect(answerMessages({ question: 'Who won the *Olympic* final @everyone?', found: false })).toEqual([
      { content: 'I found nothing in this server’s sources about “Who won the \\*Olympic\\* final @\u200Beveryone?”.', allowed_mentions: { parse: [] } },
    ]);
  });

  it('escapes article text so that a sentence can neither ping, format nor link', () => {
    const [message] = answerMessages(quoted([{ text: '@everyone **free** [prize](https://evil.example)', citations: [1] }], [{ ...AGNES, title: 'Click ](https://evil.example)' }]));
    const description = message!.embeds![0]!.description!;
    expect(description).toContain('@\u200Beveryone \\*\\*free\\*\\* \\[prize\\]');
    expect(description).not.toMatch(/(?<!\\)\]\(https:\/\/evil/);
  });

  it('stays within every Discord limit, however long the sentences, titles and addresses', () => {
    const long = 'The warning covers every harbour and headland on the coast. '.repeat(40);
    const sources = Array.from({ length: 5 }, (_, index) => ({ ...AGNES, number: index + 1, title: 'T'.repeat(500), url: `https://coastline.example/${'a'.repeat(1_900)}/${index}` }));
    const messages = answerMessages(quoted(Array.from({ length: 4 }, (_, index) => ({ text: long, citations: [index + 1] })), sources));
    for (const message of messages) expect(validateMessage(message)).toEqual([]);
  });

  it('prints in the console as the README shows it', () => {
    const [message] = answerMessages(quoted([{ text: 'The Met Office has issued an amber warning for wind.', citations: [1] }], [AGNES]));
    expect(messageToText(message!)).toBe(
      [
        QUESTION,
        '-----------------------------------------------',
        '• The Met Office has issued an amber warning for wind. [1]',
        '',
        'Sources',
        '[1] Coastline Post, 26 Sep 2024 — Storm Agnes: amber wind warning issued for',
        'west coast <https://coastline.example/news/storm-agnes-amber-warning>',
        'Sentences quoted from the sources above.',
      ].join('\n'),
    );
  });
});
