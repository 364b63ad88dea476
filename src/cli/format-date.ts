/** An ISO timestamp as a reader scans it in a terminal: "2024-09-12 09:00 UTC". */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
