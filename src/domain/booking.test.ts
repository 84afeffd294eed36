import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateBooking, type BookingSubmission } from './booking.ts';

function goodBooking(): BookingSubmission {
  return {
    tcn: 'T-1',
    ori: 'TX1010000',
    bookingNumber: 'BK-1',
    tot: 'CAR',
    familyName: 'ALDER',
    givenName: 'ZOE',
    dob: '1990-02-03',
    sex: 'F',
    pob: 'TX',
    arrestedAt: new Date('2012-04-02T05:00:00Z'),
    releaseDueAt: new Date('2012-04-02T20:00:00Z'),
    charges: [{ offense: 'DUI', ncic: '5403', level: 3, felony: false }],
    prints: [{ width: 400, height: 500, ppi: 500, position: 1, quality: 80, minutiae: [] }],
  };
}

test('a well-formed booking passes', () => {
  validateBooking(goodBooking());
});

test('each malformed field is named in a SECCOM_MALFORMED_BOOKING error', () => {
  const cases: [string, (b: BookingSubmission) => void][] = [
    ['tcn', (b) => (b.tcn = '')],
    ['ori', (b) => (b.ori = 'short')],
    ['dob', (b) => (b.dob = '1990-13-45')],
    ['sex', (b) => ((b as { sex: string }).sex = 'Q')],
    ['releaseDueAt', (b) => (b.releaseDueAt = new Date('2012-04-01T00:00:00Z'))],
    ['charges', (b) => (b.charges = [])],
    ['charges[0]', (b) => (b.charges[0]!.ncic = '54')],
    ['prints', (b) => (b.prints = [])],
    ['prints[1].position', (b) => b.prints.push({ ...b.prints[0]! })],
  ];
  for (const [field, spoil] of cases) {
    const b = goodBooking();
    spoil(b);
    assert.throws(
      () => validateBooking(b),
      (e: unknown) => {
        const err = e as { code: string; location: { field: string } };
        assert.equal(err.code, 'SECCOM_MALFORMED_BOOKING', field);
        assert.equal(err.location.field, field);
        return true;
      },
    );
  }
});
