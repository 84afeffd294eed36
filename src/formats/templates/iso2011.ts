/**
 * Reader and writer for ISO/IEC 19794-2:2011 Finger Minutiae Records: the ISO/IEC 19794-1:2011
 * general header (format "FMR\0", version "030\0", length, representation count, certification
 * flag) and one representation per finger view.
 */
import { TemplateCursor, TemplateWriter } from './cursor.ts';
import { check, fail, isInt, readExtensionBlock, recordCursor, readMinutiae, writeExtensionBlock, writeMinutiae } from './fields.ts';
import { MAGIC, MAX_POSITION } from './layout.ts';
import type { Iso2011Record, Iso2011View } from './record.ts';

const VERSION_2011 = [0x30, 0x33, 0x30, 0x00]; // "030\0", shared with ANSI 378-2009
const HEADER = 15;
const REPRESENTATION_HEADER = 4;
const MAX_VIEWS = 176;

/**
 * ISO 19794-2:2011 and ANSI 378-2009 both start "FMR\0030\0"; ISO's representation lengths must add
 * up to its record length, which an ANSI header essentially never does.
 */
export function isIso2011(bytes: Uint8Array): boolean {
  if (bytes.length < HEADER || !MAGIC.every((b, i) => bytes[i] === b) || !VERSION_2011.every((b, i) => bytes[4 + i] === b)) return false;
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = v.getUint32(8);
  const count = v.getUint16(12);
  if (count < 1 || count > MAX_VIEWS || bytes[14]! > 1 || length > bytes.length) return false;
  let pos = HEADER;
  for (let i = 0; i < count; i++) {
    if (pos + REPRESENTATION_HEADER > length) return false;
    pos += v.getUint32(pos);
  }
  return pos === length;
}

export function readIso2011Record(bytes: Uint8Array): Iso2011Record {
  if (!MAGIC.every((b, i) => bytes[i] === b) || !VERSION_2011.every((b, i) => bytes[4 + i] === b)) {
    fail('SECCOM_TEMPLATE_FORMAT_UNKNOWN', 'not an ISO/IEC 19794-2:2011 record ("FMR\\0030\\0")', 0, 'version');
  }
  const head = new TemplateCursor(bytes);
  head.pos = 8;
  const length = head.u32('length');
  const c = recordCursor(bytes, length, head.pos);
  const count = c.u16('viewCount');
  if (count < 1 || count > MAX_VIEWS) fail('SECCOM_TEMPLATE_BAD_FIELD', `${count} representations, 1..${MAX_VIEWS} allowed`, 12, 'viewCount');
  const flag = c.u8('certificationFlag');
  if (flag > 1) fail('SECCOM_TEMPLATE_BAD_FIELD', `certification flag ${flag} is not 0 or 1`, 14, 'certificationFlag');
  const views: Iso2011View[] = [];
  for (let i = 0; i < count; i++) views.push(readView(c, flag === 1, `view[${i}]`));
  if (c.pos !== length) fail('SECCOM_TEMPLATE_LENGTH_MISMATCH', `${length - c.pos} bytes after the last representation`, c.pos, 'length');
  return { format: 'iso19794-2-2011', certificationFlag: flag === 1, views };
}

function readView(outer: TemplateCursor, certified: boolean, path: string): Iso2011View {
  const at = outer.pos;
  const length = outer.u32(`${path}.length`);
  if (length < REPRESENTATION_HEADER || at + length > outer.end) {
    fail('SECCOM_TEMPLATE_LENGTH_MISMATCH', `representation length ${length} does not fit the record`, at, `${path}.length`);
  }
  const c = new TemplateCursor(outer.bytes, at + length);
  c.pos = outer.pos;
  const captured = {
    year: c.u16(`${path}.captured`),
    month: c.u8(`${path}.captured`),
    day: c.u8(`${path}.captured`),
    hour: c.u8(`${path}.captured`),
    minute: c.u8(`${path}.captured`),
    second: c.u8(`${path}.captured`),
    millisecond: c.u16(`${path}.captured`),
  };
  const sensorType = c.u8(`${path}.sensorType`);
  const sensorVendor = c.u16(`${path}.sensorVendor`);
  const sensorId = c.u16(`${path}.sensorId`);
  const qualities = Array.from({ length: c.u8(`${path}.qualityCount`) }, () => ({
    quality: c.u8(`${path}.quality`),
    vendor: c.u16(`${path}.quality`),
    algorithm: c.u16(`${path}.quality`),
  }));
  const certificates = certified
    ? Array.from({ length: c.u8(`${path}.certificateCount`) }, () => ({ authority: c.u16(`${path}.certificate`), scheme: c.u8(`${path}.certificate`) }))
    : [];
  const fieldsAt = c.pos;
  const position = c.u8(`${path}.position`);
  if (position > MAX_POSITION) fail('SECCOM_TEMPLATE_BAD_FIELD', `finger position ${position} is not 0..10`, fieldsAt, `${path}.position`);
  const view = c.u8(`${path}.view`);
  const resolutionX = c.u16(`${path}.resolutionX`);
  const resolutionY = c.u16(`${path}.resolutionY`);
  const impression = c.u8(`${path}.impression`);
  const width = c.u16(`${path}.width`);
  const height = c.u16(`${path}.height`);
  const flags = c.u8(`${path}.minutiaFormat`);
  const bytesPerMinutia = flags >> 4;
  if (bytesPerMinutia !== 5 && bytesPerMinutia !== 6) {
    fail('SECCOM_TEMPLATE_BAD_FIELD', `minutia size ${bytesPerMinutia} is not 5 or 6 bytes`, c.pos - 1, `${path}.minutiaFormat`);
  }
  const minutiaQuality = bytesPerMinutia === 6;
  const minutiae = readMinutiae(c, path, minutiaQuality);
  const { areas } = readExtensionBlock(c, true, false, `${path}.extendedData`);
  if (c.pos !== c.end) fail('SECCOM_TEMPLATE_LENGTH_MISMATCH', `representation length ${length} disagrees with its contents`, at, `${path}.length`);
  outer.pos = c.end;
  return {
    captured,
    sensorType,
    sensorVendor,
    sensorId,
    qualities,
    certificates,
    position,
    view,
    resolutionX,
    resolutionY,
    impression,
    width,
    height,
    endingType: flags & 0xf,
    minutiaQuality,
    minutiae,
    extensions: areas,
  };
}

export function writeIso2011Record(r: Iso2011Record): Uint8Array {
  check(r.views.length >= 1 && r.views.length <= MAX_VIEWS, 'viewCount', `${r.views.length} finger views, 1..${MAX_VIEWS} allowed`);
  const w = new TemplateWriter();
  for (const b of [...MAGIC, ...VERSION_2011]) w.u8(b);
  w.u32(0);
  w.u16(r.views.length);
  w.u8(r.certificationFlag ? 1 : 0);
  r.views.forEach((v, i) => {
    const path = `view[${i}]`;
    const at = w.length;
    const t = v.captured;
    for (const [f, value, max] of [
      ['captured.year', t.year, 0xffff],
      ['captured.month', t.month, 0xff],
      ['captured.day', t.day, 0xff],
      ['captured.hour', t.hour, 0xff],
      ['captured.minute', t.minute, 0xff],
      ['captured.second', t.second, 0xff],
      ['captured.millisecond', t.millisecond, 0xffff],
      ['sensorType', v.sensorType, 0xff],
      ['sensorVendor', v.sensorVendor, 0xffff],
      ['sensorId', v.sensorId, 0xffff],
      ['position', v.position, MAX_POSITION],
      ['view', v.view, 0xff],
      ['resolutionX', v.resolutionX, 0xffff],
      ['resolutionY', v.resolutionY, 0xffff],
      ['impression', v.impression, 0xff],
      ['width', v.width, 0xffff],
      ['height', v.height, 0xffff],
      ['endingType', v.endingType, 0xf],
    ] as const) {
      check(isInt(value, max), `${path}.${f}`, `${f} ${value} is out of range`);
    }
    check(v.qualities.length <= 0xff && v.certificates.length <= 0xff, path, 'too many quality or certificate entries');
    check(r.certificationFlag || v.certificates.length === 0, `${path}.certificates`, 'certificates need the record certification flag');
    w.u32(0);
    w.u16(t.year);
    for (const b of [t.month, t.day, t.hour, t.minute, t.second]) w.u8(b);
    w.u16(t.millisecond);
    w.u8(v.sensorType);
    w.u16(v.sensorVendor);
    w.u16(v.sensorId);
    w.u8(v.qualities.length);
    for (const q of v.qualities) {
      check(isInt(q.quality, 0xff) && isInt(q.vendor, 0xffff) && isInt(q.algorithm, 0xffff), `${path}.quality`, 'quality record out of range');
      w.u8(q.quality);
      w.u16(q.vendor);
      w.u16(q.algorithm);
    }
    if (r.certificationFlag) {
      w.u8(v.certificates.length);
      for (const cert of v.certificates) {
        check(isInt(cert.authority, 0xffff) && isInt(cert.scheme, 0xff), `${path}.certificate`, 'certificate out of range');
        w.u16(cert.authority);
        w.u8(cert.scheme);
      }
    }
    w.u8(v.position);
    w.u8(v.view);
    w.u16(v.resolutionX);
    w.u16(v.resolutionY);
    w.u8(v.impression);
    w.u16(v.width);
    w.u16(v.height);
    w.u8(((v.minutiaQuality ? 6 : 5) << 4) | v.endingType);
    writeMinutiae(w, v.minutiae, path, v.minutiaQuality);
    writeExtensionBlock(w, v.extensions, true, `${path}.extendedData`);
    w.patch32(at, w.length - at);
  });
  w.patch32(8, w.length);
  return w.result();
}
