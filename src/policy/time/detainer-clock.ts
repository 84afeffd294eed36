/**
 * The detainer clock, 8 CFR 287.7(d): a hold "for a period not to exceed 48 hours, excluding
 * Saturdays, Sundays, and holidays" beyond the time the person would otherwise be released.
 * Counted time is real elapsed time (a 23- or 25-hour DST day counts what it lasts); which days
 * are excluded is read from the jail's local calendar. Some jurisdictions replace the rule by an
 * absolute 48 hours (Conn. Gen. Stat. 54-192h). A pure function of (release instant, rule, zone).
 */
import { observedHolidayOn, isWeekend } from './federal-holidays.ts';
import { addDays, type LocalDate } from './local-date.ts';
import { assertTimeZone, formatWithOffset, localDateOf, startOfNextLocalDay } from './zoned-time.ts';

export const DETAINER_HOURS = 48;
const HOLD_MS = DETAINER_HOURS * 3_600_000;

/** How the 48 hours are counted. */
export type ClockRule = 'excluding-weekends-holidays' | 'absolute';
export const CLOCK_RULES: readonly ClockRule[] = ['excluding-weekends-holidays', 'absolute'];

export interface ExcludedDay {
  readonly date: LocalDate;
  /** "Saturday", "Sunday", or the name of the federal holiday observed that day. */
  readonly reason: string;
}

export interface DetainerClock {
  readonly rule: ClockRule;
  readonly timeZone: string;
  readonly releaseAt: string;
  readonly expiresAt: string;
  readonly releaseAtMs: number;
  readonly expiresAtMs: number;
  /** Local days (or parts of days) skipped between release and expiry, in order. */
  readonly excluded: readonly ExcludedDay[];
}

/** Why a local date does not count under 287.7(d), or undefined when it counts. */
export function exclusionReason(date: LocalDate): string | undefined {
  if (isWeekend(date)) return new Date(`${date}T12:00:00Z`).getUTCDay() === 6 ? 'Saturday' : 'Sunday';
  return observedHolidayOn(date);
}

/** Computes when a hold that starts at `releaseAtMs` (the otherwise-release instant) must end. */
export function computeDetainerClock(releaseAtMs: number, rule: ClockRule, timeZone: string): DetainerClock {
  assertTimeZone(timeZone);
  const excluded: ExcludedDay[] = [];
  let expiresAtMs: number;
  if (rule === 'absolute') {
    expiresAtMs = releaseAtMs + HOLD_MS;
  } else {
    let t = releaseAtMs;
    let remaining = HOLD_MS;
    let day = localDateOf(t, timeZone);
    for (;;) {
      const dayEnd = startOfNextLocalDay(day, timeZone);
      const reason = exclusionReason(day);
      if (reason !== undefined) {
        excluded.push({ date: day, reason });
      } else if (remaining <= dayEnd - t) {
        expiresAtMs = t + remaining;
        break;
      } else {
        remaining -= dayEnd - t;
      }
      t = dayEnd;
      day = addDays(day, 1);
    }
  }
  return {
    rule,
    timeZone,
    releaseAt: formatWithOffset(releaseAtMs, timeZone),
    expiresAt: formatWithOffset(expiresAtMs, timeZone),
    releaseAtMs,
    expiresAtMs,
    excluded,
  };
}

export type ClockState =
  | { readonly status: 'not-started'; readonly startsAt: string }
  | { readonly status: 'running'; readonly remainingMs: number; readonly expiresAt: string }
  | { readonly status: 'expired'; readonly expiredAt: string }
  | { readonly status: 'stopped'; readonly stoppedAt: string; readonly reason: 'us-citizenship-claim'; readonly escalate: true };

/**
 * The state of a hold at `nowMs`. A claim of US citizenship stops the clock for good: the hold
 * ends at the claim (never paused and resumed, which would lengthen it) and the case escalates.
 */
export function clockStateAt(clock: DetainerClock, nowMs: number, citizenshipClaimAtMs?: number): ClockState {
  const tz = clock.timeZone;
  if (citizenshipClaimAtMs !== undefined && citizenshipClaimAtMs < clock.expiresAtMs && nowMs >= citizenshipClaimAtMs) {
    return {
      status: 'stopped',
      stoppedAt: formatWithOffset(Math.max(citizenshipClaimAtMs, clock.releaseAtMs), tz),
      reason: 'us-citizenship-claim',
      escalate: true,
    };
  }
  if (nowMs < clock.releaseAtMs) return { status: 'not-started', startsAt: clock.releaseAt };
  if (nowMs >= clock.expiresAtMs) return { status: 'expired', expiredAt: clock.expiresAt };
  return { status: 'running', remainingMs: clock.expiresAtMs - nowMs, expiresAt: clock.expiresAt };
}

/** The latest instant the person may be held on the detainer: expiry, or a citizenship claim if earlier. */
export function holdDeadlineMs(clock: DetainerClock, citizenshipClaimAtMs?: number): number {
  return citizenshipClaimAtMs === undefined ? clock.expiresAtMs : Math.min(clock.expiresAtMs, Math.max(citizenshipClaimAtMs, clock.releaseAtMs));
}
