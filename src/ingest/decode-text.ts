import { TextDecoder } from 'node:util';

/**
 * Turns fetched or read bytes into text, choosing the encoding the way browsers and feed readers do:
 * a byte-order mark (or UTF-16's zero bytes) wins, then the charset of the HTTP Content-Type, then the document's own declaration
 * (<?xml encoding="…"?> or <meta charset>), then UTF-8, and windows-1252 when the bytes are not valid UTF-8
 * (the usual encoding of undeclared legacy pages).
 */
export function decodeText(bytes: Uint8Array, contentType?: string): string {
  const bom = sniffBom(bytes);
  if (bom?.encoding === 'utf-32be' || bom?.encoding === 'utf-32le') return decodeUtf32(bytes.subarray(bom.length), bom.encoding === 'utf-32le');
  if (bom) return new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length));
  const declared = charsetFromContentType(contentType) ?? charsetFromDocument(bytes);
  const decoder = declared ? tryDecoder(declared) : undefined;
  if (decoder) return decoder.decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

function sniffBom(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  const [a, b, c, d] = bytes;
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return { encoding: 'utf-32be', length: 4 };
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return { encoding: 'utf-32le', length: 4 };
  if (a === 0 && b === 0 && c === 0 && d === 0x3c) return { encoding: 'utf-32be', length: 0 };
  if (a === 0x3c && b === 0 && c === 0 && d === 0) return { encoding: 'utf-32le', length: 0 };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  // XML 1.0 appendix F: "<" followed by a zero byte (or the reverse) is UTF-16 without a mark.
  if (bytes[0] === 0x3c && bytes[1] === 0x00) return { encoding: 'utf-16le', length: 0 };
  if (bytes[0] === 0x00 && bytes[1] === 0x3c) return { encoding: 'utf-16be', length: 0 };
  return undefined;
}

function charsetFromContentType(contentType: string | undefined): string | undefined {
  const match = contentType?.match(/charset\s*=\s*["']?([^"';\s]+)/i);
  return match?.[1];
}

/** Reads an encoding declared in the first bytes of an XML or HTML document, which are ASCII in every encoding we accept. */
function charsetFromDocument(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const xml = head.match(/^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i);
  if (xml) return xml[1];
  const meta = head.match(/<meta[^>]+charset\s*=\s*["']?([^"'\s/>;]+)/i);
  return meta?.[1];
}

function tryDecoder(label: string): Decoder | undefined {
  try {
    return decoderFor(label);
  } catch {
    return undefined;
  }
}

/** UTF-32, which TextDecoder does not support and which a few XML documents still use. */
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength - (bytes.byteLength % 4));
  const codePoints: number[] = [];
  for (let offset = 0; offset < view.byteLength; offset += 4) {
    const codePoint = view.getUint32(offset, littleEndian);
    codePoints.push(codePoint <= 0x10ffff ? codePoint : 0xfffd);
  }
  let text = '';
  for (let start = 0; start < codePoints.length; start += 8192) text += String.fromCodePoint(...codePoints.slice(start, start + 8192));
  return text;
}

interface Decoder {
  decode(bytes: Uint8Array): string;
}

function decoderFor(label: string): Decoder {
  // A page that declares UTF-16 but reached us without a BOM was almost always transcoded to UTF-8 on the way.
  const normalized = /^utf-?16/i.test(label) ? 'utf-8' : label.trim().toLowerCase();
  const decoder = new TextDecoder(normalized);
  return decoder.encoding === 'windows-1252' ? { decode: decodeWindows1252 } : decoder;
}

/**
 * The characters windows-1252 puts at 0x80–0x9F (curly quotes, dashes, the euro sign), where ISO-8859-1 has
 * control codes. Written out here because Node 20's TextDecoder decodes the label as ISO-8859-1 and loses
 * them, and the WHATWG Encoding standard maps "iso-8859-1", "latin1" and "us-ascii" to windows-1252 too.
 */
const WINDOWS_1252_HIGH = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8DŽ\x8F\x90‘’“”•–—˜™š›œ\x9DžŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192);
    text += String.fromCharCode(...chunk);
  }
  return text.replace(/[\x80-\x9f]/g, (char) => WINDOWS_1252_HIGH[char.charCodeAt(0) - 0x80]!);
}
