/** Reader for ANSI INCITS 378-2004 and ISO/IEC 19794-2:2005 Finger Minutiae Records. */
import { TemplateCursor } from './cursor.ts';
import { fail, readExtensionBlock, readMinutiae, recordCursor } from './fields.ts';
import {
  HEADER_BYTES,
  IMPRESSION_TYPES,
  LAYOUTS,
  MAGIC,
  MAX_POSITION,
  MAX_QUALITY,
  VERSION_2005,
  type Layout,
} from './layout.ts';
import type { FingerViewRecord, MinutiaeFormat, MinutiaeRecord } from './record.ts';

const u16At = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u32At = (b: Uint8Array, i: number) => u16At(b, i) * 0x10000 + u16At(b, i + 2);

/**
 * Both editions start "FMR\0 20\0"; the length field tells them apart. A nonzero first 16 bits
 * is an ANSI 2-byte length; otherwise a 4-byte length matching the data is ISO, a 4-byte length
 * after the two zero bytes is ANSI's long form. Unclear cases default to ISO.
 */
export function detectFormat(bytes: Uint8Array): MinutiaeFormat {
  checkMagic(bytes);
  if (bytes.length < 12) fail('SECCOM_TEMPLATE_TRUNCATED', 'template ends inside its length field', bytes.length, 'length');
  if (u16At(bytes, 8) !== 0) return 'ansi378-2004';
  if (bytes.length >= 14 && u32At(bytes, 10) === bytes.length && u32At(bytes, 8) !== bytes.length) return 'ansi378-2004';
  return 'iso19794-2-2005';
}

function checkMagic(bytes: Uint8Array): void {
  const magic = MAGIC.every((b, i) => bytes[i] === b);
  if (!magic) fail('SECCOM_TEMPLATE_FORMAT_UNKNOWN', 'not a Finger Minutiae Record (no "FMR\\0" signature)', 0, 'magic');
  if (!VERSION_2005.every((b, i) => bytes[4 + i] === b)) {
    const v = String.fromCharCode(...bytes.subarray(4, 7)).replace(/[^\x20-\x7e]/g, '?');
    fail('SECCOM_TEMPLATE_FORMAT_UNKNOWN', `record version "${v}" is not the supported " 20" (2004/2005 editions)`, 4, 'version');
  }
}

/** Reads a record; the format is detected from the length field unless given. */
export function readMinutiaeRecord(bytes: Uint8Array, format: MinutiaeFormat = detectFormat(bytes)): MinutiaeRecord {
  checkMagic(bytes);
  const layout = LAYOUTS[format];
  const head = new TemplateCursor(bytes);
  head.pos = HEADER_BYTES;
  let length = layout.productId ? head.u16('length') : head.u32('length');
  if (layout.productId && length === 0) length = head.u32('length');
  const c = recordCursor(bytes, length, head.pos);
  const productOwner = layout.productId ? c.u16('productOwner') : 0;
  const productType = layout.productId ? c.u16('productType') : 0;
  const equipment = c.u16('equipment');
  const width = c.u16('width');
  const height = c.u16('height');
  const resolutionX = c.u16('resolutionX');
  const resolutionY = c.u16('resolutionY');
  const viewCount = c.u8('viewCount');
  c.u8('reserved');
  const variant = { extLengthIncludesHeader: layout.extLengthIncludesHeader };
  const views: FingerViewRecord[] = [];
  for (let v = 0; v < viewCount; v++) views.push(readView(c, layout, variant, `view[${v}]`));
  if (c.pos !== length) fail('SECCOM_TEMPLATE_LENGTH_MISMATCH', `${length - c.pos} bytes after the last finger view`, c.pos, 'length');
  return {
    format,
    productOwner,
    productType,
    compliance: equipment >> 12,
    equipmentId: equipment & 0xfff,
    width,
    height,
    resolutionX,
    resolutionY,
    views,
    ...(variant.extLengthIncludesHeader !== layout.extLengthIncludesHeader ? { extLengthIncludesHeader: variant.extLengthIncludesHeader } : {}),
  };
}

function readView(c: TemplateCursor, layout: Layout, variant: { extLengthIncludesHeader: boolean }, path: string): FingerViewRecord {
  const at = c.pos;
  const position = c.u8(`${path}.position`);
  if (position > MAX_POSITION) fail('SECCOM_TEMPLATE_BAD_FIELD', `finger position ${position} is not 0..10`, at, `${path}.position`);
  const viewImpression = c.u8(`${path}.view`);
  const impression = viewImpression & 0xf;
  if (!(IMPRESSION_TYPES as readonly number[]).includes(impression)) {
    fail('SECCOM_TEMPLATE_BAD_FIELD', `impression type ${impression} is not defined`, at + 1, `${path}.impression`);
  }
  const quality = c.u8(`${path}.quality`);
  if (quality > MAX_QUALITY) fail('SECCOM_TEMPLATE_BAD_FIELD', `finger quality ${quality} is above 100`, at + 2, `${path}.quality`);
  const minutiae = readMinutiae(c, path);
  // ISO 19794-2:2005 area lengths count the body only, but some SDKs count the 4-byte header as
  // ANSI 378 and the 2011 edition do; such a record is read that way and remembers it.
  const ext = readExtensionBlock(c, variant.extLengthIncludesHeader, layout.format === 'iso19794-2-2005', `${path}.extendedData`);
  variant.extLengthIncludesHeader = ext.includesHeader;
  return { position, view: viewImpression >> 4, impression, quality, minutiae, extensions: ext.areas };
}
