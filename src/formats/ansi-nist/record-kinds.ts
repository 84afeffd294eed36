/**
 * Which records are binary and how their fixed headers are laid out, and which tagged records
 * carry binary data in field 999 (ANSI/NIST-ITL 1-2011 Tables 14, 16, 17; NBIS an2k does the same).
 */

/** One fixed-width binary header field: `width` bytes, big-endian; `items` > 1 for FGP's one-byte items. */
export interface BinaryFieldLayout {
  readonly num: number;
  readonly name: string;
  readonly width: number;
  readonly items: number;
}

const imageHeader: readonly BinaryFieldLayout[] = [
  { num: 1, name: 'LEN', width: 4, items: 1 },
  { num: 2, name: 'IDC', width: 1, items: 1 },
  { num: 3, name: 'IMP', width: 1, items: 1 },
  { num: 4, name: 'FGP', width: 1, items: 6 },
  { num: 5, name: 'ISR', width: 1, items: 1 },
  { num: 6, name: 'HLL', width: 2, items: 1 },
  { num: 7, name: 'VLL', width: 2, items: 1 },
  { num: 8, name: 'GCA', width: 1, items: 1 },
];

const signatureHeader: readonly BinaryFieldLayout[] = [
  { num: 1, name: 'LEN', width: 4, items: 1 },
  { num: 2, name: 'IDC', width: 1, items: 1 },
  { num: 3, name: 'SIG', width: 1, items: 1 },
  { num: 4, name: 'SRT', width: 1, items: 1 },
  { num: 5, name: 'ISR', width: 1, items: 1 },
  { num: 6, name: 'HLL', width: 2, items: 1 },
  { num: 7, name: 'VLL', width: 2, items: 1 },
];

/**
 * Header layout of a binary record type (3-7: the 18-byte fingerprint image header, 8: the
 * 12-byte signature header), or undefined for tagged records. The data field follows, numbered
 * one past the last header field. Type-7 is user-defined in 1-2011; like NBIS and EBTS we read
 * it with the Type-4 header.
 */
export function binaryLayout(type: number): readonly BinaryFieldLayout[] | undefined {
  if (type >= 3 && type <= 7) return imageHeader;
  if (type === 8) return signatureHeader;
  return undefined;
}

export function headerBytes(layout: readonly BinaryFieldLayout[]): number {
  return layout.reduce((n, f) => n + f.width * f.items, 0);
}

/** Tagged records whose field 999 holds binary data that runs to the end of the record (by LEN). */
const taggedImageTypes = new Set([10, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 99]);

export function isBinaryDataField(type: number, num: number): boolean {
  return num === 999 && taggedImageTypes.has(type);
}

/** Record types this reader knows (1-2011 and earlier; 11 and 12 are reserved and refused). */
export function isKnownRecordType(type: number): boolean {
  return (type >= 1 && type <= 10) || (type >= 13 && type <= 22) || type === 98 || type === 99;
}
