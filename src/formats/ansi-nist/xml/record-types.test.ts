/**
 * Record types and fields no reference file converts (Types 19, 20, 21 and 98, the FBI IAFIS
 * Type-9 fields): synthetic records in the standard's traditional form go to XML and back keeping
 * every field, and the XML validates against the EBTS 10.0 XSDs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { sharedData } from '../../../../test/support/env.ts';
import { isSeccomError, type SeccomError } from '../../../errors/index.ts';
import { prng } from '../../../../test/support/fuzz-ansi-nist.ts';
import { binaryField, errorsOf, fieldValue, readAnsiNist, setField, textField, writeAnsiNist, type AnRecord, type AnsiNistFile } from '../index.ts';
import { parseAnsiNistXml, readAnsiNistXml, validateXsd, writeAnsiNistXml } from './index.ts';

/** The Type-1 and Type-2 of a reference file that validates (it has a 1.013 DOM), then `recs`, CNT listing their IDCs. */
function transaction(recs: AnRecord[]): AnsiNistFile {
  const base = readAnsiNist(readFileSync(sharedData('ansi-nist', 'nist-references', 'type-15-palms.an2')));
  const [t1, t2] = base.records as [AnRecord, AnRecord];
  const all = [t2, ...recs];
  setField(t1, 3, [['1', String(all.length)], ...all.map((r) => [String(r.type), fieldValue(r, 2)!])]);
  // Through the traditional writer and reader, so LEN and tags are what a file would hold.
  return readAnsiNist(writeAnsiNist({ records: [t1, ...all] }));
}

function rec(type: number, fields: Record<number, string[][] | Uint8Array>): AnRecord {
  return {
    type,
    encoding: 'tagged',
    fields: [
      textField(type, 1, [['0']]),
      ...Object.entries(fields).map(([n, v]) => (v instanceof Uint8Array ? binaryField(type, Number(n), v) : textField(type, Number(n), v))),
    ],
  };
}

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

/** Type-19 with every field the mapping has: IMP, SRC, PCD, the image attributes, FGP, AMP, FSP, COM, FQM, DMM and the extended fields. */
const plantar = rec(19, {
  2: [['01']],
  3: [['0']],
  4: [['WVSP00000']],
  5: [['20110315']],
  6: [['1000']],
  7: [['1500']],
  8: [['1']],
  9: [['500']],
  10: [['500']],
  11: [['PNG']],
  12: [['8']],
  13: [['64']],
  16: [['500']],
  17: [['500']],
  18: [['61', 'XX'], ['62', 'UP']],
  19: [['64', '3', '10', '10', '900', '10', '500', '1400']],
  20: [['SYNTHETIC PLANTAR']],
  24: [['64', '80', '001F', '0203']],
  30: [['ASSISTED']],
  902: [['20110315120000Z', 'CROP', 'WVSP', 'CROPPED TO THE SOLE']],
  903: [['DEV-1']],
  904: [['ACME', 'SOLE 2', 'SN42']],
  993: [['WV STATE POLICE']],
  995: [['1', '2']],
  996: [['a'.repeat(64)]],
  997: [['3', '']],
  998: [['20110315120000Z', '39', '30', '00', '-79', '57', '00', '', 'WGS84']],
  999: png,
});

/** Type-98: DFO, SRC, DFT, DCD, two ALF log entries (EVT, EVR, IID, AGT, OLD), ARN, SAN. */
const assurance = rec(98, {
  2: [['02']],
  3: [['001B']],
  4: [['WVSP00000']],
  5: [['0002']],
  6: [['20110315120000Z']],
  900: [
    ['Added', '', '1,19.013,NA,NA', 'WVSP CAPTURE STATION 4', ''],
    ['Modified', 'TYPO', '1,19.020,NA,NA', 'J. EXAMINER', 'SYNTHETIC'],
  ],
  901: [['7']],
  993: [['WV STATE POLICE']],
});

const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0]);
const geo = [['20110315120000Z', '39', '30', '00', '-79', '57', '00', '', 'WGS84']];

/** Type-20, a still image: CAR, AQS (two subfields), SFT, SEG, SRN, EFR, the image attributes and the capture fields. */
const sourceImage = rec(20, {
  2: [['03']],
  3: [['D']],
  4: [['WVSP00000']],
  5: [['20110315']],
  6: [['640']],
  7: [['480']],
  8: [['1']],
  9: [['300']],
  10: [['300']],
  11: [['JPEGB']],
  12: [['24']],
  13: [['SRGB']],
  14: [['2', '', '', 'FLASH'], ['11', 'NONE', '', '']],
  15: [['JPG', 'BASELINE JPEG']],
  16: [['1', 'PAGE1', '3', '10', '10', '600', '10', '300', '400']],
  17: [['300']],
  18: [['300']],
  20: [['SCENE PHOTO']],
  21: [['1']],
  902: [['20110315120000Z', 'EXTRACT', 'WVSP', 'FACE CUT OUT']],
  903: [['CAM-7']],
  904: [['ACME', 'CAM 2', 'SN9']],
  993: [['WV STATE POLICE']],
  994: [['CASE-12 DISK 3']],
  996: [['b'.repeat(64)]],
  998: geo,
  999: jpeg,
});

/** Type-21 with a time index and an audio file type: biom:ContextAudio, two time segments. */
const contextAudio = rec(21, {
  2: [['04']],
  4: [['WVSP00000']],
  5: [['20110316']],
  15: [['WAV', 'PCM 16 BIT']],
  19: [['00:00:01.000', '00:00:09.500'], ['00:01:00.000', '00:01:30.000']],
  20: [['INTERVIEW AUDIO']],
  21: [['2']],
  993: [['WV STATE POLICE']],
  994: [['CASE-12 TAPE 1']],
  999: new Uint8Array([0x52, 0x49, 0x46, 0x46]),
});

/** Type-21 with a time index and a video file type: biom:ContextVideo, with a segment. */
const contextVideo = rec(21, {
  2: [['05']],
  5: [['20110316']],
  15: [['MP4']],
  16: [['1', '00:00:02.000', '3', '1', '1', '50', '1', '20', '40']],
  19: [['00:00:01.000', '00:00:09.500']],
  21: [['3']],
  999: new Uint8Array([0, 0, 0, 0x18]),
});

/** Type-21 without a time index: biom:ContextImage. */
const contextImage = rec(21, { 2: [['06']], 15: [['JPG']], 21: [['4']], 998: geo, 999: jpeg });

const written: { name: string; xml: string }[] = [];

function roundTrip(name: string, file: AnsiNistFile): string {
  const xml = writeAnsiNistXml(file);
  written.push({ name, xml });
  // readAnsiNistXml refuses any element outside the mapping.
  const back = readAnsiNistXml(xml);
  assert.ok(Buffer.from(writeAnsiNist(back.file)).equals(Buffer.from(writeAnsiNist(file))), `${name}: not the same bytes`);
  return xml;
}

test('Type-19 plantar records travel as itl:PackagePlantarImageRecord and come back field for field', () => {
  const xml = roundTrip('Type-19', transaction([plantar]));
  assert.match(xml, /<itl:PackagePlantarImageRecord>[\s\S]*<ansi-nist:PlantarImage>/);
  assert.match(xml, /<ansi-nist:PlantarImageMissingArea>\s*<ansi-nist:PlantarPositionCode>62<\/ansi-nist:PlantarPositionCode>\s*<ansi-nist:PlantarMissingAreaReasonCode>UP</);
  assert.equal([...xml.matchAll(/<ansi-nist:PositionPolygonVertex>/g)].length, 3);
});

test('Type-98 information assurance records travel as itl:PackageInformationAssuranceRecord, one log entry per ALF subfield', () => {
  const xml = roundTrip('Type-98', transaction([assurance]));
  assert.match(xml, /<ansi-nist:AssuranceDateTime>\s*<nc:DateTime>2011-03-15T12:00:00Z</);
  assert.equal([...xml.matchAll(/<ansi-nist:AssuranceLogEntry>/g)].length, 2);
  assert.match(xml, /<ansi-nist:AssuranceLogEventLocationText>1,19.020,NA,NA</);
  // User-defined fields (98.200-98.899) have no element: itl:UserDefinedFields is abstract.
  const udf = structuredClone(assurance);
  udf.fields.push(textField(98, 200, [['LOCAL']]));
  assert.throws(
    () => writeAnsiNistXml(transaction([udf])),
    (e: SeccomError) => e.code === 'SECCOM_ANSI_NIST_XML_UNMAPPED' && e.location?.record === 3 && e.location?.field === '98.200',
  );
});

test('FBI IAFIS Type-9 fields (9.014-9.025) travel as ebts:Minutiae and come back field for field', () => {
  // NIST's IAFIS reference record, less 9.011 RDG (no element: see the conversion table): FGN, NMN, FCP, APC, ORN, CRA, DLA, MAT.
  const ref = readAnsiNist(readFileSync(sharedData('ansi-nist', 'nist-references', 'type-9-4-iafis.an2'))).records[2]!;
  ref.fields = ref.fields.filter((f) => f.num !== 11);
  assert.deepEqual(ref.fields.map((f) => f.num), [1, 2, 3, 4, 14, 15, 16, 17, 20, 21, 22, 23]);
  const xml = roundTrip('Type-9 IAFIS (reference)', transaction([ref]));
  assert.match(xml, /<ebts:Minutiae>\s*<ansi-nist:MinutiaeFingerPositionCode>8</);
  assert.equal([...xml.matchAll(/<ebts:MinutiaDetail>/g)].length, 48);
  // MAT minutia 1: XYT 21951869281, octant 3 ridge count 00906 (minutia 9, 6 ridges), octant residuals 10010001.
  const first = /<ebts:MinutiaDetail>([\s\S]*?)<\/ebts:MinutiaDetail>/.exec(xml)![1]!.replace(/\s+/g, '');
  assert.match(first, /<ansi-nist:PositionHorizontalCoordinateValue>2195<.*<ansi-nist:PositionVerticalCoordinateValue>1869<.*<ansi-nist:PositionThetaAngleMeasure>281</);
  assert.match(first, /<nc:IdentificationID>009<\/nc:IdentificationID><\/ansi-nist:RidgeCountReferenceIdentification><ansi-nist:RidgeCountValue>06<\/ansi-nist:RidgeCountValue><ebts:MinutiaOctantNumeric>3<\/ebts:MinutiaOctantNumeric><ebts:MinutiaOctantResidualNumeric>1</);

  // The fields the reference record lacks: ROV 9.018 (vertices), COF 9.019, CHQ 9.024, CLQ 9.025.
  const full = structuredClone(ref);
  full.fields.push(
    textField(9, 18, [['00100010'], ['05000010'], ['02500480']]),
    textField(9, 19, [['00120034', '02000300', '045', '02100310', '00000000']]),
    textField(9, 24, [['87']]),
    textField(9, 25, [['0.93']]),
  );
  full.fields.sort((a, b) => a.num - b.num);
  const more = roundTrip('Type-9 IAFIS (all fields)', transaction([full]));
  assert.match(more.replace(/\s+/g, ''), /<ebts:OffsetCenterOfRotation><ansi-nist:PositionHorizontalCoordinateValue>0200<\/ansi-nist:PositionHorizontalCoordinateValue><ansi-nist:PositionVerticalCoordinateValue>0300</);
  assert.equal([...more.matchAll(/<itl:PositionPolygonVertex>/g)].length, 3);
  // A position that is not XXXXYYYY is refused, not cut.
  setField(full, 21, [['1666162', '242', '0000']]);
  assert.throws(
    () => writeAnsiNistXml(transaction([full])),
    (e: SeccomError) => e.code === 'SECCOM_ANSI_NIST_XML_UNMAPPED' && e.location?.field === '9.021',
  );
});

test('Type-20 source representations and Type-21 associated context travel as image, audio or video by their time index and file type', () => {
  const still = roundTrip('Type-20 image', transaction([sourceImage]));
  assert.match(still, /<itl:PackageSourceRepresentationRecord>[\s\S]*<ansi-nist:SourceRecordCardinalityCode>D<[\s\S]*<ansi-nist:SourceImage>/);
  assert.equal([...still.matchAll(/<ansi-nist:SourceAcquisition>/g)].length, 2);
  assert.match(still.replace(/\s+/g, ''), /<ansi-nist:ImageSegmentInternalIdentification><nc:IdentificationID>PAGE1<\/nc:IdentificationID><\/ansi-nist:ImageSegmentInternalIdentification><ansi-nist:PositionPolygonVertexQuantity>3</);
  const media = roundTrip('Type-21 audio, video, image', transaction([contextAudio, contextVideo, contextImage]));
  const kinds = [...media.matchAll(/<ansi-nist:Context(Image|Audio|Video)>/g)].map((m) => m[1]);
  assert.deepEqual(kinds, ['Audio', 'Video', 'Image']);
  assert.equal([...media.matchAll(/<ansi-nist:TimeSegment>/g)].length, 3);
  // Audio has no image segments: a SEG on an audio record has no element, and is refused.
  const segmented = structuredClone(contextAudio);
  segmented.fields.splice(-1, 0, textField(21, 16, [['1', '', '3', '1', '1', '5', '1', '2', '4']]));
  assert.throws(
    () => writeAnsiNistXml(transaction([segmented])),
    (e: SeccomError) => e.code === 'SECCOM_ANSI_NIST_XML_UNMAPPED' && e.location?.field === '21.016',
  );
});

test('mutated XML of these records never fails with anything but a SeccomError, reading or writing back (seeded, 300 cases)', () => {
  const rand = prng(1918);
  const chars = ['<', '>', '/', '&', ';', 'x', ':', ' ', '0', '9'];
  let clean = 0;
  for (let i = 0; i < 300; i++) {
    let s = written[i % written.length]!.xml;
    // One change per case: a byte swapped, a run deleted, or the tail cut.
    const at = Math.floor(rand() * s.length);
    const op = rand();
    s = op < 0.5 ? s.slice(0, at) + chars[Math.floor(rand() * chars.length)]! + s.slice(at + 1) : op < 0.9 ? s.slice(0, at) + s.slice(at + 1 + Math.floor(rand() * 30)) : s.slice(0, at);
    try {
      const read = parseAnsiNistXml(s);
      if (read.unmapped.length === 0 && errorsOf(read.violations).length === 0) {
        writeAnsiNistXml(read.file);
        clean++;
      }
    } catch (e) {
      assert.ok(isSeccomError(e), `case ${i}: ${(e as Error).stack}`);
    }
  }
  assert.ok(clean > 10, `read and wrote back cleanly: ${clean}`);
});

test('the synthetic records above validate against the EBTS 10.0 XSDs', async () => {
  assert.deepEqual(written.map((w) => w.name), [
    'Type-19',
    'Type-98',
    'Type-9 IAFIS (reference)',
    'Type-9 IAFIS (all fields)',
    'Type-20 image',
    'Type-21 audio, video, image',
  ]);
  assert.deepEqual(await validateXsd(written.map((w) => w.xml)), []);
});
