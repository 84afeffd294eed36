import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ansiNistFiles } from '../../../../test/support/ansi-nist-files.ts';
import { sharedData } from '../../../../test/support/env.ts';
import { mutate, prng } from '../../../../test/support/fuzz-ansi-nist.ts';
import { isSeccomError } from '../../../errors/index.ts';
import { canonicalTag, errorsOf, fieldSubfields, parseAnsiNist, readAnsiNist, setField, writeAnsiNist, type AnsiNistFile } from '../index.ts';
import { parseAnsiNistXml, readAnsiNistXml, validateXsd, writeAnsiNistXml } from './index.ts';
import { parseXml, type XmlElement } from './tree.ts';

// The record types the XML mapping covers; files with others (3, 5, 6, 8) are out of scope.
const mapped = new Set([1, 2, 4, 7, 9, 10, 13, 14, 15, 16, 17, 99]);

/** Tags in canonical spelling, fields in number order, LEN recomputed: what XML can give back. */
function canonical(file: AnsiNistFile): Uint8Array {
  return writeAnsiNist({
    records: file.records.map((r) => ({
      ...r,
      fields: r.fields
        .map((f) => (f.num === 1 && f.kind === 'text' ? { ...f, subfields: [['0']] } : f))
        .map((f) => ({ ...f, tag: canonicalTag(r.type, f.num) }))
        .sort((a, b) => a.num - b.num),
    })),
  });
}

const an2 = ansiNistFiles()
  .map((f) => ({ name: f.name, bytes: readFileSync(f.path) }))
  .filter((f) => readAnsiNist(f.bytes).records.every((r) => mapped.has(r.type)));

const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
const packages = walk(sharedData('ebts', 'ojbc-xml'))
  .filter((f) => f.endsWith('.xml') && /<[\w-]+:NISTBiometricInformationExchangePackage\b/.test(readFileSync(f, 'utf8')))
  .map((f) => ({ name: f.replace(/.*\/(samples\/xml|test-resources)\//, ''), template: f.includes('/samples/xml/'), text: readFileSync(f, 'utf8') }));

/** XML written in the tests below, for one XSD batch at the end (each xmllint call compiles the schemas). */
const written: { name: string; xml: string }[] = [];

test('every .an2 file of mapped record types converts traditional -> XML -> traditional, or is refused naming the field', () => {
  const sameBytes: string[] = [];
  const sameCanonical: string[] = [];
  const refused: Record<string, string> = {};
  for (const { name, bytes } of an2) {
    const file = readAnsiNist(bytes);
    let xml: string;
    try {
      xml = writeAnsiNistXml(file);
    } catch (e) {
      assert.ok(isSeccomError(e) && e.code === 'SECCOM_ANSI_NIST_XML_UNMAPPED', `${name}: ${e}`);
      refused[name] = String(e.location?.field);
      continue;
    }
    written.push({ name, xml });
    const back = writeAnsiNist(readAnsiNistXml(xml).file);
    if (Buffer.from(back).equals(bytes)) sameBytes.push(name);
    else {
      assert.ok(Buffer.from(back).equals(Buffer.from(canonical(file))), `${name}: differs beyond tag spelling and field order`);
      sameCanonical.push(name);
    }
  }
  assert.equal(an2.length, 39);
  assert.equal(sameBytes.length, 18, sameBytes.join());
  // ANSI/NIST-ITL 1-2000 Type-1 tags (1.02:), and INCITS 9.139/9.140 written before 9.137: XML keeps neither spelling nor order.
  assert.deepEqual(sameCanonical, [
    'nist-references/type-9-13-9-14-m1.an2',
    'nist-references/type-9-13-m1.an2',
    'nist-references/type-9-14-m1.an2',
    'nbis-testdata/valid1.1.an2',
    'nbis-testdata/valid1.10.an2',
    'nbis-testdata/valid1.13.an2',
    'nbis-testdata/valid1.4.an2',
    'nbis-testdata/valid1.5.an2',
    'nbis-testdata/valid1.6.an2',
    'nbis-testdata/valid1.7.an2',
    'nbis-testdata/valid1.8.an2',
  ]);
  assert.deepEqual(refused, {
    'nist-references/rec01_rec02_rec16.nst.an2': '1.002',
    'nist-references/type-9-10-14.an2': '9.005',
    'nist-references/type-9-13-std.an2': '9.005',
    'nist-references/type-9-14-std.an2': '9.005',
    'nist-references/type-9-4-iafis.an2': '9.011',
    'nbis-testdata/valid1.11.an2': '10.041',
    'nbis-testdata/valid1.14.an2': '9.005',
    'nbis-testdata/valid1.15.an2': '9.005',
    'nbis-testdata/valid1.16.an2': '10.040',
    'nbis-testdata/valid1.3.an2': '10.040',
  });
});

/** Leaf values of an XML document as `localName=text`, spelled the way both encodings agree on. */
function leaves(el: XmlElement, out: string[] = []): string[] {
  if (el.children.length > 0) {
    for (const c of el.children) leaves(c, out);
    return out;
  }
  const name = el.name.replace(/^.*:/, '').replace('QualityMeasureVendor', 'QualityAlgorithmVendor');
  const text = name === 'BinaryBase64Object' ? el.text.replace(/\s+/g, '') : el.text.trim().replace(/^true$/, '1').replace(/^false$/, '0');
  out.push(`${name}=${/^\d+$/.test(text) ? String(BigInt(text)) : text}`);
  return out;
}

test('every EBTS XML package reads with no unmapped element and converts XML -> traditional -> XML keeping every value', () => {
  let templates = 0;
  for (const { name, template, text } of packages) {
    let first;
    try {
      first = readAnsiNistXml(text);
    } catch (e) {
      // Schema-invalid: an empty ContentRecordQuantity (see the docs).
      assert.equal(name, 'output/EBTS-FBI_Identity_History_Summary_Request.xml', `${name}: ${e}`);
      continue;
    }
    const xml = writeAnsiNistXml(first.file);
    written.push({ name, xml });
    const second = readAnsiNistXml(xml);
    assert.deepEqual(second.file, first.file, name);
    // Every leaf value of the original is in the rewritten document (binary FGP padding 255 may be added).
    const after = new Map<string, number>();
    for (const l of leaves(parseXml(xml))) after.set(l, (after.get(l) ?? 0) + 1);
    for (const l of leaves(parseXml(text))) {
      const n = after.get(l) ?? 0;
      assert.ok(n > 0, `${name}: ${l.slice(0, 120)} is lost`);
      after.set(l, n - 1);
    }
    if (template) templates++;
  }
  assert.equal(packages.length, 121);
  assert.equal(templates, 100);
});

test('Type-2 fields outside the EBTS 10.0 element set travel in ebts:StateDefinedFields', () => {
  const name = 'nist-references/type-4-slaps.an2';
  const file = readAnsiNist(an2.find((f) => f.name === name)!.bytes);
  const t2 = file.records[1]!;
  setField(t2, 900, [['USER', 'DEFINED'], ['', 'A & <B>']]);
  setField(t2, 1234, [['']]);
  const xml = writeAnsiNistXml(file);
  written.push({ name: 'user-defined Type-2', xml });
  assert.match(xml, /<ebts:StateDefinedFields>\s*<udf:Field>\s*<udf:FieldNumber>900<\/udf:FieldNumber>/);
  const back = readAnsiNistXml(xml).file.records[1]!;
  assert.deepEqual(fieldSubfields(back, 900), [['USER', 'DEFINED'], ['', 'A & <B>']]);
  assert.deepEqual(fieldSubfields(back, 1234), [['']]);
  assert.ok(Buffer.from(writeAnsiNist(readAnsiNistXml(xml).file)).equals(Buffer.from(writeAnsiNist(file))));
});

test('mutated traditional files that read cleanly convert to XML and back unchanged, or are refused (seeded, 300 cases)', () => {
  const sources = an2.filter((f) => f.bytes.length < 60_000).map((f) => f.bytes);
  const rand = prng(5150);
  let converted = 0;
  for (let i = 0; i < 300; i++) {
    const bytes = mutate(sources[i % sources.length]!, rand);
    let read;
    try {
      read = parseAnsiNist(bytes);
    } catch {
      continue;
    }
    if (errorsOf(read.violations).length > 0) continue;
    try {
      const back = readAnsiNistXml(writeAnsiNistXml(read.file)).file;
      assert.ok(Buffer.from(writeAnsiNist(back)).equals(Buffer.from(canonical(read.file))), `case ${i}`);
      converted++;
    } catch (e) {
      assert.ok(isSeccomError(e), `case ${i}: ${(e as Error).stack}`);
    }
  }
  assert.ok(converted > 20, `converted: ${converted}`);
});

test('the XML written above validates against the EBTS 10.0 XSDs, except where the data breaks the schema', async () => {
  assert.ok(written.length > 100, 'runs after the conversions');
  const errors = await validateXsd(written.map((w) => w.xml));
  const found = new Map<string, Set<string>>();
  for (const e of errors) {
    const name = written[e.document]?.name;
    if (!name) continue;
    const element = /Element '\{[^}]*\}(\w+)'/.exec(e.message)?.[1] ?? e.message;
    found.set(name, (found.get(name) ?? new Set()).add(element));
  }
  const expected: Record<string, string[]> = {
    // 1.004 TOT NISTDAAT is not an EBTS TOT; the DCS name is not one of ASCII, UTF-8/16/32.
    'nbis-testdata/face_jpb_DOM_GMT_DCS.an2': ['TransactionCategoryCode', 'CharacterSetCommonNameCode'],
    // SLC 0 (no units, aspect ratio only) is not in the schema's {1, 2}.
    'nist-references/type-10-14-17-piv-index-iris.an2': ['ImageScaleUnitsCode'],
    'nist-references/type-10-branded-tattoo-mark.an2': ['ImageScaleUnitsCode'],
    'nist-references/type-10-sap10.an2': ['ImageScaleUnitsCode'],
    'nist-references/type-10-tattoo-face-sap20.an2': ['ImageScaleUnitsCode'],
    'nist-references/type-10-tattoo-zoom.an2': ['ImageScaleUnitsCode'],
    // 9.140 DIN gives one delta angle; the schema wants three.
    'nist-references/type-9-13-9-14-m1.an2': ['FingerprintPatternDeltaLocation'],
    'nist-references/type-9-13-m1.an2': ['FingerprintPatternDeltaLocation'],
    'nist-references/type-9-14-m1.an2': ['FingerprintPatternDeltaLocation'],
    // No 1.013 DOM (ANSI/NIST-ITL 1-2000 files and one FBI response): ansi-nist:TransactionDomain is required.
    ...Object.fromEntries(['1', '10', '13', '4', '5', '6', '7', '8'].map((n) => [`nbis-testdata/valid1.${n}.an2`, ['TransactionImageResolutionDetails']])),
    'input/FBI_Identity_History_Response_ERRI.xml': ['TransactionImageResolutionDetails'],
  };
  assert.deepEqual(
    Object.fromEntries([...found].map(([k, v]) => [k, [...v]]).sort()),
    Object.fromEntries(Object.entries(expected).sort()),
  );
  // 29 .an2 conversions (12 valid), 120 package round trips (119 valid), the user-defined Type-2.
  assert.deepEqual([written.length, written.length - found.size], [150, 132]);
});
