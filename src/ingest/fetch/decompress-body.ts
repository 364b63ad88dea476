import { promisify } from 'node:util';
import { brotliDecompress, gunzip, inflate, inflateRaw, type BrotliOptions, type ZlibOptions } from 'node:zlib';
import { FetchFailure } from './fetch-failure.ts';

type Decoder = (body: Buffer, options: ZlibOptions & BrotliOptions) => Promise<Buffer>;

const gunzipAsync: Decoder = promisify(gunzip);
const inflateAsync: Decoder = promisify(inflate);
const inflateRawAsync: Decoder = promisify(inflateRaw);
const brotliAsync: Decoder = promisify(brotliDecompress);

/** The content codings Herald asks for in Accept-Encoding, and so must be able to undo. */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

/**
 * Undoes the Content-Encoding of a response body, last coding first, with the size cap applied to each
 * output so a small gzip bomb is refused like a large body. Runs on zlib's thread pool, not the event loop.
 */
export async function decompressBody(body: Buffer, contentEncoding: string | undefined, maxBytes: number, maxBytesLabel: string): Promise<Buffer> {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding && coding !== 'identity')
    .reverse();
  let decoded = body;
  for (const coding of codings) {
    const decode = decoderFor(coding, decoded);
    if (!decode) throw new FetchFailure(`unsupported content encoding "${coding}"`);
    try {
      decoded = await decode(decoded, { maxOutputLength: maxBytes });
    } catch (error) {
      if (error instanceof RangeError || (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new FetchFailure(`response larger than ${maxBytesLabel} once decompressed`);
      }
      throw new FetchFailure(`damaged ${coding} body (${(error as Error).message})`);
    }
  }
  return decoded;
}

function decoderFor(coding: string, body: Buffer): Decoder | undefined {
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
      return gunzipAsync;
    case 'br':
      return brotliAsync;
    case 'deflate':
      // "deflate" means zlib-wrapped (RFC 9110), but enough servers send raw deflate that browsers accept both; the header tells them apart.
      return hasZlibHeader(body) ? inflateAsync : inflateRawAsync;
    default:
      return undefined;
  }
}

function hasZlibHeader(body: Buffer): boolean {
  const [first, second] = body;
  return first !== undefined && second !== undefined && (first & 0x0f) === 8 && ((first << 8) | second) % 31 === 0;
}
