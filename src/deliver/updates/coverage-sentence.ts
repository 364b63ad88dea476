import type { NewCoverage } from './decide-update.ts';

/** Sites named one by one before the rest are counted. */
const NAMED_SITES = 3;

/**
 * What changed, in one or two sentences: who reports the story now, then the new facts.
 * "Harbour Times and Bay Gazette now report it. New: 4,000 evacuated, Ana Ruiz; headline now “Dam holds”."
 */
export function coverageSentence(coverage: Pick<NewCoverage, 'publishers' | 'figures' | 'names' | 'headline'>): string {
  const sentences: string[] = [];
  const { publishers } = coverage;
  if (publishers.length > 0) sentences.push(`${sitesPhrase(publishers)} now ${publishers.length === 1 ? 'reports' : 'report'} it.`);
  const facts = [...coverage.figures, ...coverage.names].join(', ');
  const headline = coverage.headline ? `headline now “${coverage.headline}”` : '';
  if (facts || headline) sentences.push(`New: ${[facts, headline].filter(Boolean).join('; ')}.`);
  return sentences.join(' ');
}

function sitesPhrase(sites: string[]): string {
  if (sites.length > NAMED_SITES) return `${sites.slice(0, NAMED_SITES).join(', ')} and ${sites.length - NAMED_SITES} more sites`;
  if (sites.length === 1) return sites[0]!;
  return `${sites.slice(0, -1).join(', ')} and ${sites.at(-1)}`;
}
