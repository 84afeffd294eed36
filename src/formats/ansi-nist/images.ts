/**
 * The image header of a record, read from its fields: binary Types 3-8 (IMP, FGP, ISR, HLL, VLL,
 * GCA) and tagged image records (x.003 IMP, x.006 HLL, x.007 VLL, x.008 SLC, x.009 THPS, x.011
 * CGA, x.012 BPX, x.013 FGP). Decoding the data is left to the codecs (src/formats/wsq, images).
 */
import type { ErrorCode } from '../../errors/index.ts';
import { canonicalTag, fieldSubfields, fieldValue, findField, recordData, type AnRecord } from './model.ts';

/** Compression names of ANSI/NIST-ITL 1-2011 Table 15; binary Types 4 and 7 use the numeric code (index). */
const binaryCompression = ['NONE', 'WSQ20', 'JPEGB', 'JPEGL', 'JP2', 'JP2L', 'PNG'] as const;
const taggedCompression = new Set<string>([...binaryCompression, 'WSQ']);

export interface ImageInfo {
  recordType: number;
  idc: number | undefined;
  width: number;
  height: number;
  /** Table 15 name (`WSQ20`, `JPEGB`, `NONE` ...); `vendor:<n>` for Type-3/5/6 vendor codes. */
  compression: string;
  /** Pixels per inch when the header says it (ISR 0 means the 500 ppi minimum resolution). */
  ppi: number | undefined;
  bitsPerPixel: number | undefined;
  impression: number | undefined;
  /** Finger/palm positions, without the 255 fill of binary records. */
  positions: number[];
  data: Uint8Array;
}

const int = (v: string | undefined): number | undefined => (v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined);

/** The image header and data of an image record, or undefined for records without image data. */
export function imageOf(record: AnRecord): ImageInfo | undefined {
  const data = recordData(record);
  if (!data) return undefined;
  const t = record.type;
  const positions = (num: number) =>
    fieldSubfields(record, num)
      .flat()
      .map(Number)
      .filter((n) => Number.isInteger(n) && n !== 255);
  if (record.encoding === 'binary') {
    const code = int(fieldValue(record, 8)) ?? 0;
    const isSignature = t === 8;
    return {
      recordType: t,
      idc: int(fieldValue(record, 2)),
      width: int(fieldValue(record, 6)) ?? 0,
      height: int(fieldValue(record, 7)) ?? 0,
      compression: isSignature ? signatureCompression(record) : binaryCompressionName(t, code),
      ppi: int(fieldValue(record, 5)) === 0 ? (t === 3 ? 250 : 500) : undefined,
      bitsPerPixel: t === 5 || t === 6 || isSignature ? 1 : 8,
      impression: isSignature ? undefined : int(fieldValue(record, 3)),
      positions: isSignature ? [] : positions(4),
      data: data.bytes,
    };
  }
  const slc = int(fieldValue(record, 8));
  const thps = int(fieldValue(record, 9));
  return {
    recordType: t,
    idc: int(fieldValue(record, 2)),
    width: int(fieldValue(record, 6)) ?? 0,
    height: int(fieldValue(record, 7)) ?? 0,
    compression: (fieldValue(record, 11) ?? 'NONE').toUpperCase(),
    ppi: thps === undefined ? undefined : slc === 1 ? thps : slc === 2 ? Math.round(thps * 2.54) : undefined,
    bitsPerPixel: t === 13 || t === 14 || t === 15 || t === 17 ? int(fieldValue(record, 12)) : undefined,
    impression: t === 13 || t === 14 || t === 15 ? int(fieldValue(record, 3)) : undefined,
    positions: t === 13 || t === 14 || t === 15 ? positions(13) : [],
    data: data.bytes,
  };
}

function binaryCompressionName(type: number, code: number): string {
  if (type === 4 || type === 7) return binaryCompression[code] ?? `unknown:${code}`;
  return code === 0 ? 'NONE' : `vendor:${code}`;
}

/** Type-8 SRT: 0 uncompressed, 1 compressed (FBI IAFIS-IC-0110 fax), 2 vector data. */
function signatureCompression(record: AnRecord): string {
  const srt = int(fieldValue(record, 4));
  return srt === 0 ? 'NONE' : srt === 1 ? 'FAX' : srt === 2 ? 'VECTOR' : `unknown:${srt}`;
}

const startsWith = (data: Uint8Array, sig: readonly number[]) => sig.every((b, i) => data[i] === b);
const signatures: Record<string, readonly (readonly number[])[]> = {
  WSQ20: [[0xff, 0xa0]],
  WSQ: [[0xff, 0xa0]],
  JPEGB: [[0xff, 0xd8]],
  JPEGL: [[0xff, 0xd8]],
  JP2: [
    [0, 0, 0, 0x0c, 0x6a, 0x50, 0x20, 0x20],
    [0xff, 0x4f, 0xff, 0x51],
  ],
  JP2L: [
    [0, 0, 0, 0x0c, 0x6a, 0x50, 0x20, 0x20],
    [0xff, 0x4f, 0xff, 0x51],
  ],
  PNG: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
};

export interface HeaderViolation {
  code: ErrorCode;
  message: string;
  field: string;
  severity: 'error' | 'warning';
}

/**
 * Impossible image headers (errors): zero size, unknown compression, bad finger positions.
 * Data unlike its declared format (warnings): NBIS's own test files carry placeholder payloads,
 * so a mismatch is reported for the codec to confirm, not taken as proof of a bad file.
 */
export function imageHeaderViolations(record: AnRecord): HeaderViolation[] {
  const info = imageOf(record);
  if (!info) return [];
  const t = record.type;
  // Types 18, 21 and 22 have no image header fields, and a Type-20 source has them only when it is an image.
  if (t === 18 || t === 21 || t === 22 || (t === 20 && findField(record, 6) === undefined)) return [];
  const out: HeaderViolation[] = [];
  const bad = (num: number, message: string, severity: HeaderViolation['severity'] = 'error') =>
    out.push({ code: 'SECCOM_ANSI_NIST_BAD_IMAGE_HEADER', message, field: canonicalTag(t, num), severity });
  const vector = t === 8 && info.compression === 'VECTOR';
  if (t !== 99 && !vector) {
    if (info.width === 0) bad(6, `Type-${t} image width (HLL) is 0 or missing`);
    if (info.height === 0) bad(7, `Type-${t} image height (VLL) is 0 or missing`);
  }
  // Type-7 is user-defined: its FGP bytes need not be finger positions.
  if (record.encoding === 'binary' && t !== 8 && t !== 7) {
    for (const p of fieldSubfields(record, 4).flat()) {
      const n = Number(p);
      if (n !== 255 && n > 15) bad(4, `finger position ${p} is outside 0-15 (255 = unused)`);
    }
  }
  const cgaField = record.encoding === 'binary' ? 8 : 11;
  if (info.compression.startsWith('unknown:')) bad(t === 8 ? 4 : cgaField, `unknown compression code ${info.compression.slice(8)}`);
  else if (record.encoding === 'tagged' && t !== 99 && t !== 16 && !taggedCompression.has(info.compression)) {
    bad(11, `unknown compression algorithm "${info.compression}"`);
  }
  const sigs = signatures[info.compression];
  if (sigs && info.data.length > 0 && !sigs.some((s) => startsWith(info.data, s))) {
    bad(cgaField, `compression is ${info.compression} but the image data does not start with its signature`, 'warning');
  }
  if (info.compression === 'NONE' && info.bitsPerPixel !== undefined && info.width > 0 && info.height > 0) {
    const rowBytes = Math.ceil((info.width * info.bitsPerPixel) / 8);
    const expected = rowBytes * info.height;
    if (expected !== info.data.length && (t === 4 || t === 3 || t === 5 || t === 6 || t === 13 || t === 14 || t === 15)) {
      bad(cgaField, `uncompressed ${info.width}x${info.height} image at ${info.bitsPerPixel} bit(s) needs ${expected} bytes, the record holds ${info.data.length}`, 'warning');
    }
  }
  return out;
}
