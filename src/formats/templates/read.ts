/** Reader for ANSI INCITS 378-2004 and ISO/IEC 19794-2:2005 Finger Minutiae Records. */
import type { MinutiaType } from '../../biometrics/template.ts';
import { SeccomError, type ErrorCode } from '../../errors/index.ts';
import { TemplateCursor } from './cursor.ts';
import {
  HEADER_BYTES,
  IMPRESSION_TYPES,
  LAYOUTS,
  MAGIC,
  MAX_POSITION,
  MAX_QUALITY,
  MINUTIA_TYPE_CODES,
  VERSION_2005,
  type Layout,
} from './layout.ts';
import type { ExtendedData, FingerViewRecord, MinutiaRecord, MinutiaeFormat, MinutiaeRecord } from './record.ts';

const TYPE_BY_CODE: (MinutiaType | undefined)[] = ['other', 'ending', 'bifurcation', undefined];

function fail(code: ErrorCode, message: string, offset: number, field: string): never {
  throw new SeccomError(code, message, { location: { offset, field } });
}

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
  if (length > bytes.length) fail('SECCOM_TEMPLATE_TRUNCATED', `record length ${length} exceeds the ${bytes.length} bytes given`, bytes.length, 'length');
  // Records kept in fixed-size buffers arrive zero-padded; any other trailing byte is an error.
  for (let i = length; i < bytes.length; i++) {
    if (bytes[i] !== 0) fail('SECCOM_TEMPLATE_LENGTH_MISMATCH', `record length ${length} but ${bytes.length} bytes given`, 8, 'length');
  }
  const c = new TemplateCursor(bytes, length);
  c.pos = head.pos;
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
  const count = c.u8(`${path}.minutiaCount`);
  const minutiae: MinutiaRecord[] = [];
  for (let m = 0; m < count; m++) minutiae.push(readMinutia(c, `${path}.minutia[${m}]`));
  const extensions = readExtensions(c, layout, variant, `${path}.extendedData`);
  return { position, view: viewImpression >> 4, impression, quality, minutiae, extensions };
}

function readMinutia(c: TemplateCursor, path: string): MinutiaRecord {
  const at = c.pos;
  const tx = c.u16(`${path}.x`);
  const ry = c.u16(`${path}.y`);
  const angle = c.u8(`${path}.angle`);
  const quality = c.u8(`${path}.quality`);
  const type = TYPE_BY_CODE[tx >> 14];
  if (!type) fail('SECCOM_TEMPLATE_BAD_FIELD', 'minutia type code 3 is reserved', at, `${path}.type`);
  if (ry >> 14 !== 0) fail('SECCOM_TEMPLATE_BAD_FIELD', 'reserved bits above the y coordinate are set', at + 2, `${path}.y`);
  if (quality > MAX_QUALITY) fail('SECCOM_TEMPLATE_BAD_FIELD', `minutia quality ${quality} is above 100`, at + 5, `${path}.quality`);
  return { type, x: tx & 0x3fff, y: ry & 0x3fff, angle, quality };
}

/** Splits an extended data block into areas; undefined unless the areas tile the block exactly. */
function tileAreas(block: Uint8Array, includesHeader: boolean): ExtendedData[] | undefined {
  const out: ExtendedData[] = [];
  let pos = 0;
  while (pos < block.length) {
    if (pos + 4 > block.length) return undefined;
    const type = (block[pos]! << 8) | block[pos + 1]!;
    const body = ((block[pos + 2]! << 8) | block[pos + 3]!) - (includesHeader ? 4 : 0);
    if (body < 0 || pos + 4 + body > block.length) return undefined;
    out.push({ type, data: block.slice(pos + 4, pos + 4 + body) });
    pos += 4 + body;
  }
  return out;
}

/**
 * ISO 19794-2:2005 area lengths count the body only, but some SDKs count the 4-byte header as
 * ANSI 378 and the 2011 edition do; a block that only tiles that way is read that way, and the
 * record remembers it so it writes back unchanged.
 */
function readExtensions(c: TemplateCursor, layout: Layout, variant: { extLengthIncludesHeader: boolean }, path: string): ExtendedData[] {
  const at = c.pos;
  const blockLength = c.u16(`${path}.length`);
  const block = c.take(blockLength, `${path}.block`);
  const areas = tileAreas(block, variant.extLengthIncludesHeader);
  if (areas) return areas;
  const alternative = layout.format === 'iso19794-2-2005' ? tileAreas(block, !variant.extLengthIncludesHeader) : undefined;
  if (!alternative) fail('SECCOM_TEMPLATE_LENGTH_MISMATCH', 'extended data area lengths do not add up to their block', at, path);
  variant.extLengthIncludesHeader = !variant.extLengthIncludesHeader;
  return alternative;
}
