import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/ingest/decode-text.ts';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
const latin1 = (text: string): Uint8Array => Uint8Array.from([...text].map((char) => char.charCodeAt(0)));

describe('decodeText', () => {
  it('strips a UTF-8 byte-order mark', () => {
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, 0x68, 0x69))).toBe('hi');
  });

  it('reads UTF-16 marked with a BOM', () => {
    expect(decodeText(bytes(0xff, 0xfe, 0x68, 0x00, 0x69, 0x00))).toBe('hi');
  });

  it('reads UTF-16 without a BOM from the zero bytes around "<"', () => {
    expect(decodeText(bytes(0x3c, 0x00, 0x61, 0x00, 0x3e, 0x00))).toBe('<a>');
  });

  it('lets the HTTP charset override the document declaration', () => {
    const doc = latin1('<?xml version="1.0" encoding="utf-8"?><t>caf\xe9</t>');
    expect(decodeText(doc, 'application/xml; charset=iso-8859-1')).toContain('café');
  });

  it('follows an XML encoding declaration', () => {
    expect(decodeText(latin1('<?xml version="1.0" encoding="ISO-8859-1"?><t>na\xefve</t>'))).toContain('naïve');
  });

  it('follows an HTML meta charset', () => {
    expect(decodeText(latin1('<html><head><meta charset="windows-1252"></head><body>\x93quoted\x94</body></html>'))).toContain('“quoted”');
  });

  it('falls back to windows-1252 when undeclared bytes are not UTF-8', () => {
    expect(decodeText(latin1('r\xe9sum\xe9'))).toBe('résumé');
  });

  it('treats an unknown declared charset as undeclared rather than failing', () => {
    expect(decodeText(new TextEncoder().encode('<?xml version="1.0" encoding="x-bogus"?><t>ok ✓</t>'))).toContain('ok ✓');
  });
});
