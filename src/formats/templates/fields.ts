/**
 * Parts shared by every edition's layout: the 6-byte minutia, the extended data block, the
 * errors. Readers fail with SECCOM_TEMPLATE_* and a { offset, field } location; writers with
 * SECCOM_TEMPLATE_UNENCODABLE naming the field.
 */
import type { MinutiaType } from '../../biometrics/template.ts';
import { SeccomError, type ErrorCode } from '../../errors/index.ts';
import { TemplateCursor, type TemplateWriter } from './cursor.ts';
import { MAX_COORDINATE, MAX_QUALITY, MINUTIA_TYPE_CODES } from './layout.ts';
import type { ExtendedData, MinutiaRecord } from './record.ts';

const TYPE_BY_CODE: (MinutiaType | undefined)[] = ['other', 'ending', 'bifurcation', undefined];

export function fail(code: ErrorCode, message: string, offset: number, field: string): never {
  throw new SeccomError(code, message, { location: { offset, field } });
}

export function check(ok: boolean, field: string, message: string): void {
  if (!ok) throw new SeccomError('SECCOM_TEMPLATE_UNENCODABLE', message, { location: { field } });
}

/**
 * A cursor over the record's declared length. Records kept in fixed-size buffers arrive
 * zero-padded; any other byte after the record is an error.
 */
export function recordCursor(bytes: Uint8Array, length: number, pos: number): TemplateCursor {
  if (length > bytes.length) fail('SECCOM_TEMPLATE_TRUNCATED', `record length ${length} exceeds the ${bytes.length} bytes given`, bytes.length, 'length');
  for (let i = length; i < bytes.length; i++) {
    if (bytes[i] !== 0) fail('SECCOM_TEMPLATE_LENGTH_MISMATCH', `record length ${length} but ${bytes.length} bytes given`, 8, 'length');
  }
  const c = new TemplateCursor(bytes, length);
  c.pos = pos;
  return c;
}

export const isInt = (v: number, max: number) => Number.isInteger(v) && v >= 0 && v <= max;

/**
 * A count byte and that many minutiae: type (2 bits) and x (14), reserved (2) and y (14), angle,
 * and a quality byte unless `withQuality` is false (ISO 19794-2:2011 allows 5-byte minutiae).
 */
export function readMinutiae(c: TemplateCursor, path: string, withQuality = true): MinutiaRecord[] {
  const count = c.u8(`${path}.minutiaCount`);
  const out: MinutiaRecord[] = [];
  for (let m = 0; m < count; m++) {
    const mp = `${path}.minutia[${m}]`;
    const at = c.pos;
    const tx = c.u16(`${mp}.x`);
    const ry = c.u16(`${mp}.y`);
    const angle = c.u8(`${mp}.angle`);
    const quality = withQuality ? c.u8(`${mp}.quality`) : 0;
    const type = TYPE_BY_CODE[tx >> 14];
    if (!type) fail('SECCOM_TEMPLATE_BAD_FIELD', 'minutia type code 3 is reserved', at, `${mp}.type`);
    if (ry >> 14 !== 0) fail('SECCOM_TEMPLATE_BAD_FIELD', 'reserved bits above the y coordinate are set', at + 2, `${mp}.y`);
    if (quality > MAX_QUALITY) fail('SECCOM_TEMPLATE_BAD_FIELD', `minutia quality ${quality} is above 100`, at + 5, `${mp}.quality`);
    out.push({ type, x: tx & 0x3fff, y: ry & 0x3fff, angle, quality });
  }
  return out;
}

export function writeMinutiae(w: TemplateWriter, minutiae: MinutiaRecord[], path: string, withQuality = true): void {
  check(minutiae.length <= 0xff, `${path}.minutiaCount`, `${minutiae.length} minutiae, at most 255 per view`);
  w.u8(minutiae.length);
  minutiae.forEach((m, k) => {
    const mp = `${path}.minutia[${k}]`;
    check(isInt(m.x, MAX_COORDINATE) && isInt(m.y, MAX_COORDINATE), `${mp}.x`, `coordinates (${m.x}, ${m.y}) are not 0..16383 integers`);
    check(isInt(m.angle, 0xff), `${mp}.angle`, `angle code ${m.angle} is not 0..255`);
    check(isInt(m.quality, MAX_QUALITY), `${mp}.quality`, `minutia quality ${m.quality} is not 0..100`);
    w.u16((MINUTIA_TYPE_CODES[m.type] << 14) | m.x);
    w.u16(m.y);
    w.u8(m.angle);
    if (withQuality) w.u8(m.quality);
  });
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
 * The 16-bit block length and its areas. `includesHeader` says whether area lengths count their
 * 4-byte header; with `tolerant`, a block that only tiles the other way is read that way and the
 * convention actually found is returned.
 */
export function readExtensionBlock(
  c: TemplateCursor,
  includesHeader: boolean,
  tolerant: boolean,
  path: string,
): { areas: ExtendedData[]; includesHeader: boolean } {
  const at = c.pos;
  const blockLength = c.u16(`${path}.length`);
  const block = c.take(blockLength, `${path}.block`);
  const areas = tileAreas(block, includesHeader);
  if (areas) return { areas, includesHeader };
  const alternative = tolerant ? tileAreas(block, !includesHeader) : undefined;
  if (!alternative) fail('SECCOM_TEMPLATE_LENGTH_MISMATCH', 'extended data area lengths do not add up to their block', at, path);
  return { areas: alternative, includesHeader: !includesHeader };
}

export function writeExtensionBlock(w: TemplateWriter, areas: ExtendedData[], includesHeader: boolean, path: string): void {
  const block = areas.reduce((n, e) => n + 4 + e.data.length, 0);
  check(block <= 0xffff, path, 'extended data exceeds 65535 bytes');
  w.u16(block);
  for (const e of areas) {
    check(isInt(e.type, 0xffff), `${path}.type`, `extended data type ${e.type} is not 16-bit`);
    w.u16(e.type);
    w.u16(e.data.length + (includesHeader ? 4 : 0));
    w.bytes(e.data);
  }
}
