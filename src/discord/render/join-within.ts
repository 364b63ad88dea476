/**
 * As many `items` as fit in `max` characters, joined by `separator`, followed by `more(left out)` when some
 * do not fit; empty when not even the first fits. Items stay whole: half a link is a broken link.
 */
export function joinWithin(items: string[], separator: string, max: number, more: (count: number) => string): string {
  let joined = '';
  for (const [index, item] of items.entries()) {
    const next = joined ? `${joined}${separator}${item}` : item;
    const left = items.length - index - 1;
    if (next.length + (left > 0 ? more(left).length : 0) > max) return joined && `${joined}${more(items.length - index)}`;
    joined = next;
  }
  return joined;
}
