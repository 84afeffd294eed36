/**
 * Preloaded by `npm test` (scripts/run-tests.ts). A failing `assert.ok(value)` without a message
 * makes Node build one from the call's source text; on the TypeScript files tsx runs, that parse
 * fails and is retried on ever longer text, for minutes, so one failing assertion held its test
 * file until the runner's timeout. Here a failing `ok` without a message says what it got instead.
 *
 * Plain JavaScript: worker threads that tests start (the XSD validator's) inherit the preload
 * without tsx's loader.
 */
import assert from 'node:assert';

for (const target of [assert, assert.strict]) {
  const ok = target.ok;
  target.ok = (value, message) => ok(value, message ?? `expected a truthy value, got ${String(value)}`);
}
