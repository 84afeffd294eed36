/**
 * Binary record data that XML spells out as elements: a run of fixed-size groups of big-endian
 * unsigned integers (Type-8 vectors: X, Y, pen pressure). As text, one subfield per group and one
 * item per integer, so the mapping rows can place them like any other field.
 */
import { SeccomError, type ErrorLocation } from '../../../errors/index.ts';
import type { When } from './nodes.ts';

export interface DataGroups {
  /** Bytes of each integer in a group. */
  widths: readonly number[];
  /** The record value that says the data is in groups (SRT 2 for Type-8). */
  when: When;
  /** Fewest groups the XML form allows (the XSD's minOccurs). */
  min: number;
}

const groupSize = (g: DataGroups) => g.widths.reduce((a, b) => a + b, 0);

/** The data as groups of decimal items, or undefined when it is not a whole number of at least `min` groups. */
export function toGroups(g: DataGroups, bytes: Uint8Array): string[][] | undefined {
  const size = groupSize(g);
  if (bytes.length % size !== 0 || bytes.length / size < g.min) return undefined;
  const out: string[][] = [];
  for (let at = 0; at < bytes.length; ) {
    out.push(
      g.widths.map((w) => {
        let v = 0;
        for (let k = 0; k < w; k++) v = v * 256 + bytes[at++]!;
        return String(v);
      }),
    );
  }
  return out;
}

/** Packs groups read from XML back into bytes; an item that is not an integer of its width is invalid. */
export function fromGroups(g: DataGroups, subfields: readonly (readonly string[])[], where: ErrorLocation): Uint8Array {
  const bytes = new Uint8Array(subfields.length * groupSize(g));
  let at = 0;
  for (const items of subfields) {
    g.widths.forEach((w, i) => {
      const text = items[i] ?? '';
      const v = /^\d{1,10}$/.test(text) ? Number(text) : -1;
      if (v < 0 || v >= 256 ** w) {
        throw new SeccomError('SECCOM_ANSI_NIST_XML_INVALID', `"${text}" is not an integer of ${w * 8} bits`, { location: where });
      }
      for (let k = w - 1; k >= 0; k--) bytes[at + k] = Math.floor(v / 256 ** (w - 1 - k)) % 256;
      at += w;
    });
  }
  return bytes;
}
