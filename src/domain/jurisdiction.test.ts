import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dhsSharingAt, type Activation } from './jurisdiction.ts';

const row = (from: string, activated: boolean, optOutRequested = false, optOutHonoured = true): Activation => ({
  effectiveFrom: new Date(from),
  activated,
  optOutRequested,
  optOutHonoured,
  note: '',
});

test('prints go to DHS only from the activation date on', () => {
  const history = [row('2010-09-14T00:00:00Z', true)];
  assert.deepEqual(dhsSharingAt(history, new Date('2010-09-13T23:59:59Z')), { forward: false, reason: 'jurisdiction not activated' });
  assert.equal(dhsSharingAt(history, new Date('2010-09-14T00:00:00Z')).forward, true);
  assert.equal(dhsSharingAt([], new Date('2015-01-01')).forward, false);
});

test('an opt-out request has effect only while policy honours it (not after 5 Aug 2011)', () => {
  const history = [row('2010-09-14T00:00:00Z', true), row('2011-05-04T00:00:00Z', true, true, true), row('2011-08-05T00:00:00Z', true, true, false)];
  assert.equal(dhsSharingAt(history, new Date('2011-06-01')).forward, false);
  const after = dhsSharingAt(history, new Date('2011-09-01'));
  assert.equal(after.forward, true);
  assert.match(after.reason, /not honoured/);
});

test('the row in force is the latest one not after the date, whatever the order given', () => {
  const history = [row('2012-01-01T00:00:00Z', false), row('2011-01-01T00:00:00Z', true)];
  assert.equal(dhsSharingAt(history, new Date('2011-06-01')).forward, true);
  assert.equal(dhsSharingAt(history, new Date('2012-06-01')).forward, false);
});
