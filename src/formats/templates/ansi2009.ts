/** Reader and writer for ANSI INCITS 378-2009 and 378-2009/Amd 1 Finger Minutiae Records. */
import { TemplateCursor, TemplateWriter } from './cursor.ts';
import { check, fail, isInt, readExtensionBlock, recordCursor, readMinutiae, writeExtensionBlock, writeMinutiae } from './fields.ts';
import { isIso2011 } from './iso2011.ts';
import { MAGIC, MAX_POSITION, MAX_QUALITY } from './layout.ts';
import type { Ansi2009Format, Ansi2009Record, Ansi2009View } from './record.ts';

const VERSIONS: Record<Ansi2009Format, number[]> = {
  'ansi378-2009': [0x30, 0x33, 0x30, 0x00], // "030\0"
  'ansi378-2009am1': [0x30, 0x33, 0x35, 0x00], // "035\0"
};
const IMPRESSIONS = new Set([0, 1, 2, 3, 8, 10, 11, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29]);
const QUALITY_NOT_COMPUTED = 254;
const QUALITY_FAILED = 255;
const MIN_LENGTH = 21;

const validQuality = (q: number) => q <= MAX_QUALITY || q === QUALITY_NOT_COMPUTED || q === QUALITY_FAILED;

/** The 2009 edition a record claims by its version (an ISO 19794-2:2011 record aside), or undefined. */
export function ansi2009Edition(bytes: Uint8Array): Ansi2009Format | undefined {
  if (!MAGIC.every((b, i) => bytes[i] === b) || isIso2011(bytes)) return undefined;
  return (Object.keys(VERSIONS) as Ansi2009Format[]).find((f) => VERSIONS[f].every((b, i) => bytes[4 + i] === b));
}

export function readAnsi2009Record(bytes: Uint8Array): Ansi2009Record {
  const format = ansi2009Edition(bytes);
  if (!format) fail('SECCOM_TEMPLATE_FORMAT_UNKNOWN', 'not an ANSI INCITS 378-2009 record ("FMR\\0030\\0" or "FMR\\0035\\0")', 0, 'version');
  const head = new TemplateCursor(bytes);
  head.pos = 8;
  const length = head.u32('length');
  if (length < MIN_LENGTH) fail('SECCOM_TEMPLATE_LENGTH_MISMATCH', `record length ${length} is below ${MIN_LENGTH}`, 8, 'length');
  const c = recordCursor(bytes, length, head.pos);
  const productOwner = c.u16('productOwner');
  const productType = c.u16('productType');
  const compliance = c.u8('compliance');
  const equipmentId = c.u16('equipmentId');
  const viewCount = c.u8('viewCount');
  c.u8('reserved');
  const views: Ansi2009View[] = [];
  for (let v = 0; v < viewCount; v++) views.push(readView(c, `view[${v}]`));
  if (c.pos !== length) fail('SECCOM_TEMPLATE_LENGTH_MISMATCH', `${length - c.pos} bytes after the last finger view`, c.pos, 'length');
  return { format, productOwner, productType, compliance, equipmentId, views };
}

function readView(c: TemplateCursor, path: string): Ansi2009View {
  const at = c.pos;
  const position = c.u8(`${path}.position`);
  if (position > MAX_POSITION) fail('SECCOM_TEMPLATE_BAD_FIELD', `finger position ${position} is not 0..10`, at, `${path}.position`);
  const view = c.u8(`${path}.view`);
  if (view > 15) fail('SECCOM_TEMPLATE_BAD_FIELD', `view number ${view} is not 0..15`, at + 1, `${path}.view`);
  const impression = c.u8(`${path}.impression`);
  if (!IMPRESSIONS.has(impression)) fail('SECCOM_TEMPLATE_BAD_FIELD', `impression type ${impression} is not defined`, at + 2, `${path}.impression`);
  const quality = c.u8(`${path}.quality`);
  if (!validQuality(quality)) fail('SECCOM_TEMPLATE_BAD_FIELD', `finger quality ${quality} is not 0..100, 254 or 255`, at + 3, `${path}.quality`);
  const qualityVendor = c.u16(`${path}.qualityVendor`);
  const qualityAlgorithm = c.u16(`${path}.qualityAlgorithm`);
  const width = c.u16(`${path}.width`);
  const height = c.u16(`${path}.height`);
  const resolutionX = c.u16(`${path}.resolutionX`);
  const resolutionY = c.u16(`${path}.resolutionY`);
  const minutiae = readMinutiae(c, path);
  const { areas } = readExtensionBlock(c, true, false, `${path}.extendedData`);
  return { position, view, impression, quality, qualityVendor, qualityAlgorithm, width, height, resolutionX, resolutionY, minutiae, extensions: areas };
}

export function writeAnsi2009Record(r: Ansi2009Record): Uint8Array {
  check(isInt(r.productOwner, 0xffff) && isInt(r.productType, 0xffff), 'productId', 'product owner/type must be 16-bit');
  check(isInt(r.compliance, 0xff) && isInt(r.equipmentId, 0xffff), 'equipment', 'compliance is a byte and equipment id 16 bits');
  check(r.views.length <= 0xff, 'viewCount', `${r.views.length} finger views, at most 255`);
  const w = new TemplateWriter();
  for (const b of [...MAGIC, ...VERSIONS[r.format]]) w.u8(b);
  w.u32(0);
  w.u16(r.productOwner);
  w.u16(r.productType);
  w.u8(r.compliance);
  w.u16(r.equipmentId);
  w.u8(r.views.length);
  w.u8(0);
  r.views.forEach((v, i) => {
    const path = `view[${i}]`;
    check(isInt(v.position, MAX_POSITION), `${path}.position`, `finger position ${v.position} is not 0..10`);
    check(isInt(v.view, 15), `${path}.view`, `view number ${v.view} is not 0..15`);
    check(IMPRESSIONS.has(v.impression), `${path}.impression`, `impression type ${v.impression} is not defined`);
    check(isInt(v.quality, 0xff) && validQuality(v.quality), `${path}.quality`, `finger quality ${v.quality} is not 0..100, 254 or 255`);
    for (const f of ['qualityVendor', 'qualityAlgorithm', 'width', 'height', 'resolutionX', 'resolutionY'] as const) {
      check(isInt(v[f], 0xffff), `${path}.${f}`, `${f} ${v[f]} is not a 16-bit unsigned integer`);
    }
    w.u8(v.position);
    w.u8(v.view);
    w.u8(v.impression);
    w.u8(v.quality);
    w.u16(v.qualityVendor);
    w.u16(v.qualityAlgorithm);
    w.u16(v.width);
    w.u16(v.height);
    w.u16(v.resolutionX);
    w.u16(v.resolutionY);
    writeMinutiae(w, v.minutiae, path);
    writeExtensionBlock(w, v.extensions, true, `${path}.extendedData`);
  });
  w.patch32(8, w.length);
  return w.result();
}
