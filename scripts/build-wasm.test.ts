import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { generate, WASM_MODULES } from './build-wasm.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

for (const m of WASM_MODULES) {
  test(`${m.target} is what ${m.sources.join(', ')} compile to (run scripts/build-wasm.ts after editing)`, () => {
    assert.equal(readFileSync(join(root, m.target), 'utf8'), generate(m).source);
  });
}
