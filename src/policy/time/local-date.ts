/**
 * Calendar dates as 'YYYY-MM-DD' strings: the unit in which law counts days (holidays, weekends,
 * effective dates). Pure arithmetic on the proleptic Gregorian calendar, no time zone involved.
 */
import { SeccomError } from '../../errors/index.ts';

export type LocalDate = string;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Checks the form and that the day exists (no 2023-02-30); throws SECCOM_POLICY_TIME_INVALID. */
export function parseLocalDate(text: string, what = 'date'): LocalDate {
  if (isLocalDate(text)) return text;
  throw new SeccomError('SECCOM_POLICY_TIME_INVALID', `${what} must be a calendar date YYYY-MM-DD, got "${text}"`);
}

export function isLocalDate(text: string): boolean {
  const m = DATE_RE.exec(text);
  return m !== null && makeDate(Number(m[1]), Number(m[2]), Number(m[3])) === text;
}

export function makeDate(year: number, month: number, day: number): LocalDate {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

/** Midnight UTC of the date: a day number for arithmetic, not an instant of any jail's day. */
function utcMs(date: LocalDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return new Date(utcMs(date) + days * 86_400_000).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: LocalDate): number {
  return new Date(utcMs(date)).getUTCDay();
}

export function yearOf(date: LocalDate): number {
  return Number(date.slice(0, 4));
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((utcMs(b) - utcMs(a)) / 86_400_000);
}

/** Whole years elapsed from `from` to `to` (an anniversary on 29 Feb counts on 1 Mar). */
export function fullYearsBetween(from: LocalDate, to: LocalDate): number {
  let years = yearOf(to) - yearOf(from);
  if (to.slice(5) < from.slice(5)) years -= 1;
  return years;
}
