import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../input-error.ts';
import type { RawDocument } from './extract-document.ts';
import type { Fetcher } from './fetch/fetcher.ts';

export function isUrl(input: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(input);
}

/**
 * Reads one file or URL; directories are expanded separately by `listInputs`. With `conditional`, a URL
 * unchanged since the last read (HTTP 304) gives undefined.
 */
export async function readInput(input: string, fetcher: Fetcher, options: { conditional?: boolean } = {}): Promise<RawDocument | undefined> {
  if (isUrl(input)) {
    const resource = await fetcher.fetch(input, { conditional: options.conditional ?? false });
    if (resource.status === 304) return undefined;
    return { location: input, url: resource.url, bytes: resource.body, ...(resource.contentType ? { contentType: resource.contentType } : {}) };
  }
  try {
    return { location: input, bytes: await readFile(input) };
  } catch (error) {
    throw new InputError(`${input}: ${describeFileError(error)}`);
  }
}

/** Expands directories into the files below them (hidden files skipped), keeping URLs and files as they are. */
export async function listInputs(inputs: string[]): Promise<string[]> {
  const listed: string[] = [];
  for (const input of inputs) {
    if (isUrl(input)) {
      listed.push(input);
      continue;
    }
    const info = await stat(input).catch(() => undefined);
    if (info?.isDirectory()) listed.push(...(await walk(input)));
    else listed.push(input);
  }
  return listed;
}

async function walk(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(full)));
    else if (entry.isFile()) files.push(full);
  }
  return files;
}

function describeFileError(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`;
  }
}
