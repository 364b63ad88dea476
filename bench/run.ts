import { renderSection, type BenchSection } from './report.ts';

/**
 * `npm run bench`: every measurement side by side with its baseline, in one run on this machine.
 * Sections load lazily so that `npm run bench -- feeds` runs just one.
 */
const SECTIONS: Record<string, () => Promise<{ default: () => Promise<BenchSection> }>> = {
  html: () => import('./html.ts'),
  feeds: () => import('./feeds.ts'),
  summaries: () => import('./summaries.ts'),
  clustering: () => import('./clustering.ts'),
  languages: () => import('./languages.ts'),
  topics: () => import('./topics.ts'),
  search: () => import('./search.ts'),
  delivery: () => import('./delivery.ts'),
  scale: () => import('./scale.ts'),
  load: () => import('./load.ts'),
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in SECTIONS));
if (unknown.length) {
  process.stderr.write(`bench: unknown section(s) ${unknown.join(', ')}; choose from ${Object.keys(SECTIONS).join(', ')}\n`);
  process.exit(2);
}

process.stdout.write(`## Benchmarks (${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${process.platform}/${process.arch})\n\n`);
for (const name of wanted.length ? wanted : Object.keys(SECTIONS)) {
  process.stderr.write(`bench: running ${name}…\n`);
  const section = await (await SECTIONS[name]!()).default();
  process.stdout.write(`${renderSection(section)}\n`);
}
