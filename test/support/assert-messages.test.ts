import { test } from 'node:test';
import assert from 'node:assert/strict';

test('a failing assert.ok without a message fails at once, saying what it got (npm test preloads the fix)', () => {
  assert.throws(() => assert.ok(0 > 1), { message: 'expected a truthy value, got false' });
  assert.throws(() => assert.ok(null, 'its own message'), { message: 'its own message' });
});
