import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { areas, catalog } from './catalog.ts';
import { SeccomError } from './seccom-error.ts';
import { renderErrorDocs, errorDocsPath } from '../../scripts/gen-error-docs.ts';

test('every code is SECCOM_-prefixed, unique across areas, with a valid status', () => {
  const seen = new Set<string>();
  for (const codes of Object.values(areas)) {
    for (const [code, spec] of Object.entries(codes)) {
      assert.match(code, /^SECCOM_[A-Z0-9_]+$/);
      assert.ok(!seen.has(code), `duplicate code ${code}`);
      seen.add(code);
      assert.ok(spec.status >= 400 && spec.status < 600, `${code} status ${spec.status}`);
      assert.ok(spec.description.length > 10, `${code} needs a description`);
    }
  }
  assert.equal(seen.size, Object.keys(catalog).length);
});

test('docs/errors.md is generated from the catalog (run npm run docs:errors)', () => {
  assert.equal(readFileSync(errorDocsPath, 'utf8'), renderErrorDocs());
});

test('SeccomError carries status, exit code and a problem document', () => {
  const e = new SeccomError('SECCOM_USAGE', 'bad flag', { location: { arg: 3 } });
  assert.equal(e.status, 400);
  assert.equal(e.exitCode, 2);
  const p = e.toProblem('/api/x');
  assert.equal(p.code, 'SECCOM_USAGE');
  assert.equal(p.instance, '/api/x');
  assert.deepEqual(p.location, { arg: 3 });
});
