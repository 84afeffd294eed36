import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { caseFacts, collections } from './facts/vocabulary.ts';
import { parseCaseFacts } from './facts/case-facts.ts';

const read = (p: string) => readFileSync(new URL(`../../${p}`, import.meta.url), 'utf8');

test('docs/policy-language.md documents every fact and item field', () => {
  const doc = read('docs/policy-language.md');
  const names = [...caseFacts.map((f) => f.name), ...Object.values(collections).flatMap((c) => c.fields.map((f) => f.name))];
  const missing = names.filter((n) => !doc.includes(`\`${n}\``));
  assert.deepEqual(missing, []);
});

test('the example in docs/policy-case-format.md is the committed example file, and it is valid', () => {
  const doc = read('docs/policy-case-format.md');
  const block = /```json\n([\s\S]*?)```/.exec(doc)![1]!;
  const file = JSON.parse(read('policies/examples/ct-pending-felony.json'));
  assert.deepEqual(JSON.parse(block), file);
  parseCaseFacts(file);
});
