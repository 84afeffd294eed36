import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, makeDate } from './local-date.ts';
import { federalHolidays, observedHolidayOn } from './federal-holidays.ts';

/** Observed federal holidays per OPM's published calendars, written out by hand. */
const OBSERVED: Record<number, string[]> = {
  2008: ['01-01', '01-21', '02-18', '05-26', '07-04', '09-01', '10-13', '11-11', '11-27', '12-25'],
  // Christmas on a Saturday → Fri 24 Dec; New Year's Day 2011 on a Saturday → Fri 31 Dec 2010.
  2010: ['01-01', '01-18', '02-15', '05-31', '07-05', '09-06', '10-11', '11-11', '11-25', '12-24', '12-31'],
  // Christmas on a Sunday → Mon 26 Dec.
  2016: ['01-01', '01-18', '02-15', '05-30', '07-04', '09-05', '10-10', '11-11', '11-24', '12-26'],
  2020: ['01-01', '01-20', '02-17', '05-25', '07-03', '09-07', '10-12', '11-11', '11-26', '12-25'],
  // Juneteenth's first year, observed Fri 18 Jun; New Year's Day 2022 observed Fri 31 Dec 2021.
  2021: ['01-01', '01-18', '02-15', '05-31', '06-18', '07-05', '09-06', '10-11', '11-11', '11-25', '12-24', '12-31'],
  // No New Year's Day in 2022 itself: it was observed on 31 Dec 2021.
  2022: ['01-17', '02-21', '05-30', '06-20', '07-04', '09-05', '10-10', '11-11', '11-24', '12-26'],
  2023: ['01-02', '01-16', '02-20', '05-29', '06-19', '07-04', '09-04', '10-09', '11-10', '11-23', '12-25'],
  2027: ['01-01', '01-18', '02-15', '05-31', '06-18', '07-05', '09-06', '10-11', '11-11', '11-25', '12-24', '12-31'],
  2030: ['01-01', '01-21', '02-18', '05-27', '06-19', '07-04', '09-02', '10-14', '11-11', '11-28', '12-25'],
};

function observedIn(year: number): string[] {
  const out: string[] = [];
  for (let d = makeDate(year, 1, 1); d < makeDate(year + 1, 1, 1); d = addDays(d, 1)) {
    if (observedHolidayOn(d) !== undefined) out.push(d.slice(5));
  }
  return out;
}

for (const [year, expected] of Object.entries(OBSERVED)) {
  test(`observed federal holidays of ${year} match OPM's calendar`, () => {
    assert.deepEqual(observedIn(Number(year)), expected);
  });
}

test('a holiday moved across the year end keeps its name', () => {
  assert.equal(observedHolidayOn('2021-12-31'), "New Year's Day");
  assert.equal(observedHolidayOn('2010-12-31'), "New Year's Day");
  assert.equal(observedHolidayOn('2027-12-31'), "New Year's Day");
  assert.equal(observedHolidayOn('2022-01-01'), undefined);
});

test('Juneteenth is a holiday from 2021 only', () => {
  assert.equal(observedHolidayOn('2020-06-19'), undefined);
  assert.equal(observedHolidayOn('2021-06-18'), 'Juneteenth National Independence Day');
  assert.equal(observedHolidayOn('2025-06-19'), 'Juneteenth National Independence Day');
});

test('every year 2008–2030 has 10 holidays (11 from 2021), each observed on a weekday next to its date', () => {
  for (let year = 2008; year <= 2030; year++) {
    const hs = federalHolidays(year);
    assert.equal(hs.length, year >= 2021 ? 11 : 10, `${year}`);
    for (const h of hs) {
      const dow = new Date(`${h.observed}T12:00:00Z`).getUTCDay();
      assert.ok(dow >= 1 && dow <= 5, `${h.name} ${year} observed on a weekend`);
      const shift = (Date.parse(h.observed) - Date.parse(h.date)) / 86_400_000;
      const actual = new Date(`${h.date}T12:00:00Z`).getUTCDay();
      assert.equal(shift, actual === 6 ? -1 : actual === 0 ? 1 : 0, `${h.name} ${year}`);
    }
  }
});

test('years outside the calendar are refused, not guessed', () => {
  assert.throws(() => federalHolidays(1970), { code: 'SECCOM_POLICY_NOT_IN_FORCE' });
});
