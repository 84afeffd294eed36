/**
 * Instants and a jail's local calendar, through Intl (Node ships full ICU, so every IANA zone and
 * its DST history is available without a time-zone package). Memoised formatters keep this fast;
 * the results depend only on the arguments.
 */
import { SeccomError } from '../../errors/index.ts';
import { addDays, isLocalDate, type LocalDate } from './local-date.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
    } catch {
      throw new SeccomError('SECCOM_POLICY_TIME_INVALID', `unknown time zone "${timeZone}" (use an IANA name such as America/New_York)`);
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** Throws SECCOM_POLICY_TIME_INVALID unless the zone is a known IANA name. */
export function assertTimeZone(timeZone: string): void {
  formatter(timeZone);
}

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallTime(ms: number, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The local calendar date of an instant in the zone. */
export function localDateOf(ms: number, timeZone: string): LocalDate {
  const w = wallTime(ms, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** Local time minus UTC, in minutes, at the instant. */
export function offsetMinutesAt(ms: number, timeZone: string): number {
  const w = wallTime(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - (ms - (((ms % 1000) + 1000) % 1000))) / 60_000);
}

/**
 * The first instant of a local day. Usually local 00:00, but where a DST change skips midnight
 * (e.g. Asia/Tehran before 2022) the day begins at the first wall time that exists. Found by
 * bisection over minutes: offsets are whole minutes in every zone since 1970.
 */
export function startOfLocalDay(date: LocalDate, timeZone: string): number {
  const base = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  let lo = base - 15 * 3_600_000; // local date still earlier: offsets stay within ±14 h
  let hi = base + 15 * 3_600_000; // local date already reached
  while (hi - lo > 60_000) {
    const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
    if (localDateOf(mid, timeZone) >= date) hi = mid;
    else lo = mid;
  }
  return hi;
}

export function startOfNextLocalDay(date: LocalDate, timeZone: string): number {
  return startOfLocalDay(addDays(date, 1), timeZone);
}

/** ISO 8601 with the zone's offset at that instant, e.g. 2024-12-27T17:00:00-05:00. */
export function formatWithOffset(ms: number, timeZone: string): string {
  const w = wallTime(ms, timeZone);
  const off = offsetMinutesAt(ms, timeZone);
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(off);
  const frac = ((ms % 1000) + 1000) % 1000;
  const millis = frac ? `.${pad(frac, 3)}` : '';
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${millis}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const INSTANT_RE = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?(Z|[+-]\d{2}:[0-5]\d)$/;

/**
 * Parses an ISO 8601 instant that carries its offset (or Z). A local time without an offset is
 * refused: which instant it means depends on a zone the caller did not state.
 */
export function parseInstant(text: string, what = 'time'): number {
  const m = INSTANT_RE.exec(text);
  // Date.parse alone would roll 2024-02-30 over into March.
  const ms = m && isLocalDate(m[1]!) ? Date.parse(text) : NaN;
  if (Number.isNaN(ms)) {
    throw new SeccomError(
      'SECCOM_POLICY_TIME_INVALID',
      `${what} must be ISO 8601 with an offset, e.g. 2024-12-24T17:00:00-05:00, got "${text}"`,
    );
  }
  return ms;
}
