import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';

async function configFile(content: string): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'herald-config-')), 'config.json');
  await writeFile(file, content);
  return file;
}

describe('loadConfig', () => {
  it('reads the shipped defaults: SQLite under ./data and 30 days of retention', async () => {
    const config = await loadConfig({});
    expect(config.store).toBe('sqlite://data/herald.sqlite');
    expect(config.retentionDays).toBe(30);
    expect(config.fetch.maxRedirects).toBe(5);
  });

  it('lets HERALD_STORE replace the store location', async () => {
    expect((await loadConfig({ HERALD_STORE: 'memory:' })).store).toBe('memory:');
  });

  it('adds HERALD_ALLOW_HOSTS to the hosts the private-address guard lets through', async () => {
    expect((await loadConfig({ HERALD_ALLOW_HOSTS: '127.0.0.1, localhost' })).fetch.allowHosts).toEqual(['127.0.0.1', 'localhost']);
  });

  it('ships a summarizer section: 400 characters, 3 sentences, and gpt-4o-mini when a model is configured', async () => {
    const { summarizer } = await loadConfig({});
    expect(summarizer.maxChars).toBe(400);
    expect(summarizer.maxSentences).toBe(3);
    expect(summarizer.llm).toEqual({
      model: 'gpt-4o-mini',
      temperature: 0.2,
      maxOutputTokens: 300,
      timeoutMs: 30_000,
      maxRetries: 2,
      maxCallsPerHour: 120,
      inputTokenBudget: 3000,
    });
  });

  it('ships story updates at most every 3 hours, looked for every 5 minutes, and keeps them so for a config written before them', async () => {
    expect((await loadConfig({})).updates).toEqual({ minHours: 3, checkEveryMinutes: 5 });
    const { updates: _updates, ...older } = await loadConfig({});
    expect((await loadConfig({ HERALD_CONFIG: await configFile(JSON.stringify(older)) })).updates).toEqual({ minHours: 3, checkEveryMinutes: 5 });
  });

  it('lets OPENAI_MODEL name the model the LLM summarizer asks', async () => {
    expect((await loadConfig({ OPENAI_MODEL: ' llama3.2:3b ' })).summarizer.llm.model).toBe('llama3.2:3b');
  });

  it('names a summarizer setting out of range by its path', async () => {
    const defaults = await loadConfig({});
    const summarizer = { ...defaults.summarizer, llm: { ...defaults.summarizer.llm, temperature: 5, maxRetries: -1 } };
    const file = await configFile(JSON.stringify({ ...defaults, summarizer }));
    await expect(loadConfig({ HERALD_CONFIG: file })).rejects.toThrow(/summarizer\.llm\.temperature: .*; summarizer\.llm\.maxRetries: /);
  });

  it('lists every mistake in a config file on one line', async () => {
    const file = await configFile(JSON.stringify({ store: '', retentionDays: -1, fetch: {}, ingest: { completeSnippets: 'yes', concurrency: 4 } }));
    const error = await loadConfig({ HERALD_CONFIG: file }).catch((caught: Error) => caught);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    expect(message).toMatch(/^config: .*config\.json has mistakes: /);
    expect(message).toContain('retentionDays');
    expect(message).toContain('ingest.completeSnippets');
    expect(message).toContain('fetch.timeoutMs');
  });

  it('names a key that is not part of the config, which is usually a typo', async () => {
    const file = await configFile(JSON.stringify({ ...(await loadConfig({})), retentionDayz: 3 }));
    await expect(loadConfig({ HERALD_CONFIG: file })).rejects.toThrow(/retentionDayz|Unrecognized key/);
  });

  it('reports a file that is not JSON in one line', async () => {
    const file = await configFile('{ store: ');
    await expect(loadConfig({ HERALD_CONFIG: file })).rejects.toThrow(/^config: .* not valid JSON/);
  });

  it('reports a missing config file', async () => {
    await expect(loadConfig({ HERALD_CONFIG: '/nonexistent/herald.json' })).rejects.toThrow('config: /nonexistent/herald.json cannot be read (ENOENT)');
  });
});
