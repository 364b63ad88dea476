/**
 * `work` done once for each key and remembered: for pure work asked of the same few thousand strings again and again
 * (a topic's key, a name's spellings, a term shared by every article that uses it). Past `most` keys the memory
 * starts afresh, so that a long-running process never grows without bound; what is forgotten is worked out again.
 */
export function rememberEach<T>(work: (key: string) => T, most: number): (key: string) => T {
  const remembered = new Map<string, T>();
  tables.add(remembered);
  return (key) => {
    let value = remembered.get(key);
    if (value === undefined) {
      if (remembered.size >= most) remembered.clear();
      remembered.set(key, (value = work(key)));
    }
    return value;
  };
}

const tables = new Set<Map<string, unknown>>();

/**
 * Lets go of everything remembered, as the store lets go of old articles: the words and names of articles long gone
 * would otherwise stay until a table filled, and a process running for weeks would hold them all that time.
 */
export function forgetRemembered(): void {
  for (const table of tables) table.clear();
}
