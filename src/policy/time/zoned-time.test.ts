import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatWithOffset, localDateOf, parseInstant, startOfLocalDay } from './zoned-time.ts';

test('an instant needs its offset; impossible dates and times are refused', () => {
  assert.equal(parseInstant('2024-12-24T17:00:00-05:00'), Date.UTC(2024, 11, 24, 22));
  assert.equal(parseInstant('2024-12-24T22:00Z'), Date.UTC(2024, 11, 24, 22));
  for (const bad of ['2024-12-24T17:00:00', '2024-02-30T00:00:00Z', '2024-01-01T24:00:00Z', '24 Dec 2024', '2024-12-24']) {
    assert.throws(() => parseInstant(bad), { code: 'SECCOM_POLICY_TIME_INVALID' }, bad);
  }
});

test('local days follow the zone, including the 23- and 25-hour DST days', () => {
  const ny = 'America/New_York';
  assert.equal(localDateOf(Date.UTC(2024, 11, 25, 4, 59), ny), '2024-12-24');
  assert.equal(startOfLocalDay('2024-03-10', ny), Date.UTC(2024, 2, 10, 5));
  assert.equal(startOfLocalDay('2024-03-11', ny) - startOfLocalDay('2024-03-10', ny), 23 * 3_600_000);
  assert.equal(startOfLocalDay('2024-11-04', ny) - startOfLocalDay('2024-11-03', ny), 25 * 3_600_000);
});

test('a day whose midnight does not exist starts at its first wall time (Tehran, 22 Mar 2021)', () => {
  const start = startOfLocalDay('2021-03-22', 'Asia/Tehran');
  assert.equal(formatWithOffset(start, 'Asia/Tehran'), '2021-03-22T01:00:00+04:30');
  assert.equal(localDateOf(start - 1, 'Asia/Tehran'), '2021-03-21');
});

test('times print with the local offset at that instant', () => {
  assert.equal(formatWithOffset(Date.UTC(2024, 6, 1, 16), 'America/Los_Angeles'), '2024-07-01T09:00:00-07:00');
  assert.equal(formatWithOffset(Date.UTC(2024, 0, 1, 16, 0, 0, 250), 'Pacific/Honolulu'), '2024-01-01T06:00:00.250-10:00');
  assert.throws(() => localDateOf(0, 'Mars/Olympus_Mons'), { code: 'SECCOM_POLICY_TIME_INVALID' });
});
