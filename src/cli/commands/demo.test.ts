import { test } from 'node:test';
import assert from 'node:assert/strict';
import { main } from '../main.ts';
import { captureIO } from '../../../test/support/capture.ts';

test('seccom demo --json: the contract fields, all bookings through, same seed same output byte for byte', async () => {
  const args = ['demo', '--bookings', '80', '--people', '200', '--seed', 'det', '--json'];
  const a = captureIO();
  const b = captureIO();
  assert.equal(await main(args, a), 0);
  assert.equal(await main(args, b), 0);
  assert.equal(a.stdout.length, 1);
  assert.equal(a.stdout[0], b.stdout[0]);
  const r = JSON.parse(a.stdout[0]!);
  // The first contract's keys keep their order; figures added later follow them.
  assert.deepEqual(Object.keys(r), [
    'bookings',
    'sibForwarded',
    'cjisHits',
    'identMatches',
    'iaqs',
    'iars',
    'detainers',
    'auditEntries',
    'auditVerified',
    'notifications',
    'transfers',
    'citizenshipClaims',
    'escalations',
  ]);
  assert.deepEqual(Object.keys(r.detainers), ['lodged', 'honoured', 'declined', 'lapsed']);
  assert.deepEqual(Object.keys(r.notifications), ['lodged', 'agreed', 'declined', 'notified']);
  assert.deepEqual(Object.keys(r.transfers), ['lodged', 'agreed', 'declined', 'transferred']);
  assert.deepEqual(Object.keys(r.citizenshipClaims), ['claims', 'cancelled']);
  assert.equal(r.bookings, 80);
  assert.equal(r.auditVerified, true);
  assert.ok(r.sibForwarded <= r.bookings && r.identMatches <= r.sibForwarded);
  assert.equal(r.iaqs, r.identMatches);
  assert.equal(r.iars, r.iaqs);
  assert.ok(r.detainers.honoured + r.detainers.declined <= r.detainers.lodged);
});

test('seccom demo rejects a bad --bookings with a usage error', async () => {
  const io = captureIO();
  assert.equal(await main(['demo', '--bookings', 'many'], io), 2);
  assert.match(io.stderr.join(''), /SECCOM_USAGE/);
});
