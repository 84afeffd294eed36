import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatTargets, fuzzFormats } from '../../../test/support/fuzz-formats.ts';

// The CI share of the mutation fuzzing of the WSQ, image and template readers (a few seconds);
// `npm run fuzz` runs the same cases for as long as asked.
test('mutated WSQ, image and template files decode or fail with typed, located errors', async () => {
  const stats = fuzzFormats(await formatTargets(), 20240611, 1200);
  assert.equal(stats.cases, 1200);
  assert.ok(stats.decoded > 0, 'some mutations still decode');
  for (const prefix of ['SECCOM_WSQ_', 'SECCOM_IMAGE_', 'SECCOM_TEMPLATE_']) {
    assert.ok(Object.keys(stats.rejected).some((c) => c.startsWith(prefix)), `some cases rejected as ${prefix}*`);
  }
  for (const [name, t] of Object.entries(stats.byTarget)) assert.ok(t.decoded > 0 && t.rejected > 0, `${name}: ${JSON.stringify(t)}`);
});
