/**
 * A one-line progress bar on stderr, drawn only on a terminal and only for runs long enough to need one.
 * Hand-written: it is a dozen lines, and the libraries for it bring their own terminal handling we do not need.
 */
export function createProgressBar(stream: NodeJS.WriteStream, minimumTotal = 5): (done: number, total: number) => void {
  if (!stream.isTTY) return () => {};
  let lastDrawn = 0;
  return (done, total) => {
    if (total < minimumTotal) return;
    const now = Date.now();
    if (done < total && now - lastDrawn < 100) return;
    lastDrawn = now;
    const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - 30));
    const filled = Math.round((done / total) * width);
    stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`);
    if (done === total) stream.write('\n');
  };
}
