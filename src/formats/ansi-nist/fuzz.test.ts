import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { ansiNistFiles } from '../../../test/support/ansi-nist-files.ts';
import { fuzzAnsiNist } from '../../../test/support/fuzz-ansi-nist.ts';

// The long run is `npm run fuzz` (bench/fuzz/ansi-nist.ts); this one stays within seconds.
test('mutated real files either parse or fail with a located ANSI/NIST error (seeded, 10,000 cases)', () => {
  const inputs = ansiNistFiles()
    .filter((f) => statSync(f.path).size < 200_000)
    .map((f) => readFileSync(f.path));
  assert.ok(inputs.length >= 20);
  const stats = fuzzAnsiNist(inputs, 20260401, 10_000);
  assert.equal(stats.cases, 10_000);
  // The mutations must reach both outcomes, or the loop tests nothing.
  assert.ok(stats.parsedClean > 100, `parsed clean: ${stats.parsedClean}`);
  assert.ok(Object.keys(stats.rejected).length >= 5, JSON.stringify(stats.rejected));
});
