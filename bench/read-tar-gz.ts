import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

const BLOCK = 512;

/**
 * The files of a gzipped ustar archive, by their path inside it. The corpora are kept as one archive each:
 * thousands of small files would cost a clone far more than their bytes, and an archive keeps those bytes
 * exact (CRLF line ends and legacy encodings are what some feed cases test). Anything but plain files and
 * folders is refused, so an archive written in another tar dialect fails loudly instead of reading short.
 */
export function readTarGz(file: string): Map<string, Buffer> {
  const archive = gunzipSync(readFileSync(file));
  const files = new Map<string, Buffer>();
  let offset = 0;
  while (offset + BLOCK <= archive.length) {
    const header = archive.subarray(offset, offset + BLOCK);
    if (header.every((byte) => byte === 0)) break;
    const name = [text(header, 345, 155), text(header, 0, 100)].filter(Boolean).join('/');
    const size = parseInt(text(header, 124, 12).trim(), 8);
    const type = String.fromCharCode(header[156]!);
    if (type === '0' || type === '\0') files.set(name, archive.subarray(offset + BLOCK, offset + BLOCK + size));
    else if (type !== '5') throw new Error(`${file}: ${name} is neither a file nor a folder (tar type ${JSON.stringify(type)})`);
    offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  }
  return files;
}

/** A NUL-terminated field of a tar header. */
function text(header: Buffer, start: number, length: number): string {
  const field = header.subarray(start, start + length);
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? length : end).toString('utf8');
}
