/** One part of `npm run bench`: a table that sets Herald beside its baseline, with notes on what was measured. */
export interface BenchSection {
  title: string;
  /** The first row is the header. */
  table: string[][];
  notes?: string[];
}

export function renderSection(section: BenchSection): string {
  const [header = [], ...rows] = section.table;
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [
    `### ${section.title}`,
    '',
    line(header),
    line(header.map(() => '---')),
    ...rows.map(line),
    ...(section.notes?.length ? ['', ...section.notes.map((note) => `- ${note}`)] : []),
    '',
  ].join('\n');
}

export function median(values: number[]): number {
  return percentile(values, 50);
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}
