/** Writer for ANSI INCITS 378-2004 and ISO/IEC 19794-2:2005 Finger Minutiae Records. */
import { SeccomError } from '../../errors/index.ts';
import { TemplateWriter } from './cursor.ts';
import { IMPRESSION_TYPES, LAYOUTS, MAGIC, MAX_COORDINATE, MAX_POSITION, MAX_QUALITY, MINUTIA_TYPE_CODES, VERSION_2005 } from './layout.ts';
import type { MinutiaeRecord } from './record.ts';

function check(ok: boolean, field: string, message: string): void {
  if (!ok) throw new SeccomError('SECCOM_TEMPLATE_UNENCODABLE', message, { location: { field } });
}

const isInt = (v: number, max: number) => Number.isInteger(v) && v >= 0 && v <= max;

export function writeMinutiaeRecord(r: MinutiaeRecord): Uint8Array {
  const layout = LAYOUTS[r.format];
  for (const [f, v] of [['width', r.width], ['height', r.height], ['resolutionX', r.resolutionX], ['resolutionY', r.resolutionY]] as const) {
    check(isInt(v, 0xffff), f, `${f} ${v} is not a 16-bit unsigned integer`);
  }
  check(isInt(r.productOwner, 0xffff) && isInt(r.productType, 0xffff), 'productId', 'product owner/type must be 16-bit');
  check(layout.productId || (r.productOwner === 0 && r.productType === 0), 'productId', `${layout.name} has no product identifier`);
  check(isInt(r.compliance, 0xf) && isInt(r.equipmentId, 0xfff), 'equipment', 'equipment compliance is 4 bits and id 12 bits');
  check(r.views.length <= 0xff, 'viewCount', `${r.views.length} finger views, at most 255`);
  const w = new TemplateWriter();
  for (const b of [...MAGIC, ...VERSION_2005]) w.u8(b);
  const lengthAt = w.length;
  if (layout.productId) {
    w.u16(0);
    w.u16(r.productOwner);
    w.u16(r.productType);
  } else w.u32(0);
  w.u16((r.compliance << 12) | r.equipmentId);
  w.u16(r.width);
  w.u16(r.height);
  w.u16(r.resolutionX);
  w.u16(r.resolutionY);
  w.u8(r.views.length);
  w.u8(0);
  r.views.forEach((v, i) => {
    const path = `view[${i}]`;
    check(isInt(v.position, MAX_POSITION), `${path}.position`, `finger position ${v.position} is not 0..10`);
    check(isInt(v.view, 15), `${path}.view`, `view number ${v.view} is not 0..15`);
    check((IMPRESSION_TYPES as readonly number[]).includes(v.impression), `${path}.impression`, `impression type ${v.impression} is not defined`);
    check(isInt(v.quality, MAX_QUALITY), `${path}.quality`, `finger quality ${v.quality} is not 0..100`);
    check(v.minutiae.length <= 0xff, `${path}.minutiaCount`, `${v.minutiae.length} minutiae, at most 255 per view`);
    w.u8(v.position);
    w.u8((v.view << 4) | v.impression);
    w.u8(v.quality);
    w.u8(v.minutiae.length);
    v.minutiae.forEach((m, k) => {
      const mp = `${path}.minutia[${k}]`;
      check(isInt(m.x, MAX_COORDINATE) && isInt(m.y, MAX_COORDINATE), `${mp}.x`, `coordinates (${m.x}, ${m.y}) are not 0..16383 integers`);
      check(isInt(m.angle, 0xff), `${mp}.angle`, `angle code ${m.angle} is not 0..255`);
      check(isInt(m.quality, MAX_QUALITY), `${mp}.quality`, `minutia quality ${m.quality} is not 0..100`);
      w.u16((MINUTIA_TYPE_CODES[m.type] << 14) | m.x);
      w.u16(m.y);
      w.u8(m.angle);
      w.u8(m.quality);
    });
    const header = (r.extLengthIncludesHeader ?? layout.extLengthIncludesHeader) ? 4 : 0;
    const block = v.extensions.reduce((n, e) => n + 4 + e.data.length, 0);
    check(block <= 0xffff, `${path}.extendedData`, 'extended data exceeds 65535 bytes');
    w.u16(block);
    for (const e of v.extensions) {
      check(isInt(e.type, 0xffff), `${path}.extendedData.type`, `extended data type ${e.type} is not 16-bit`);
      w.u16(e.type);
      w.u16(e.data.length + header);
      w.bytes(e.data);
    }
  });
  const length = w.length;
  if (!layout.productId) w.patch32(lengthAt, length);
  else if (length < 0x10000) w.patch16(lengthAt, length);
  else return longAnsi(w.result(), lengthAt);
  return w.result();
}

/** ANSI's long form: a zero 16-bit length followed by a 32-bit one, 4 bytes more in total. */
function longAnsi(short: Uint8Array, lengthAt: number): Uint8Array {
  const out = new Uint8Array(short.length + 4);
  out.set(short.subarray(0, lengthAt), 0);
  new DataView(out.buffer).setUint32(lengthAt + 2, out.length);
  out.set(short.subarray(lengthAt + 2), lengthAt + 6);
  return out;
}
