/**
 * Character-set rules for text values. Type-1 is 7-bit ASCII. Other records are 7-bit ASCII
 * unless 1.015 DCS declares a character set: index 001 (8-bit Latin-1) or 003 (UTF-8). A value
 * that breaks the rule is still decoded (as Latin-1, so no byte is lost) and reported.
 */
import { Buffer } from 'node:buffer';

export type TextEncoding = 'ascii' | 'latin1' | 'utf8';

/** The encoding 1.015 DCS subfields (CSI, CSN, CSV items) allow for records after Type-1. */
export function encodingFromDcs(dcs: string[][]): TextEncoding {
  let enc: TextEncoding = 'ascii';
  for (const [csi = '', csn = ''] of dcs) {
    const name = csn.toUpperCase();
    if (csi === '003' || name === 'UTF-8') return 'utf8';
    if (csi === '001' || name.startsWith('ASCII 8') || name === 'ISO-8859-1') enc = 'latin1';
  }
  return enc;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes bytes [start, end); `ok` is false when they break the encoding (then Latin-1 is used). */
export function decodeText(bytes: Uint8Array, start: number, end: number, enc: TextEncoding): { text: string; ok: boolean } {
  let high = false;
  for (let i = start; i < end; i++) {
    if (bytes[i]! >= 0x80) {
      high = true;
      break;
    }
  }
  if (high && enc === 'utf8') {
    try {
      return { text: utf8.decode(bytes.subarray(start, end)), ok: true };
    } catch {
      return { text: latin1(bytes, start, end), ok: false };
    }
  }
  return { text: latin1(bytes, start, end), ok: !high || enc === 'latin1' };
}

/** ISO-8859-1 decoding (byte = code point), lossless for any bytes. */
export function latin1(bytes: Uint8Array, start: number, end: number): string {
  if (end - start > 4096) return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1');
  return String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[]);
}

/** Encodes a value for writing; undefined when the encoding cannot carry one of its characters. */
export function encodeText(text: string, enc: TextEncoding): Uint8Array | undefined {
  let high = false;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) >= 0x80) {
      high = true;
      break;
    }
  }
  if (!high) return Buffer.from(text, 'latin1');
  if (enc === 'utf8') return Buffer.from(text, 'utf8');
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return undefined;
  // Latin-1 is also how a non-conforming value was decoded, so writing it back keeps its bytes.
  return Buffer.from(text, 'latin1');
}
