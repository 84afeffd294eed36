/** Writer for ANSI INCITS 378-2004 and ISO/IEC 19794-2:2005 Finger Minutiae Records. */
import { TemplateWriter } from './cursor.ts';
import { check, isInt, writeExtensionBlock, writeMinutiae } from './fields.ts';
import { IMPRESSION_TYPES, LAYOUTS, MAGIC, MAX_POSITION, MAX_QUALITY, VERSION_2005 } from './layout.ts';
import type { MinutiaeRecord } from './record.ts';

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
    w.u8(v.position);
    w.u8((v.view << 4) | v.impression);
    w.u8(v.quality);
    writeMinutiae(w, v.minutiae, path);
    writeExtensionBlock(w, v.extensions, r.extLengthIncludesHeader ?? layout.extLengthIncludesHeader, `${path}.extendedData`);
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
