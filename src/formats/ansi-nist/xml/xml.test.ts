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

test('EBTS XML transactions in the shared data read; CAR, SRE and ERRT templates give their field values', () => {
  const nist = walk(ebtsDir).filter(
    (f) => /\/(samples|test-resources)\//.test(f) && f.endsWith('.xml') && /<[\w-]+:NISTBiometricInformationExchangePackage\b/.test(readFileSync(f, 'utf8')),
  );
  assert.ok(nist.length >= 119, String(nist.length));
  let read = 0;
  for (const f of nist) {
    try {
      parseAnsiNistXml(readFileSync(f, 'utf8'));
      read++;
    } catch (e) {
      assert.ok(isSeccomError(e) && e.code === 'SECCOM_ANSI_NIST_XML_INVALID' && e.location?.line, `${f}: ${e}`);
    }
  }
  assert.ok(read >= nist.length - 1, `${read} of ${nist.length}`);

  const car = parseAnsiNistXml(template('CAR'));
  const [t1, t2] = car.file.records;
  assert.deepEqual(
    [fieldValue(t1!, 4), fieldValue(t1!, 5), fieldValue(t1!, 9), fieldValue(t1!, 2), fieldValue(t1!, 14)],
    ['CAR', '20070101', '5683956839', '0500', '20070101000001Z'],
  );
  assert.deepEqual(
    [fieldValue(t2!, 18), fieldValue(t2!, 22), fieldValue(t2!, 5), fieldValue(t2!, 45), fieldValue(t2!, 17)],
    ['JONES,ANTHONY PAUL', '19770825', 'Y', '19950324', 'PP-1234567890P'],
  );
  assert.deepEqual(fieldSubfields(t2!, 47), [['19950324', 'DUI']]);
  assert.deepEqual(fieldSubfields(t2!, 19), [['JONES,TONY P'], ['JONES,ANTHONY PAUL']]);
  // Records with no mapping (Types 7, 10, 15, 17 here) are left out and listed, with CNT adjusted.
  assert.ok(car.unmapped.some((u) => u.path === 'itl:PackageIrisImageRecord'));
  assert.deepEqual(errorsOf(car.violations), []);
  const sre = parseAnsiNistXml(template('SRE')).file.records[1]!;
  assert.deepEqual([fieldValue(sre, 59), fieldValue(sre, 75), fieldValue(sre, 14)], ['I', "Subject's Rap Sheet goes here", '62760NY12']);
});

test('the ERRT template converts XML -> traditional -> XML keeping every field', () => {
  const first = readAnsiNistXml(template('ERRT'));
  const xml = writeAnsiNistXml(first.file);
  const second = readAnsiNistXml(xml);
  assert.deepEqual(second.file, first.file);
  assert.equal(fieldValue(first.file.records[1]!, 60), 'ERROR MESSAGE GOES HERE');
});

test('conversion refuses what it cannot carry, naming the field or element', () => {
  const tpcard = readAnsiNist(readFileSync(sharedData('ansi-nist', 'nist-references', 'type-4-tpcard.an2')));
  assert.throws(
    () => writeAnsiNistXml(tpcard),
    (e: SeccomError) => e.code === 'SECCOM_ANSI_NIST_XML_UNMAPPED' && e.location?.field === '2.003' && e.location.record === 2,
  );
  assert.throws(() => readAnsiNistXml(template('CAR')), (e: SeccomError) => e.code === 'SECCOM_ANSI_NIST_XML_UNMAPPED' && e.location?.record === 2);
  // A name that given/middle/surname elements cannot rebuild unchanged is refused, not altered.
  const file = readAnsiNist(built().CAR);
  setField(file.records[1]!, 18, [['DOE,JANE ']]);
  assert.throws(() => writeAnsiNistXml(file), (e: SeccomError) => e.code === 'SECCOM_ANSI_NIST_XML_UNMAPPED' && e.location?.field === '2.018');
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

test('mutated XML never fails with anything but a SeccomError (seeded, 400 cases)', () => {
  const sources = [writeAnsiNistXml(readAnsiNist(built().ERRT)), template('ERRT'), template('SRE')];
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
      parseAnsiNistXml(s);
    } catch (e) {
      assert.ok(isSeccomError(e), `case ${i}: ${(e as Error).stack}`);
    }
  }
});
