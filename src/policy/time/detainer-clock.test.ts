import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { clockStateAt, computeDetainerClock, holdDeadlineMs, type DetainerClock } from './detainer-clock.ts';
import { parseInstant } from './zoned-time.ts';

const NY = 'America/New_York';
const H = 3_600_000;

function clock(release: string, tz = NY, rule: 'excluding-weekends-holidays' | 'absolute' = 'excluding-weekends-holidays'): DetainerClock {
  return computeDetainerClock(parseInstant(release), rule, tz);
}
const days = (c: DetainerClock) => c.excluded.map((x) => x.date);

// Worked by hand from the calendar; each line names the case it covers.
const TABLE: Array<{ name: string; release: string; tz?: string; expires: string; excluded: string[] }> = [
  { name: 'Christmas Eve, Tuesday', release: '2024-12-24T17:00:00-05:00', expires: '2024-12-27T17:00:00-05:00', excluded: ['2024-12-25'] },
  { name: 'plain weekdays', release: '2023-03-01T00:00:00-05:00', expires: '2023-03-03T00:00:00-05:00', excluded: [] },
  { name: 'ends at midnight before a weekend', release: '2023-03-02T00:00:00-05:00', expires: '2023-03-04T00:00:00-05:00', excluded: [] },
  { name: 'Friday evening over a weekend', release: '2023-03-03T18:00:00-05:00', expires: '2023-03-07T18:00:00-05:00', excluded: ['2023-03-04', '2023-03-05'] },
  { name: 'released on a Saturday before Independence Day', release: '2023-07-01T09:00:00-04:00', expires: '2023-07-06T00:00:00-04:00', excluded: ['2023-07-01', '2023-07-02', '2023-07-04'] },
  { name: 'New Year 2022 observed on Fri 31 Dec 2021', release: '2021-12-30T10:00:00-05:00', expires: '2022-01-04T10:00:00-05:00', excluded: ['2021-12-31', '2022-01-01', '2022-01-02'] },
  { name: 'New Year 2011 observed on Fri 31 Dec 2010', release: '2010-12-30T08:00:00-05:00', expires: '2011-01-04T08:00:00-05:00', excluded: ['2010-12-31', '2011-01-01', '2011-01-02'] },
  { name: 'first Juneteenth, observed Fri 18 Jun 2021', release: '2021-06-17T12:00:00-04:00', expires: '2021-06-22T12:00:00-04:00', excluded: ['2021-06-18', '2021-06-19', '2021-06-20'] },
  { name: 'no Juneteenth in 2020', release: '2020-06-18T12:00:00-04:00', expires: '2020-06-22T12:00:00-04:00', excluded: ['2020-06-20', '2020-06-21'] },
  { name: 'Thanksgiving', release: '2025-11-26T15:00:00-05:00', expires: '2025-12-01T15:00:00-05:00', excluded: ['2025-11-27', '2025-11-29', '2025-11-30'] },
  { name: 'MLK weekend, released Saturday 00:00 (the longest case: 120 h)', release: '2024-01-13T00:00:00-05:00', expires: '2024-01-18T00:00:00-05:00', excluded: ['2024-01-13', '2024-01-14', '2024-01-15'] },
  { name: 'Friday holiday then weekend (Veterans Day 2022)', release: '2022-11-10T12:00:00-05:00', expires: '2022-11-15T12:00:00-05:00', excluded: ['2022-11-11', '2022-11-12', '2022-11-13'] },
  { name: 'Christmas 2008 and weekend', release: '2008-12-24T20:00:00-05:00', expires: '2008-12-29T20:00:00-05:00', excluded: ['2008-12-25', '2008-12-27', '2008-12-28'] },
  { name: 'spring forward weekend (95 h of wall time)', release: '2024-03-08T18:00:00-05:00', expires: '2024-03-12T18:00:00-04:00', excluded: ['2024-03-09', '2024-03-10'] },
  { name: 'fall back weekend (97 h of wall time)', release: '2024-11-01T12:00:00-04:00', expires: '2024-11-05T12:00:00-05:00', excluded: ['2024-11-02', '2024-11-03'] },
  { name: 'the jail’s zone decides the days: Los Angeles', release: '2024-12-24T23:30:00-05:00', tz: 'America/Los_Angeles', expires: '2024-12-27T20:30:00-08:00', excluded: ['2024-12-25'] },
  { name: 'the same instant in New York', release: '2024-12-24T23:30:00-05:00', expires: '2024-12-27T23:30:00-05:00', excluded: ['2024-12-25'] },
  { name: 'Honolulu (no DST)', release: '2030-07-03T10:00:00-10:00', tz: 'Pacific/Honolulu', expires: '2030-07-08T10:00:00-10:00', excluded: ['2030-07-04', '2030-07-06', '2030-07-07'] },
  { name: 'a weekday that is 23 h long (Tehran 2021, DST at midnight)', release: '2021-03-21T12:00:00+03:30', tz: 'Asia/Tehran', expires: '2021-03-24T01:00:00+04:30', excluded: ['2021-03-21'] },
];

for (const c of TABLE) {
  test(`clock: ${c.name}`, () => {
    const k = clock(c.release, c.tz);
    assert.equal(k.expiresAt, c.expires);
    assert.deepEqual(days(k), c.excluded);
  });
}

test('excluded days carry their reason', () => {
  assert.deepEqual(clock('2021-12-30T10:00:00-05:00').excluded, [
    { date: '2021-12-31', reason: "New Year's Day" },
    { date: '2022-01-01', reason: 'Saturday' },
    { date: '2022-01-02', reason: 'Sunday' },
  ]);
});

test('absolute rule: exactly 48 hours, weekends and holidays included', () => {
  const k = clock('2024-12-24T17:00:00-05:00', NY, 'absolute');
  assert.equal(k.expiresAt, '2024-12-26T17:00:00-05:00');
  assert.deepEqual(k.excluded, []);
  assert.equal(clock('2024-03-08T18:00:00-05:00', NY, 'absolute').expiresAt, '2024-03-10T19:00:00-04:00');
});

/**
 * Independent oracle for New York in years whose holidays are written out by hand: counts whole
 * hours day by day (US DST changes on Sundays, which never count, so counted days have 24 h).
 */
const HAND_HOLIDAYS: Record<number, string[]> = {
  2008: ['01-01', '01-21', '02-18', '05-26', '07-04', '09-01', '10-13', '11-11', '11-27', '12-25'],
  2010: ['01-01', '01-18', '02-15', '05-31', '07-05', '09-06', '10-11', '11-11', '11-25', '12-24', '12-31'],
  2021: ['01-01', '01-18', '02-15', '05-31', '06-18', '07-05', '09-06', '10-11', '11-11', '11-25', '12-24', '12-31'],
  2023: ['01-02', '01-16', '02-20', '05-29', '06-19', '07-04', '09-04', '10-09', '11-10', '11-23', '12-25'],
  2030: ['01-01', '01-21', '02-18', '05-27', '06-19', '07-04', '09-02', '10-14', '11-11', '11-28', '12-25'],
};
const handSet = new Set(Object.entries(HAND_HOLIDAYS).flatMap(([y, ds]) => ds.map((d) => `${y}-${d}`)));
const dayAfter = (d: string) => new Date(Date.parse(`${d}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const isOff = (d: string) => [0, 6].includes(new Date(`${d}T12:00:00Z`).getUTCDay()) || handSet.has(d);
function nthSunday(year: number, month: number, n: number): string {
  const first = new Date(Date.UTC(year, month - 1, 1));
  first.setUTCDate(1 + ((7 - first.getUTCDay()) % 7) + (n - 1) * 7);
  return first.toISOString().slice(0, 10);
}
/** US DST since 2007: second Sunday of March to first Sunday of November (never at a counted midnight). */
function nyOffset(d: string): string {
  const y = Number(d.slice(0, 4));
  return d >= nthSunday(y, 3, 2) && d < nthSunday(y, 11, 1) ? '-04:00' : '-05:00';
}
function oracle(date: string, hour: number): { expires: string; excluded: string[] } {
  let remaining = 48;
  let d = date;
  let h = hour;
  const excluded: string[] = [];
  for (;;) {
    if (isOff(d)) excluded.push(d);
    else if (remaining <= 24 - h) {
      const end = h + remaining;
      const [ed, eh] = end === 24 ? [dayAfter(d), 0] : [d, end];
      return { expires: `${ed}T${String(eh).padStart(2, '0')}:00:00${nyOffset(ed)}`, excluded };
    } else remaining -= 24 - h;
    d = dayAfter(d);
    h = 0;
  }
}

test('around every observed holiday of 2008, 2010, 2021, 2023 and 2030, the clock agrees with a hand-calendar oracle', () => {
  let cases = 0;
  for (const [y, ds] of Object.entries(HAND_HOLIDAYS)) {
    for (const md of ds) {
      const holiday = `${y}-${md}`;
      // From two days before the holiday to the day after, at midnight, noon and 23:00.
      for (const start of [-2, -1, 0, 1]) {
        const d = new Date(Date.parse(`${holiday}T12:00:00Z`) + start * 86_400_000).toISOString().slice(0, 10);
        for (const hour of [0, 12, 23]) {
          const release = `${d}T${String(hour).padStart(2, '0')}:00:00${nyOffset(d)}`;
          const want = oracle(d, hour);
          const got = clock(release);
          assert.equal(got.expiresAt, want.expires, release);
          assert.deepEqual(days(got), want.excluded, release);
          cases++;
        }
      }
    }
  }
  assert.ok(cases > 500);
});

const ZONES = ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles', 'America/Anchorage', 'Pacific/Honolulu', 'America/Puerto_Rico'];
const releaseArb = fc.record({
  ms: fc.integer({ min: Date.UTC(2008, 9, 27), max: Date.UTC(2030, 11, 31) }),
  tz: fc.constantFrom(...ZONES),
});
// Three excluded days in a row is the most a 48-hour window can meet (a Monday or Friday holiday
// next to a weekend), and one of them may be a 25-hour DST day.
const LONGEST = 48 * H + 3 * 24 * H + H;

test('property: expiry is never earlier than 48 h after release, nor later than the longest holiday weekend', () => {
  fc.assert(
    fc.property(releaseArb, ({ ms, tz }) => {
      const k = computeDetainerClock(ms, 'excluding-weekends-holidays', tz);
      const held = k.expiresAtMs - k.releaseAtMs;
      return held >= 48 * H && held <= LONGEST;
    }),
    { numRuns: 400 },
  );
});

test('property: a later release never expires earlier; expiry never falls inside an excluded day', () => {
  fc.assert(
    fc.property(releaseArb, fc.integer({ min: 0, max: 7 * 24 * H }), ({ ms, tz }, later) => {
      const a = computeDetainerClock(ms, 'excluding-weekends-holidays', tz);
      const b = computeDetainerClock(ms + later, 'excluding-weekends-holidays', tz);
      const expiryDay = b.expiresAt.slice(0, 10);
      const inExcluded = b.excluded.some((x) => x.date === expiryDay) && !b.expiresAt.slice(11).startsWith('00:00:00');
      return b.expiresAtMs >= a.expiresAtMs && !inExcluded;
    }),
    { numRuns: 300 },
  );
});

test('property: the absolute rule is exactly 48 hours in every zone', () => {
  fc.assert(
    fc.property(releaseArb, ({ ms, tz }) => {
      const k = computeDetainerClock(ms, 'absolute', tz);
      return k.expiresAtMs - k.releaseAtMs === 48 * H && k.excluded.length === 0;
    }),
    { numRuns: 300 },
  );
});

test('the clock stops for good at a claim of US citizenship, and never runs past expiry', () => {
  const k = clock('2024-12-24T17:00:00-05:00');
  const claim = parseInstant('2024-12-26T09:00:00-05:00');
  assert.deepEqual(clockStateAt(k, parseInstant('2024-12-24T12:00:00-05:00')), { status: 'not-started', startsAt: '2024-12-24T17:00:00-05:00' });
  const running = clockStateAt(k, parseInstant('2024-12-26T17:00:00-05:00'));
  assert.equal(running.status, 'running');
  assert.equal(running.status === 'running' && running.remainingMs, 24 * H);
  assert.deepEqual(clockStateAt(k, k.expiresAtMs), { status: 'expired', expiredAt: '2024-12-27T17:00:00-05:00' });
  assert.deepEqual(clockStateAt(k, claim + H, claim), {
    status: 'stopped',
    stoppedAt: '2024-12-26T09:00:00-05:00',
    reason: 'us-citizenship-claim',
    escalate: true,
  });
  assert.equal(holdDeadlineMs(k, claim), claim);
  assert.equal(holdDeadlineMs(k), k.expiresAtMs);
  // A claim made after expiry changes nothing: the hold had already ended.
  assert.equal(clockStateAt(k, k.expiresAtMs + H, k.expiresAtMs + 1).status, 'expired');
  assert.equal(holdDeadlineMs(k, k.expiresAtMs + 1), k.expiresAtMs);
});
