import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { SeccomError } from '../../errors/index.ts';
import { defaultRulesPath, loadEbtsRules, parseRuleFile, requirementFor } from './index.ts';

const rules = loadEbtsRules();

const mandatory = (tot: string, type: number) => [
  ...new Set(rules.rules.filter((r) => r.recordType === type && requirementFor(r, tot) === 'M' && r.form !== 'item').map((r) => r.location.replace(/:$/, ''))),
];

test('the verification file defines the 71 TOTs (63 EBTS 9.1 + 8 card scanning)', () => {
  assert.equal(rules.transactions.size, 71);
  assert.deepEqual(rules.transactions.get('CAR')!.counts, [
    { types: [1], min: 1, max: 1 },
    { types: [2], min: 1, max: 1 },
    { types: [4, 14], min: 1, max: 14 },
    { types: [10], min: 0, max: 4 },
    { types: [7, 13], min: 0, max: 2 },
    { types: [15], min: 0, max: 8 },
  ]);
  assert.deepEqual(rules.transactions.get('ERRT')!.counts.map((c) => c.types), [[1], [2]]);
});

test('CAR Type-2 mandatory fields, read from the data, are those of EBTS 9.1 (DOMAIN.md section 7)', () => {
  assert.deepEqual(mandatory('CAR', 2), [
    '2.001', '2.002', '2.005', '2.018', '2.020', '2.022', '2.024', '2.025', '2.027', '2.029', '2.031', '2.032', '2.045', '2.047', '2.073',
  ]);
  assert.deepEqual(mandatory('SRE', 2), ['2.001', '2.002', '2.018', '2.059', '2.073']);
  assert.deepEqual(mandatory('ERRT', 2), ['2.001', '2.002', '2.060']);
});

test('rule details: value lists (inline and file://), dates, items, per-TOT overrides', () => {
  const find = (m: string) => rules.rules.find((r) => r.mnemonic === m)!;
  assert.deepEqual([...find('T2_SEX').values!].sort(), ['F', 'G', 'M', 'N', 'X', 'Y', 'Z']);
  assert.ok(find('T2_POB').values!.has('CT'), 'POB list comes from T2_POB.txt');
  assert.equal(find('T2_DOB').date, 'ZCCYYMMDD');
  assert.deepEqual([find('T2_ASL_AOL').form, find('T2_ASL_AOL').item], ['item', 2]);
  assert.equal(requirementFor(find('T2_ASL_DOO'), 'CAR'), 'O');
  assert.equal(requirementFor(find('T2_NAM'), 'LSR'), 'O');
  assert.equal(requirementFor(find('T2_NAM'), 'ERRT'), undefined);
  assert.equal(find('T2_NAM').specials, '-, ');
  // "SRE\nSRT M" has no comma at the line break: SRE keeps the list default (O), SRT is M.
  const oca = find('T2_OCA');
  assert.deepEqual([requirementFor(oca, 'SRE'), requirementFor(oca, 'SRT')], ['O', 'M']);
  assert.equal(find('T2_NAM').line, 819);
});

test('a broken rule file fails with the file and line', () => {
  const text = readFileSync(defaultRulesPath, 'utf8').replace('2.018\tT2_NAM\tAS', '2.018\tT2_NAM\tQQ');
  assert.throws(
    () => parseRuleFile(text, 'broken.txt', () => ''),
    (e: SeccomError) => e.code === 'SECCOM_EBTS_RULES_INVALID' && e.location?.file === 'broken.txt' && e.location.line === 819,
  );
  assert.throws(() => loadEbtsRules('/nonexistent/rules.txt'), (e: SeccomError) => e.code === 'SECCOM_EBTS_RULES_INVALID');
});
