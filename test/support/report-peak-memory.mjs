// Preloaded into a child process (--import) so that it writes its own peak resident memory, in kilobytes, to
// HERALD_PEAK_MEMORY_FILE as it exits: the process's own figure (getrusage), whatever tools the machine has.
import { writeFileSync } from 'node:fs';

const file = process.env.HERALD_PEAK_MEMORY_FILE;
if (!file) throw new Error('report-peak-memory: HERALD_PEAK_MEMORY_FILE must name a file');
process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
