import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sampleCar } from '../../../../test/support/ebts-sample.ts';
import { prng } from '../../../../test/support/fuzz-ansi-nist.ts';
import { sharedData } from '../../../../test/support/env.ts';
import { SeccomError, isSeccomError } from '../../../errors/index.ts';
import { buildErrt, buildSre, buildTenprint, readTransaction, respondTo } from '../../ebts/index.ts';
import { errorsOf, fieldSubfields, fieldValue, readAnsiNist, setField, writeAnsiNist } from '../index.ts';
import { parseAnsiNistXml, readAnsiNistXml, validateXsd, writeAnsiNistXml } from './index.ts';

const ebtsDir = sharedData('ebts', 'ojbc-xml');
const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
const templates = walk(ebtsDir).filter((f) => f.includes('/samples/xml/') && f.endsWith('.xml'));
const template = (tot: string) => readFileSync(templates.find((f) => f.includes(`Template(${tot})`))!, 'utf8');

function built(): Record<string, Uint8Array> {
  const input = sampleCar();
  input.fingerprints[9] = { ...input.fingerprints[9]!, recordType: 14 };
  const car = buildTenprint(input);
  const sub = readTransaction(car);
  const routing = respondTo(sub, { ori: 'WVIAFIS0Z', tcn: 'WVIAFIS0Z-0000000001', date: '20110315' });
  return {
    CAR: car,
    CNA: buildTenprint(sampleCar({ tot: 'CNA' })),
    SRE: buildSre({ routing, result: 'N', name: 'DOE,JANE Q', rapSheet: 'NO RECORD\r\nEND', controllingAgencies: ['CT0000100'] }),
    ERRT: buildErrt({ routing, messages: ['2.024 SEX: "Q" IS NOT A SEX CODE', 'SECOND & <LAST> MESSAGE'] }),
  };
}

test('the 100 EBTS 10.0 XML templates are valid against the XSDs; a schema violation is located', async () => {
  assert.equal(templates.length, 100);
  const broken = template('ERRT').replace('<ebts:TransactionCategoryCode>ERRT</ebts:TransactionCategoryCode>', '');
  // One batch: each call compiles the schemas (about a second).
  const errors = await validateXsd([...templates.map((f) => readFileSync(f, 'utf8')), broken]);
  assert.equal(errors.length, 1, JSON.stringify(errors));
  assert.equal(errors[0]!.document, 100);
  assert.ok(errors[0]!.line! > 0);
  assert.match(errors[0]!.message, /TransactionContentSummary|not expected/);
});

test('built CAR (Type-4 and Type-14), CNA, SRE and ERRT: XML is XSD-valid and converts back byte for byte', async () => {
  const docs = built();
  const xml = Object.values(docs).map((b) => writeAnsiNistXml(readAnsiNist(b)));
  assert.deepEqual(await validateXsd(xml), []);
  Object.values(docs).forEach((bytes, i) => {
    const back = readAnsiNistXml(xml[i]!);
    assert.deepEqual(back.violations, []);
    assert.ok(Buffer.from(writeAnsiNist(back.file)).equals(Buffer.from(bytes)), Object.keys(docs)[i]);
  });
  const errt = readAnsiNistXml(xml[3]!).file;
  assert.deepEqual(fieldSubfields(errt.records[1]!, 60), [['2.024 SEX: "Q" IS NOT A SEX CODE'], ['SECOND & <LAST> MESSAGE']]);
  assert.equal(fieldValue(readAnsiNistXml(xml[2]!).file.records[1]!, 75), 'NO RECORD\r\nEND');
});

test('EBTS XML transactions in the shared data read, all but one schema-invalid package; the CAR and SRE templates give their field values', () => {
  const nist = walk(ebtsDir).filter(
    (f) => /\/(samples|test-resources)\//.test(f) && f.endsWith('.xml') && /<[\w-]+:NISTBiometricInformationExchangePackage\b/.test(readFileSync(f, 'utf8')),
  );
  assert.equal(nist.length, 121);
  const failed: string[] = [];
  for (const f of nist) {
    try {
      assert.deepEqual(parseAnsiNistXml(readFileSync(f, 'utf8')).unmapped, [], f);
    } catch (e) {
      // Its ContentRecordQuantity (1.003 CNT count) is empty: not an xs:nonNegativeInteger (see the docs).
      assert.ok(isSeccomError(e) && e.code === 'SECCOM_ANSI_NIST_XML_INVALID' && e.location?.line === 59, `${f}: ${e}`);
      failed.push(f.replace(/.*\//, ''));
    }
  }
  assert.deepEqual(failed, ['EBTS-FBI_Identity_History_Summary_Request.xml']);

  const car = readAnsiNistXml(template('CAR')).file;
  const [t1, t2] = car.records;
  assert.deepEqual(
    car.records.map((r) => r.type),
    [1, 2, 4, 7, 10, 10, 14, 15, 17],
  );
  assert.deepEqual(
    [fieldValue(t1!, 4), fieldValue(t1!, 5), fieldValue(t1!, 9), fieldValue(t1!, 2), fieldValue(t1!, 14)],
    ['CAR', '20070101', '5683956839', '0500', '20070101000001Z'],
  );
  assert.deepEqual(
    [fieldValue(t2!, 18), fieldValue(t2!, 22), fieldValue(t2!, 5), fieldValue(t2!, 45), fieldValue(t2!, 17)],
    ['JONES,ANTHONY PAUL', '19770825', 'Y', '19950324', 'PP-1234567890P'],
  );
  // Court and custody segments, rap back, residence, employer: the EBTS 10.0 Type-2 beyond CAR basics.
  assert.deepEqual(fieldSubfields(t2!, 47), [['19950324', 'DUI']]);
  assert.deepEqual(fieldSubfields(t2!, 51), [['20110325', 'DUI', '5 DAYS JAIL', 'CONVICTED', '02']]);
  assert.deepEqual([fieldValue(t2!, 54), fieldValue(t2!, 55)], ['20111109', 'RELEASED BY COURT ORDER']);
  assert.deepEqual([fieldValue(t2!, 2062), fieldValue(t2!, 2015), fieldValue(t2!, 2067)], ['2', '20100224', 'Y']);
  assert.deepEqual(fieldSubfields(t2!, 2020), [['DC2653548'], ['NY030025P']]);
  assert.deepEqual(fieldSubfields(t2!, 2064), [['Element Name', 'Element information']]);
  assert.deepEqual(fieldSubfields(t2!, 19), [['JONES,TONY P'], ['JONES,ANTHONY PAUL', 'TribalName', 'CulturalName']]);
  assert.equal(fieldValue(t2!, 41), '5021 OAK LEAF DRIVE, BUFFALO, NY 14204');
  // The template's StreetNumberText is "327 " (trailing space), kept as written.
  assert.equal(fieldValue(t2!, 39), 'ACE CONSTRUCTION COMPANY, 327  MAPLE AVE, BUFFALO, NY 14204');
  const iris = car.records.find((r) => r.type === 17)!;
  assert.deepEqual(fieldSubfields(iris, 33), [['P', '4', '100', '15', '150', '15', '150', '85', '100', '85']]);
  const sre = readAnsiNistXml(template('SRE')).file.records[1]!;
  assert.deepEqual([fieldValue(sre, 59), fieldValue(sre, 75), fieldValue(sre, 14)], ['I', "Subject's Rap Sheet goes here", '62760NY12']);
});

test('conversion refuses what it cannot carry, naming the field', () => {
  const refused = (name: string, field: string) => {
    const file = readAnsiNist(readFileSync(sharedData('ansi-nist', name)));
    assert.throws(
      () => writeAnsiNistXml(file),
      (e: SeccomError) => e.code === 'SECCOM_ANSI_NIST_XML_UNMAPPED' && e.location?.field === field,
      name,
    );
  };
  refused('nist-references/type-9-13-std.an2', '9.005'); // ITL 2007 standard minutiae: no element in this XSD
  refused('nbis-testdata/valid1.3.an2', '10.040'); // an SMT code on a FACE record: itl:FaceImage has no place for it
  refused('nist-references/rec01_rec02_rec16.nst.an2', '1.002'); // version "0": no major/minor split
  // A name that given/middle/surname elements cannot rebuild unchanged is refused, not altered.
  const file = readAnsiNist(built().CAR);
  setField(file.records[1]!, 18, [['DOE,JANE ']]);
  assert.throws(() => writeAnsiNistXml(file), (e: SeccomError) => e.code === 'SECCOM_ANSI_NIST_XML_UNMAPPED' && e.location?.field === '2.018');
  // Record types with no XML element at all (Type-3, deprecated) are refused too, naming the record.
  const t3 = readAnsiNist(readFileSync(sharedData('ansi-nist', 'nist-references', 'type-3.an2')));
  assert.throws(() => writeAnsiNistXml(t3), (e: SeccomError) => e.code === 'SECCOM_ANSI_NIST_XML_UNMAPPED' && e.location?.record === 3 && /Type-3/.test(e.message));
  // An element the mapping does not know is listed by parse and refused by read.
  const odd = template('ERRT').replace('<nc:CaveatText>', '<ebts:NoSuchElement>x</ebts:NoSuchElement><nc:CaveatText>');
  assert.deepEqual(parseAnsiNistXml(odd).unmapped.map((u) => u.path), ['itl:UserDefinedDescriptiveDetail/ebts:DomainDefinedDescriptiveFields/ebts:NoSuchElement']);
  assert.throws(() => readAnsiNistXml(odd), (e: SeccomError) => e.code === 'SECCOM_ANSI_NIST_XML_UNMAPPED' && e.location?.record === 2);
});

test('malformed XML is a located SECCOM_ANSI_NIST_XML_INVALID', () => {
  const cases: [string, number | undefined][] = [
    ['<itl:NISTBiometricInformationExchangePackage xmlns:itl="http://biometrics.nist.gov/standard/2011"><a></b>', 1],
    ['<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>', undefined],
    ['<x/>', 1],
    ['<itl:NISTBiometricInformationExchangePackage xmlns:itl="http://biometrics.nist.gov/standard/2011">\n<q:y/></itl:NISTBiometricInformationExchangePackage>', 2],
  ];
  for (const [text, line] of cases) {
    assert.throws(
      () => parseAnsiNistXml(text),
      (e: SeccomError) => e.code === 'SECCOM_ANSI_NIST_XML_INVALID' && e.location?.line === line,
      text,
    );
  }
});

test('mutated XML never fails with anything but a SeccomError, reading or writing back (seeded, 400 cases)', () => {
  // Templates with Types 1, 2, 4, 9 (EFS, LFFS) and 13 (LFS), and NBIS's vector signature for Type-8.
  const signature = writeAnsiNistXml(readAnsiNist(readFileSync(sharedData('ansi-nist', 'nbis-testdata', 'sign_vec.an2'))));
  const sources = [writeAnsiNistXml(readAnsiNist(built().ERRT)), template('ERRT'), template('SRE'), template('CAR'), template('LFFS'), template('LFS'), signature];
  const rand = prng(4242);
  const chars = ['<', '>', '/', '&', ';', '"', 'x', ':', ' ', '\n', '&#1114112;', '&#13;'];
  for (let i = 0; i < 400; i++) {
    let s = sources[i % sources.length]!;
    for (let k = 1 + Math.floor(rand() * 3); k > 0; k--) {
      const at = Math.floor(rand() * s.length);
      const op = rand();
      s = op < 0.4 ? s.slice(0, at) + chars[Math.floor(rand() * chars.length)]! + s.slice(at + 1) : op < 0.7 ? s.slice(0, at) + s.slice(at + 1 + Math.floor(rand() * 30)) : s.slice(0, at);
    }
    try {
      const read = parseAnsiNistXml(s);
      // What reads cleanly writes back, or is refused with a located error.
      if (read.unmapped.length === 0 && errorsOf(read.violations).length === 0) writeAnsiNistXml(read.file);
    } catch (e) {
      assert.ok(isSeccomError(e), `case ${i}: ${(e as Error).stack}`);
    }
  }
});
