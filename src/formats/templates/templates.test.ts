import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { sharedData } from '../../../test/support/env.ts';
import { isSeccomError } from '../../errors/index.ts';
import {
  isIso2011,
  readIso2011Record,
  writeIso2011Record,
  toIso2011Record,
  ansi2009Edition,
  readAnsi2009Record,
  readFingerTemplates,
  toAnsi2009Record,
  writeAnsi2009Record,
  detectFormat,
  fromFingerTemplates,
  readMinutiaeRecord,
  ridgeCounts,
  RIDGE_COUNT_TYPE,
  toFingerTemplates,
  writeMinutiaeRecord,
  type MinutiaeRecord,
} from './index.ts';

const POSITIONS = ['UNKNOWN', 'RIGHT_THUMB', 'RIGHT_INDEX', 'RIGHT_MIDDLE', 'RIGHT_RING', 'RIGHT_LITTLE', 'LEFT_THUMB', 'LEFT_INDEX', 'LEFT_MIDDLE', 'LEFT_RING', 'LEFT_LITTLE'];
const SCAN_TYPES: Record<string, number> = { LIVE_PLAIN: 0, LIVE_ROLLED: 1, NONLIVE_PLAIN: 2, NONLIVE_ROLLED: 3, SWIPE: 8 };
const COUNT_METHODS = ['CUSTOM', 'QUADRANTS', 'OCTANTS'];
/** fingerprintio names type code 0 OTHER in 2004/2005 and EITHER in the 2009 editions. */
const MINUTIA_TYPES: Record<string, string> = { ENDING: 'ending', BIFURCATION: 'bifurcation', OTHER: 'other', EITHER: 'other' };

interface JsonMinutia {
  type: string;
  positionX: number;
  positionY: number;
  angle: number;
  quality: number;
}
interface JsonView {
  position: string;
  view: number;
  scanType: string;
  quality?: number;
  minutiae: JsonMinutia[];
  counts: { type: string; edges: { from: number; to: number; count: number }[] } | null;
  coredelta: null;
  extensions: { type: number; data: string }[];
  qualityVendorId?: number;
  qualityAlgorithmId?: number;
  width?: number;
  height?: number;
  resolutionX?: number;
  resolutionY?: number;
}
interface JsonTemplate {
  vendorId?: number;
  subformat?: number;
  sensorCertified: boolean;
  sensorId: number;
  width: number;
  height: number;
  resolutionX: number;
  resolutionY: number;
  fingerprints: JsonView[];
}

function sample(name: string): { bytes: Uint8Array; json: JsonTemplate } {
  const dir = sharedData('templates', 'fingerprintio', name);
  return {
    bytes: new Uint8Array(readFileSync(`${dir}/${name}-sample.dat`)),
    json: JSON.parse(readFileSync(`${dir}/${name}-sample.json`, 'utf8')) as JsonTemplate,
  };
}

/** The fields every edition's finger view shares (2011 keeps quality in separate records). */
interface CommonView {
  position: number;
  view: number;
  impression: number;
  quality?: number;
  minutiae: MinutiaeRecord['views'][number]['minutiae'];
  extensions: MinutiaeRecord['views'][number]['extensions'];
}

function assertViewMatchesJson(v: CommonView, jv: JsonView): void {
  assert.equal(POSITIONS[v.position], jv.position);
  assert.equal(v.view, jv.view);
  assert.equal(v.impression, SCAN_TYPES[jv.scanType]);
  assert.equal(v.quality, jv.quality);
  assert.deepEqual(
    v.minutiae,
    jv.minutiae.map((m) => ({ type: MINUTIA_TYPES[m.type], x: m.positionX, y: m.positionY, angle: m.angle, quality: m.quality })),
  );
  const counts = ridgeCounts(v);
  assert.deepEqual(counts && { type: COUNT_METHODS[counts.method], edges: counts.edges }, jv.counts ?? undefined);
  assert.equal(jv.coredelta, null);
  assert.deepEqual(
    v.extensions.filter((e) => e.type !== RIDGE_COUNT_TYPE).map((e) => ({ type: e.type, data: Buffer.from(e.data).toString('base64') })),
    jv.extensions,
  );
}

function assertMatchesJson(r: MinutiaeRecord, j: JsonTemplate): void {
  if (j.vendorId !== undefined) assert.equal(r.productOwner, j.vendorId);
  if (j.subformat !== undefined) assert.equal(r.productType, j.subformat);
  assert.equal((r.compliance & 8) !== 0, j.sensorCertified);
  assert.equal(r.equipmentId, j.sensorId);
  assert.equal(r.width, j.width);
  assert.equal(r.height, j.height);
  assert.equal(r.resolutionX, j.resolutionX);
  assert.equal(r.resolutionY, j.resolutionY);
  assert.equal(r.views.length, j.fingerprints.length);
  r.views.forEach((v, i) => assertViewMatchesJson(v, j.fingerprints[i]!));
}

test('ANSI 378-2004 sample matches its JSON decoding field by field and writes back byte for byte', () => {
  const { bytes, json } = sample('ansi378v2004');
  // The standard's example has a bogus version byte; upstream patches it the same way.
  // The standard's example has a bogus version byte and a length field 2 short of its contents;
  // upstream patches the byte and reads the length permissively. We patch both.
  const patched = bytes.slice();
  patched[4] = 0x20;
  patched[9] = bytes.length;
  assert.equal(detectFormat(patched), 'ansi378-2004');
  const r = readMinutiaeRecord(patched);
  assert.equal(r.format, 'ansi378-2004');
  assertMatchesJson(r, json);
  assert.deepEqual(writeMinutiaeRecord(r), patched);
});

test('ISO 19794-2:2005 sample matches its JSON decoding field by field and writes back byte for byte', () => {
  const { bytes, json } = sample('iso19794p2v2005');
  assert.equal(detectFormat(bytes), 'iso19794-2-2005');
  const r = readMinutiaeRecord(bytes);
  assertMatchesJson(r, json);
  assert.deepEqual(writeMinutiaeRecord(r), bytes);
});

test('ANSI 378-2009 and 2009/Amd 1 samples match their JSON decodings and write back byte for byte', () => {
  for (const name of ['ansi378v2009', 'ansi378v2009am1']) {
    const { bytes, json } = sample(name);
    // The 2009 example's length field is one short; upstream patches byte 11 to 108 the same way.
    const patched = bytes.slice();
    if (name === 'ansi378v2009') patched[11] = 108;
    assert.equal(ansi2009Edition(patched), name === 'ansi378v2009' ? 'ansi378-2009' : 'ansi378-2009am1');
    const r = readAnsi2009Record(patched);
    assert.equal(r.productOwner, json.vendorId);
    assert.equal(r.productType, json.subformat);
    assert.equal((r.compliance & 0x80) !== 0, json.sensorCertified);
    assert.equal(r.equipmentId, json.sensorId);
    assert.equal(r.views.length, json.fingerprints.length);
    r.views.forEach((v, i) => {
      const jv = json.fingerprints[i]!;
      assertViewMatchesJson(v, jv);
      assert.deepEqual(
        [v.qualityVendor, v.qualityAlgorithm, v.width, v.height, v.resolutionX, v.resolutionY],
        [jv.qualityVendorId, jv.qualityAlgorithmId, jv.width, jv.height, jv.resolutionX, jv.resolutionY],
      );
    });
    assert.deepEqual(writeAnsi2009Record(r), patched);
    const t = readFingerTemplates(patched);
    assert.equal(t[0]!.ppi, 500);
    assert.ok(Math.abs(t[0]!.minutiae[0]!.angle - (56 * 2 * Math.PI) / 180) < 1e-12, '2° units');
    const again = toAnsi2009Record(t, r.format, { productOwner: r.productOwner, productType: r.productType, qualityVendor: v0(r).qualityVendor, qualityAlgorithm: v0(r).qualityAlgorithm });
    assert.deepEqual(again.views[0]!.minutiae, r.views[0]!.minutiae);
  }
  assert.throws(() => readAnsi2009Record(sample('iso19794p2v2005').bytes), (e: unknown) => isSeccomError(e) && e.code === 'SECCOM_TEMPLATE_FORMAT_UNKNOWN');
});

test('ISO 19794-2:2011 sample matches its JSON decoding field by field and writes back byte for byte', () => {
  const { bytes, json } = sample('iso19794p2v2011');
  assert.ok(isIso2011(bytes));
  assert.equal(ansi2009Edition(bytes), undefined, 'the shared "030" version is told apart');
  assert.ok(!isIso2011(sample('ansi378v2009am1').bytes) && !isIso2011(sample('ansi378v2009').bytes));
  const r = readIso2011Record(bytes);
  const views = (json as unknown as { fingerprints: (JsonView & Record<string, unknown>)[] }).fingerprints;
  assert.equal(r.views.length, views.length);
  r.views.forEach((v, i) => {
    const jv = views[i]!;
    assertViewMatchesJson(v, jv);
    assert.deepEqual(v.captured, jv.datetime);
    assert.equal(v.sensorType, 0, jv.sensorType as string);
    assert.deepEqual([v.sensorVendor, v.sensorId], [jv.sensorVendor, jv.sensorId]);
    assert.deepEqual(v.qualities, jv.qrecords);
    assert.deepEqual(v.certificates, jv.certificates);
    assert.deepEqual([v.resolutionX, v.resolutionY, v.width, v.height], [jv.resolutionX, jv.resolutionY, jv.width, jv.height]);
    assert.equal(['VALLEY_SKELETON_BIFURCATION', 'RIDGE_SKELETON_ENDPOINT'][v.endingType], jv.endingType);
  });
  assert.deepEqual(writeIso2011Record(r), bytes);
  const t = readFingerTemplates(bytes);
  assert.deepEqual([t[0]!.ppi, t[0]!.quality, t[1]!.quality], [500, 90, 70]);
  const again = toIso2011Record(t, { captured: r.views[0]!.captured });
  assert.deepEqual(again.views.map((v) => v.minutiae), r.views.map((v) => v.minutiae));
  assert.deepEqual(readIso2011Record(writeIso2011Record(again)), again);
});

const v0 = (r: { views: { qualityVendor: number; qualityAlgorithm: number }[] }) => r.views[0]!;

function isoFiles(): string[] {
  const files = ['iso-probe.dat', 'iso-matching.dat', 'iso-nonmatching.dat'].map((f) => sharedData('sourceafis-samples', f));
  for (const comp of ['fvc2002', 'fvc2004']) {
    for (const db of readdirSync(sharedData('fvc', comp)).filter((d) => d.endsWith('_B'))) {
      for (const f of readdirSync(sharedData('fvc', comp, db)).filter((n) => n.endsWith('.iso'))) files.push(sharedData('fvc', comp, db, f));
    }
  }
  return files;
}

test('all 483 ISO templates read, convert and write back byte for byte', () => {
  const files = isoFiles();
  assert.equal(files.length, 483);
  for (const f of files) {
    const file = new Uint8Array(readFileSync(f));
    const r = readMinutiaeRecord(file);
    assert.equal(r.format, 'iso19794-2-2005', f);
    // SourceAFIS's samples are zero-padded to 384 bytes; the record is what its length says.
    const bytes = file.subarray(0, (file[10]! << 8) | file[11]!);
    assert.deepEqual(writeMinutiaeRecord(r), bytes, f);
    // Through FingerTemplate and back: exact for whole-code angles and integer coordinates.
    const templates = toFingerTemplates(r);
    const again = fromFingerTemplates(templates, 'iso19794-2-2005', { compliance: r.compliance, equipmentId: r.equipmentId });
    assert.deepEqual(again.views.map((v) => v.minutiae), r.views.map((v) => v.minutiae), f);
  }
  const probe = readMinutiaeRecord(new Uint8Array(readFileSync(files[0]!)));
  assert.equal(probe.extLengthIncludesHeader, true, 'SourceAFIS counts area headers like ANSI');
  assert.deepEqual(probe.views[0]!.extensions, [{ type: 0x0144, data: Uint8Array.of(0x97) }]);
  const fvc = readMinutiaeRecord(new Uint8Array(readFileSync(files[3]!)));
  assert.equal(fvc.width, 300);
  assert.equal(fvc.height, 400);
  assert.equal(toFingerTemplates(fvc)[0]!.ppi, 500);
});

test('FingerTemplate conversion: radians counter-clockwise, documented rounding to format units', () => {
  const t = {
    width: 500,
    height: 600,
    ppi: 500,
    position: 2,
    quality: 80,
    minutiae: [
      { x: 10.4, y: 20.6, angle: Math.PI / 2, type: 'ending' as const, quality: 50 },
      { x: 300, y: 400, angle: (359.5 * Math.PI) / 180, type: 'bifurcation' as const, quality: 0 },
    ],
  };
  const ansi = fromFingerTemplates([t], 'ansi378-2004');
  assert.equal(ansi.resolutionX, 197);
  assert.deepEqual(ansi.views[0]!.minutiae.map((m) => [m.x, m.y, m.angle]), [[10, 21, 45], [300, 400, 0]]);
  const iso = fromFingerTemplates([t], 'iso19794-2-2005');
  assert.deepEqual(iso.views[0]!.minutiae.map((m) => m.angle), [64, 0]);
  const back = toFingerTemplates(readMinutiaeRecord(writeMinutiaeRecord(ansi)))[0]!;
  assert.equal(back.ppi, 500);
  assert.ok(Math.abs(back.minutiae[0]!.angle - Math.PI / 2) < 1e-12);
  for (const [m, orig] of back.minutiae.map((m, i) => [m, t.minutiae[i]!] as const)) {
    const d = Math.abs(((m.angle - orig.angle + 3 * Math.PI) % (2 * Math.PI)) - Math.PI);
    assert.ok(d <= Math.PI / 180 + 1e-12, 'ANSI angles within one degree');
  }
});

test('ANSI records over 65535 bytes use the 6-byte length form and read back', () => {
  const minutiae = Array.from({ length: 255 }, (_, i) => ({ x: i, y: 2 * i, angle: (i * Math.PI) / 90, type: 'ending' as const, quality: 60 }));
  const views = Array.from({ length: 50 }, (_, i) => ({ width: 800, height: 750, ppi: 500, position: i % 11, quality: 50, minutiae }));
  const bytes = writeMinutiaeRecord(fromFingerTemplates(views, 'ansi378-2004'));
  assert.ok(bytes.length > 0xffff);
  assert.equal((bytes[8]! << 8) | bytes[9]!, 0);
  assert.equal(new DataView(bytes.buffer).getUint32(10), bytes.length);
  assert.equal(detectFormat(bytes), 'ansi378-2004');
  const back = readMinutiaeRecord(bytes);
  assert.equal(back.views.length, 50);
  assert.deepEqual(writeMinutiaeRecord(back), bytes);
  assert.deepEqual(back.views.filter((v) => v.position === 3).map((v) => v.view), [0, 1, 2, 3, 4]);
});

test('bad templates fail with typed errors and locations', () => {
  const { bytes } = sample('iso19794p2v2005');
  const expectCode = (b: Uint8Array, code: string) =>
    assert.throws(() => readMinutiaeRecord(b), (e: unknown) => isSeccomError(e) && e.code === code && e.location !== undefined);
  expectCode(bytes.subarray(0, 20), 'SECCOM_TEMPLATE_TRUNCATED');
  expectCode(Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), 'SECCOM_TEMPLATE_FORMAT_UNKNOWN');
  expectCode(sample('ansi378v2009').bytes, 'SECCOM_TEMPLATE_FORMAT_UNKNOWN');
  const extra = new Uint8Array(bytes.length + 3).fill(7);
  extra.set(bytes);
  expectCode(extra, 'SECCOM_TEMPLATE_LENGTH_MISMATCH');
  const badType = bytes.slice();
  badType[28] |= 0xc0; // first minutia: type code 3
  expectCode(badType, 'SECCOM_TEMPLATE_BAD_FIELD');
  assert.throws(
    () => writeMinutiaeRecord({ ...readMinutiaeRecord(bytes), width: 70000 }),
    (e: unknown) => isSeccomError(e) && e.code === 'SECCOM_TEMPLATE_UNENCODABLE',
  );
});
