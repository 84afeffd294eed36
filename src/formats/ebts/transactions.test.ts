import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sampleCar } from '../../../test/support/ebts-sample.ts';
import { sharedData } from '../../../test/support/env.ts';
import { SeccomError } from '../../errors/index.ts';
import { fieldValue, parseAnsiNist, readAnsiNist, setField, writeAnsiNist } from '../ansi-nist/index.ts';
import { writeAnsiNistXml } from '../ansi-nist/xml/index.ts';
import {
  buildErrt,
  buildSre,
  buildTenprint,
  errtMessages,
  loadEbtsRules,
  readResponse,
  readTransaction,
  respondTo,
  validateEbts,
} from './index.ts';

const rules = loadEbtsRules();

test('a built CAR is valid ANSI/NIST and valid EBTS, and reads back typed', () => {
  const input = sampleCar();
  const bytes = buildTenprint(input);
  assert.deepEqual(parseAnsiNist(bytes).violations, []);
  const car = readTransaction(bytes, { strict: true });
  assert.equal(car.tot, 'CAR');
  assert.deepEqual(car.violations, []);
  assert.equal(car.header.tcn, input.header.tcn);
  assert.equal(car.header.version, '0400');
  assert.deepEqual(car.subject.datesOfBirth, ['19800229']);
  assert.equal(car.subject.name, 'DOE,JANE Q');
  assert.deepEqual(car.arrest.offenses, input.arrest.offenses);
  assert.equal(car.arrest.retain, true);
  assert.deepEqual(car.fingerprints.map((f) => f.positions[0]), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  const f1 = car.fingerprints[0]!;
  assert.deepEqual([f1.recordType, f1.compression, f1.width, f1.height, f1.ppi], [4, 'WSQ20', 804, 752, 500]);
  assert.ok(Buffer.from(f1.data).equals(Buffer.from(input.fingerprints[0]!.data)));
});

test('CNA leaves out the CAR-only fields; Type-14 and JPEG 2000 prints are supported', () => {
  const input = sampleCar({ tot: 'CNA' });
  input.fingerprints[0] = { ...input.fingerprints[0]!, recordType: 14 };
  const cna = readTransaction(buildTenprint(input), { strict: true });
  assert.equal(cna.tot, 'CNA');
  assert.equal(cna.arrest.attention, undefined);
  assert.deepEqual([cna.fingerprints[0]!.recordType, cna.fingerprints[0]!.ppi, cna.fingerprints[0]!.compression], [14, 500, 'WSQ20']);
});

test('validate names each missing and malformed field', () => {
  const file = readAnsiNist(buildTenprint(sampleCar()));
  const t2 = file.records[1]!;
  t2.fields = t2.fields.filter((f) => f.num !== 18 && f.num !== 45);
  setField(t2, 24, [['Q']]);
  setField(t2, 22, [['19800230']]);
  setField(t2, 27, [['56']]);
  setField(t2, 6, [['DET. J. Q. PUBLIC']]);
  setField(t2, 47, [['20110313', '']]);
  const v = validateEbts(readAnsiNist(writeAnsiNist(file)), rules);
  const got = v.map((x) => [x.code, x.location.field, x.location.item ?? null]);
  assert.deepEqual(got, [
    ['SECCOM_EBTS_BAD_FIELD', '2.006', null],
    ['SECCOM_EBTS_MISSING_FIELD', '2.018', null],
    ['SECCOM_EBTS_BAD_FIELD', '2.022', null],
    ['SECCOM_EBTS_BAD_FIELD', '2.024', null],
    ['SECCOM_EBTS_BAD_FIELD', '2.027', null],
    ['SECCOM_EBTS_MISSING_FIELD', '2.045', null],
    ['SECCOM_EBTS_MISSING_FIELD', '2.047', 2],
  ]);
  assert.match(v[2]!.message, /T2_DOB .*no such day/);
  assert.match(v[3]!.message, /"Q" is not in the code list/);
});

test('record counts and TOT checks', () => {
  const noPrints = sampleCar({ fingerprints: [] });
  const v = validateEbts(readAnsiNist(buildTenprint(noPrints)), rules);
  assert.deepEqual(v.map((x) => x.code), ['SECCOM_EBTS_RECORD_COUNT']);
  assert.match(v[0]!.message, /CAR needs 1-14 Type-4\/Type-14 record\(s\), the file has 0/);
  const asSre = validateEbts(readAnsiNist(buildTenprint(sampleCar())), rules, 'SRE');
  assert.ok(asSre.some((x) => x.code === 'SECCOM_EBTS_BAD_FIELD' && x.location.field === '1.004'));
  assert.deepEqual(validateEbts(readAnsiNist(buildTenprint(sampleCar())), rules, 'NOPE').map((x) => x.code), ['SECCOM_EBTS_UNKNOWN_TOT']);
});

test('NBIS valid1.1.an2 (a CAR) meets the CAR rules once its version says 0400', () => {
  const file = readAnsiNist(readFileSync(sharedData('ansi-nist', 'nbis-testdata', 'valid1.1.an2')));
  assert.deepEqual(validateEbts(file, rules).map((x) => x.location.field), ['1.002']);
  setField(file.records[0]!, 2, [['0400']]);
  assert.deepEqual(validateEbts(file, rules), []);
});

test('readTransaction refuses other TOTs and structural errors; returns EBTS violations unless strict', () => {
  const other = readFileSync(sharedData('ansi-nist', 'nist-references', 'type-4-tpcard.an2'));
  assert.throws(() => readTransaction(other), (e: SeccomError) => e.code === 'SECCOM_EBTS_UNKNOWN_TOT');
  const bytes = buildTenprint(sampleCar());
  assert.throws(() => readTransaction(bytes.subarray(0, 100)), (e: SeccomError) => e.code === 'SECCOM_ANSI_NIST_TRUNCATED');
  const file = readAnsiNist(bytes);
  setField(file.records[1]!, 20, [['ZZ']]);
  const lax = readTransaction(writeAnsiNist(file));
  assert.deepEqual(lax.violations.map((x) => x.location.field), ['2.020']);
  assert.throws(() => readTransaction(writeAnsiNist(file), { strict: true }), (e: SeccomError) => e.code === 'SECCOM_EBTS_BAD_FIELD');
});

test('SRE and ERRT answer the submission, are valid EBTS, and read back', () => {
  const car = readTransaction(buildTenprint(sampleCar()));
  const routing = respondTo(car, { ori: 'WVIAFIS0Z', tcn: 'WVIAFIS0Z-0000000001', date: '20110315' });
  const rapSheet = ['FBI IDENTIFICATION RECORD', 'NAME: DOE,JANE Q', 'NO PRIOR ARRESTS'].join('\r\n');
  const sre = buildSre({ routing, result: 'I', name: car.subject.name, fbiNumber: '123456AB7', rapSheet, controllingAgencies: ['CT0000100'] });
  assert.deepEqual(validateEbts(readAnsiNist(sre), rules), []);
  const back = readResponse(sre);
  assert.equal(back.tot, 'SRE');
  if (back.tot !== 'SRE') return;
  assert.deepEqual([back.result, back.fbiNumber, back.rapSheet, back.header.tcr, back.header.dai], ['I', '123456AB7', rapSheet, car.header.tcn, 'CT0000100']);

  const bad = readAnsiNist(buildTenprint(sampleCar()));
  setField(bad.records[1]!, 24, [['Q']]);
  const messages = errtMessages(readTransaction(writeAnsiNist(bad)).violations);
  const errt = buildErrt({ routing, messages });
  assert.deepEqual(validateEbts(readAnsiNist(errt), rules), []);
  const e = readResponse(errt);
  assert.equal(e.tot, 'ERRT');
  if (e.tot === 'ERRT') assert.match(e.messages[0]!, /SECCOM_EBTS_BAD_FIELD: T2_SEX/);
  assert.equal(fieldValue(readAnsiNist(errt).records[0]!, 10), car.header.tcn);
});

test('ERRT messages stay within the MSG rule: 11 at most, 300 printable characters each', () => {
  const many = Array.from({ length: 30 }, (_, i) => ({
    code: 'SECCOM_EBTS_BAD_FIELD' as const,
    severity: 'error' as const,
    message: `problem ${i} ${'é'.repeat(400)}`,
    location: { record: 2 },
  }));
  const msgs = errtMessages(many);
  assert.equal(msgs.length, 11);
  assert.ok(msgs.every((m) => m.length <= 300 && /^[\x20-\x7e]+$/.test(m)));
  assert.match(msgs[10]!, /20 more problems/);
});

test('readTransaction reads NIEM XML too: the same submission as the traditional file', () => {
  const bytes = buildTenprint(sampleCar());
  const xml = Buffer.from(writeAnsiNistXml(readAnsiNist(bytes)));
  const fromXml = readTransaction(xml, { strict: true });
  const fromTrad = readTransaction(bytes, { strict: true });
  assert.deepEqual({ ...fromXml, file: undefined }, { ...fromTrad, file: undefined });
  const template = readFileSync(
    sharedData('ebts', 'ojbc-xml', 'ebts-10.0-ws-specification', 'Inc4_External_Service_Contracts_v1.1', 'external', 'samples', 'xml', 'Identification Service', 'Template(CAR)CriminalAnswerRequiredTransaction.xml'),
  );
  const car = readTransaction(template);
  assert.equal(car.subject.name, 'JONES,ANTHONY PAUL');
  // Every element of the EBTS 10.0 CAR template is mapped, so nothing is left out.
  assert.ok(!car.violations.some((v) => v.code === 'SECCOM_ANSI_NIST_XML_UNMAPPED'));
});
