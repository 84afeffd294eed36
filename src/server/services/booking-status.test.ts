import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { currentStep, type Progress } from './booking-status.ts';

const matched: Progress = {
  hasSib: true,
  forwardedToDhs: true,
  hasCjis: true,
  identOutcome: 'match',
  hasIaq: true,
  hasIar: true,
  action: 'I-247N',
  detainerState: null,
  outcome: null,
  lescPending: false,
  eroPending: false,
  notified: false,
};

describe('booking status labels', () => {
  test('a release after the jail told ICE of it says so; a plain release does not', () => {
    assert.deepEqual(currentStep({ ...matched, detainerState: 'released', outcome: 'released', notified: true }), {
      step: 'outcome',
      status: 'Closed: released, ICE notified of the release time',
    });
    assert.equal(currentStep({ ...matched, detainerState: 'released', outcome: 'released' }).status, 'Closed: released');
    assert.equal(currentStep({ ...matched, detainerState: 'notified' }).status, 'ICE notified of the release time');
  });
});
