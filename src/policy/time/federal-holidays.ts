/**
 * Legal public holidays, 5 U.S.C. 6103(a), and the days they are observed under 6103(b) and
 * Executive Order 11582: a holiday on a Saturday is observed the Friday before (so New Year's Day
 * on a Saturday moves into the previous year), one on a Sunday the Monday after.
 * Inauguration Day (6103(c)) is left out: it is a holiday only for employees in the Washington DC
 * area, not a day excluded from a detainer anywhere else.
 */
import { SeccomError } from '../../errors/index.ts';
import { addDays, makeDate, weekday, yearOf, type LocalDate } from './local-date.ts';

export interface FederalHoliday {
  readonly name: string;
  /** The day the statute names. */
  readonly date: LocalDate;
  /** The weekday on which it is observed (equal to date unless date is a Saturday or Sunday). */
  readonly observed: LocalDate;
}

/** The first year with every holiday of today's list except Juneteenth (MLK Day from 1986). */
export const FIRST_SUPPORTED_YEAR = 1986;
export const LAST_SUPPORTED_YEAR = 2199;
/** Juneteenth National Independence Day Act, Pub. L. 117-17, signed 17 Jun 2021. */
export const JUNETEENTH_FIRST_YEAR = 2021;

/** The n-th (1-based) given weekday of a month; n = -1 for the last. */
function nthWeekday(year: number, month: number, dow: number, n: number): LocalDate {
  if (n > 0) {
    const first = makeDate(year, month, 1);
    return addDays(first, ((dow - weekday(first) + 7) % 7) + (n - 1) * 7);
  }
  const last = addDays(makeDate(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1), -1);
  return addDays(last, -((weekday(last) - dow + 7) % 7));
}

function observedDay(date: LocalDate): LocalDate {
  const d = weekday(date);
  if (d === 6) return addDays(date, -1);
  if (d === 0) return addDays(date, 1);
  return date;
}

/** The holidays 6103(a) names for a year, each with its observed day (which may fall in year-1). */
export function federalHolidays(year: number): FederalHoliday[] {
  if (!Number.isInteger(year) || year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
    throw new SeccomError(
      'SECCOM_POLICY_NOT_IN_FORCE',
      `the federal holiday calendar covers ${FIRST_SUPPORTED_YEAR}–${LAST_SUPPORTED_YEAR}, not ${year}`,
    );
  }
  const named: Array<[string, LocalDate]> = [
    ["New Year's Day", makeDate(year, 1, 1)],
    ['Birthday of Martin Luther King, Jr.', nthWeekday(year, 1, 1, 3)],
    ["Washington's Birthday", nthWeekday(year, 2, 1, 3)],
    ['Memorial Day', nthWeekday(year, 5, 1, -1)],
    ...(year >= JUNETEENTH_FIRST_YEAR
      ? [['Juneteenth National Independence Day', makeDate(year, 6, 19)] as [string, LocalDate]]
      : []),
    ['Independence Day', makeDate(year, 7, 4)],
    ['Labor Day', nthWeekday(year, 9, 1, 1)],
    ['Columbus Day', nthWeekday(year, 10, 1, 2)],
    ['Veterans Day', makeDate(year, 11, 11)],
    ['Thanksgiving Day', nthWeekday(year, 11, 4, 4)],
    ['Christmas Day', makeDate(year, 12, 25)],
  ];
  return named.map(([name, date]) => ({ name, date, observed: observedDay(date) }));
}

const observedCache = new Map<number, Map<LocalDate, string>>();

/** Observed holidays falling in a calendar year (including next year's New Year's Day when it moves back). */
function observedInYear(year: number): Map<LocalDate, string> {
  let m = observedCache.get(year);
  if (!m) {
    m = new Map();
    for (const y of [year, year + 1]) {
      if (y > LAST_SUPPORTED_YEAR) continue;
      for (const h of federalHolidays(y)) if (yearOf(h.observed) === year) m.set(h.observed, h.name);
    }
    observedCache.set(year, m);
  }
  return m;
}

/** The holiday observed on this date, if any. */
export function observedHolidayOn(date: LocalDate): string | undefined {
  return observedInYear(yearOf(date)).get(date);
}

export function isWeekend(date: LocalDate): boolean {
  const d = weekday(date);
  return d === 0 || d === 6;
}
