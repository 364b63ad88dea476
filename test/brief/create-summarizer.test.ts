import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createExtractiveSummarizer } from '../../src/brief/summarize/extractive-summarizer.ts';
import { createSummarizer } from '../../src/brief/summarize/create-summarizer.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { buildArticle } from '../../src/ingest/build-article.ts';
import type { Article, ArticleDraft } from '../../src/model/article.ts';
import { DEFAULT_ANSWER, startFakeOpenAiServer, type FakeOpenAiServer } from '../support/fake-openai-server.ts';
import { describeEachEngine, engineOpener } from '../support/store-engines.ts';

async function councilBudget(name = 'council-budget'): Promise<Article> {
  const file = new URL(`../fixtures/brief/llm/${name}.json`, import.meta.url);
  const draft = JSON.parse(await readFile(file, 'utf8')) as ArticleDraft;
  return buildArticle(draft, { source: { kind: 'file', location: file.pathname }, fetchedAt: new Date('2024-03-05T08:00:00Z') });
}

let server: FakeOpenAiServer;

beforeEach(async () => {
  server = await startFakeOpenAiServer();
});

afterEach(() => server.close());

describe('createSummarizer', () => {
  it('is extractive when neither OPENAI_API_KEY nor OPENAI_BASE_URL is set', async () => {
    const summarizer = await createSummarizer(await loadConfig({}), {});
    expect(summarizer.description).toBe('extractive');
    expect((await summarizer.summarize(await councilBudget())).method).toBe('extractive');
  });

  it('asks the server OPENAI_BASE_URL names, with no API key, using the configured model and settings', async () => {
    const env = { OPENAI_BASE_URL: server.baseURL };
    const summarizer = await createSummarizer(await loadConfig(env), env);
    expect(await summarizer.summarize(await councilBudget())).toEqual({ text: DEFAULT_ANSWER, method: 'llm', model: 'gpt-4o-mini' });
    expect(server.requests[0]?.body).toMatchObject({ model: 'gpt-4o-mini', temperature: 0.2, max_tokens: 300 });
    expect(summarizer.description).toBe(`gpt-4o-mini at ${server.baseURL}, extractive fallback`);
  });

  it('asks for the model OPENAI_MODEL names', async () => {
    const env = { OPENAI_BASE_URL: server.baseURL, OPENAI_MODEL: 'llama3.2:3b' };
    const summary = await (await createSummarizer(await loadConfig(env), env)).summarize(await councilBudget());
    expect(summary.model).toBe('llama3.2:3b');
    expect(server.requests[0]?.body.model).toBe('llama3.2:3b');
  });

  it('refuses an OPENAI_BASE_URL that is not a URL at once, rather than falling back on every article', async () => {
    const env = { OPENAI_BASE_URL: 'localhost:11434/v1' };
    const config = await loadConfig(env);
    await expect(createSummarizer(config, env)).rejects.toThrow('OPENAI_BASE_URL must be an http:// or https:// URL');
  });

  it('sends OPENAI_API_KEY as a bearer token and never shows it', async () => {
    const env = { OPENAI_BASE_URL: server.baseURL, OPENAI_API_KEY: 'sk-secret-key' };
    const summarizer = await createSummarizer(await loadConfig(env), env);
    await summarizer.summarize(await councilBudget());
    expect(server.requests[0]?.authorization).toBe('Bearer sk-secret-key');
    expect(summarizer.description).not.toContain('sk-secret-key');
  });

  it('falls back to the extractive summary when the model fails', async () => {
    server.script({ kind: 'status', status: 400 });
    const env = { OPENAI_BASE_URL: server.baseURL };
    const config = await loadConfig(env);
    const article = await councilBudget();
    const { maxChars, maxSentences } = config.summarizer;
    const summary = await (await createSummarizer(config, env)).summarize(article);
    expect(summary).toEqual(await createExtractiveSummarizer({ maxChars, maxSentences }).summarize(article));
  });

});

describeEachEngine('createSummarizer with a store', (engine) => {
  const stores = engineOpener(engine);
  afterEach(() => stores.closeAll());

  it('keeps model summaries in the store, so a summarizer opened later on the same store asks no more', async () => {
    const env = { OPENAI_BASE_URL: server.baseURL };
    const config = await loadConfig(env);
    const article = await councilBudget();
    const first = await stores.fresh();
    const written = await (await createSummarizer(config, env, { cache: first.summaries })).summarize(article);
    await first.close();
    const second = await stores.reopen(stores.lastLocation());
    const read = await (await createSummarizer(config, env, { cache: second.summaries })).summarize(article);
    expect(read).toEqual(written);
    expect(server.requests).toHaveLength(1);
  });

  it('keeps a translated summary with its translated headline, for readers of that language only', async () => {
    server.script({ kind: 'answer', text: 'Headline: Council passes a budget that gives schools more\nThe council passed the budget on Monday.' });
    const env = { OPENAI_BASE_URL: server.baseURL };
    const config = await loadConfig(env);
    const article = await councilBudget('conseil-budget-fr');
    const first = await stores.fresh();
    const written = await (await createSummarizer(config, env, { cache: first.summaries })).summarize(article, { language: 'en' });
    await first.close();
    const second = await stores.reopen(stores.lastLocation());
    const again = await createSummarizer(config, env, { cache: second.summaries });
    expect(await again.summarize(article, { language: 'en' })).toEqual({ ...written, title: 'Council passes a budget that gives schools more' });
    expect(server.requests).toHaveLength(1);
    await again.summarize(article, { language: 'fr' });
    expect(server.requests).toHaveLength(2);
  });
});

describe('createExtractiveSummarizer', () => {
  it('summarises an article read again with changes afresh, though it has the same id', async () => {
    const summarizer = createExtractiveSummarizer();
    const first = await councilBudget();
    const changed = { ...first, paragraphs: ['The council withdrew its budget on Thursday after a row over library closures, the leader said.'] };
    expect((await summarizer.summarize(first)).text).not.toContain('withdrew');
    expect((await summarizer.summarize(changed)).text).toContain('withdrew its budget');
    expect(await summarizer.summarize(first)).toEqual(await summarizer.summarize(first));
  });
});
