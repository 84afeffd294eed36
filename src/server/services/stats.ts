/** Oversight statistics within the reader's visibility, and their CSV export. */
import { SeccomError } from '../../errors/index.ts';
import { auditReads } from '../../store/audited.ts';
import type { Db } from '../../store/db.ts';
import { listEscalations, type EscalationRow } from '../../store/queries/safeguards.ts';
import {
  breakdown,
  detainersWithoutConviction,
  holdCounts,
  holdsByExpiry,
  monthlyTrend,
  totals,
  type CaseRow,
  type Dimension,
  type HoldExpiry,
  type HoldRow,
  type StatsFilter,
} from '../../store/queries/stats.ts';
import { actorOf, type Principal } from '../access/principal.ts';
import { bookingVisibility } from '../access/visibility.ts';
import type { Page } from '../contract/common.ts';
import type { EscalationView, HoldView, NoConvictionCaseView, StatsView } from '../contract/stats.ts';
import type { ServerDeps } from '../context.ts';
import type { BookingService } from './bookings.ts';
import { cursorDate, decodeCursor, pageFrom } from './cursor.ts';
import { zoned } from './zoned.ts';

/** A hold ending within this time is "near expiry" on the dashboard. */
export const nearExpiryMs = 6 * 3_600_000;
/** Rows of each list on the dashboard itself; the rest are a "more" away. */
export const dashboardRows = 25;
/** The audit purpose of the people the dashboard's lists show (their names and record facts). */
export const dashboardPurpose = 'oversight-dashboard';

const dimensions: readonly [keyof StatsView, Dimension][] = [
  ['byLevel', 'level'],
  ['byPriority', 'priority'],
  ['byConviction', 'conviction'],
  ['byOutcome', 'outcome'],
  ['byJurisdiction', 'jurisdiction'],
  ['byImmigrationStatus', 'immigrationStatus'],
];

export class StatsService {
  readonly #deps: ServerDeps;
  readonly #bookings: BookingService;

  constructor(deps: ServerDeps, bookings: BookingService) {
    this.#deps = deps;
    this.#bookings = bookings;
  }

  filter(p: Principal, q: { from?: string; to?: string; jurisdiction?: string }): StatsFilter {
    const from = q.from ? new Date(`${q.from}T00:00:00Z`) : undefined;
    const to = q.to ? new Date(`${q.to}T00:00:00Z`) : undefined;
    if (from && to && from >= to) throw new SeccomError('SECCOM_INVALID_ARGUMENT', '`from` must be before `to`', { location: { field: 'from' } });
    return { visibility: bookingVisibility(p), from, to, jurisdictionId: q.jurisdiction };
  }

  /** The figures and, unless `lists` is "none", the first page of each list (the people shown audited as read). */
  async dashboard(p: Principal, scopeLabel: string, f: StatsFilter, lists: 'first-page' | 'none' = 'first-page'): Promise<StatsView> {
    const db = this.#deps.store.db;
    const now = this.#deps.clock.now();
    const [t, trend, counts, ...parts] = await Promise.all([
      totals(db, f),
      monthlyTrend(db, f),
      holdCounts(db, f, now, nearExpiryMs),
      ...dimensions.map(([, d]) => breakdown(db, f, d)),
    ]);
    // The lists name people: read and audited together, like a booking detail. Figures alone name nobody.
    const none: Page<never> = { items: [], nextCursor: null };
    const shown = lists === 'none' ? { cases: none, escalated: none, near: none, past: none } : await this.#audited(p, async (tx) => {
      const cases = await this.#noConviction(tx, p, f, { limit: dashboardRows });
      const escalated = await this.#escalations(tx, p, f, { limit: dashboardRows });
      const near = await this.#holds(tx, p, f, { expiry: 'near', limit: dashboardRows }, now);
      const past = await this.#holds(tx, p, f, { expiry: 'past', limit: dashboardRows }, now);
      return { cases, escalated, near, past };
    }, (l) => [l.cases, l.escalated, l.near, l.past]);
    const view = {
      scopeLabel,
      now: zoned(now, p.timeZone),
      totals: t,
      trend,
      holdCounts: counts,
      holdsNearExpiry: shown.near.items,
      holdsPastExpiry: shown.past.items,
      noConvictionCases: shown.cases.items,
      escalations: shown.escalated.items,
      more: {
        noConvictionCases: shown.cases.nextCursor,
        escalations: shown.escalated.nextCursor,
        holdsNearExpiry: shown.near.nextCursor,
        holdsPastExpiry: shown.past.nextCursor,
      },
    } as Partial<StatsView>;
    dimensions.forEach(([name], i) => Object.assign(view, { [name]: parts[i] }));
    return view as StatsView;
  }

  /** Detainers on people with no conviction, newest first, a page at a time (audited reads). */
  noConvictionPage(p: Principal, f: StatsFilter, q: { cursor?: string; limit: number }): Promise<Page<NoConvictionCaseView>> {
    return this.#audited(p, (tx) => this.#noConviction(tx, p, f, q), (page) => [page]);
  }

  /** Escalated cases, newest first, a page at a time (audited reads). */
  escalationsPage(p: Principal, f: StatsFilter, q: { cursor?: string; limit: number }): Promise<Page<EscalationView>> {
    return this.#audited(p, (tx) => this.#escalations(tx, p, f, q), (page) => [page]);
  }

  /** Holds ending soon, or ended, soonest first, a page at a time (audited reads). */
  holdsPage(p: Principal, f: StatsFilter, q: { expiry: HoldExpiry; cursor?: string; limit: number }): Promise<Page<HoldView>> {
    return this.#audited(p, (tx) => this.#holds(tx, p, f, q, this.#deps.clock.now()), (page) => [page]);
  }

  /** Runs the reads of pages that list people in one transaction that audits the read of each person's booking shown. */
  async #audited<T>(p: Principal, read: (tx: Db) => Promise<T>, shown: (result: T) => Page<{ bookingId: string }>[]): Promise<T> {
    return this.#deps.store.transaction(async (tx) => {
      const result = await read(tx);
      const ids = shown(result).flatMap((page) => page.items.map((r) => r.bookingId));
      await auditReads(tx, 'bookings', ids, { actor: actorOf(p), at: this.#deps.clock.now(), purpose: dashboardPurpose });
      return result;
    });
  }

  #zoneOf(p: Principal, rulesetId: string): string {
    return this.#bookings.timeZoneOf(rulesetId, '', p.timeZone);
  }

  async #noConviction(db: Db, p: Principal, f: StatsFilter, q: { cursor?: string; limit: number }): Promise<Page<NoConvictionCaseView>> {
    const key = decodeCursor(q.cursor, 'ss');
    const after = key ? { submittedAt: cursorDate(key[0]), bookingId: key[1] as string } : undefined;
    const found = await detainersWithoutConviction(db, f, q.limit + 1, after);
    return pageFrom(
      found,
      q.limit,
      (c: CaseRow) => [c.submittedAt.toISOString(), c.bookingId],
      (c) => {
        const tz = this.#zoneOf(p, c.rulesetId);
        const { rulesetId: _r, ...row } = c;
        return { ...row, submittedAt: zoned(c.submittedAt, tz), timeZone: tz };
      },
    );
  }

  async #escalations(db: Db, p: Principal, f: StatsFilter, q: { cursor?: string; limit: number }): Promise<Page<EscalationView>> {
    const key = decodeCursor(q.cursor, 'sss');
    const after = key ? { raisedAt: cursorDate(key[0]), bookingId: key[1] as string, reason: key[2] as string } : undefined;
    const found = await listEscalations(db, f.visibility, q.limit + 1, after);
    return pageFrom(
      found,
      q.limit,
      (e: EscalationRow) => [e.raisedAt.toISOString(), e.bookingId, e.reason],
      (e) => {
        const tz = this.#zoneOf(p, e.rulesetId);
        return {
          bookingId: e.bookingId,
          bookingNumber: e.bookingNumber,
          name: e.name,
          jurisdictionName: e.jurisdictionName,
          timeZone: tz,
          reason: e.reason,
          raisedAt: zoned(e.raisedAt, tz),
          raisedBy: e.raisedBy,
          note: e.note,
          claimedAt: zoned(e.claimedAt, tz),
          madeTo: e.madeTo,
        };
      },
    );
  }

  async #holds(db: Db, p: Principal, f: StatsFilter, q: { expiry: HoldExpiry; cursor?: string; limit: number }, now: Date): Promise<Page<HoldView>> {
    const key = decodeCursor(q.cursor, 'ss');
    const after = key ? { holdExpiresAt: cursorDate(key[0]), bookingId: key[1] as string } : undefined;
    const found = await holdsByExpiry(db, f, { expiry: q.expiry, now, withinMs: nearExpiryMs, after, limit: q.limit + 1 });
    return pageFrom(
      found,
      q.limit,
      (h: HoldRow) => [h.holdExpiresAt.toISOString(), h.bookingId],
      (h) => {
        const tz = this.#zoneOf(p, h.rulesetId);
        return { bookingId: h.bookingId, bookingNumber: h.bookingNumber, name: h.name, jurisdictionName: h.jurisdictionName, state: h.state, holdExpiresAt: zoned(h.holdExpiresAt, tz), timeZone: tz };
      },
    );
  }

  /** Every breakdown and the trend, one row per figure: dimension,key,bookings,detainers. */
  async csv(f: StatsFilter): Promise<string> {
    const db = this.#deps.store.db;
    const lines = ['dimension,key,bookings,detainers,detainers_no_conviction,ident_matches'];
    const cell = (v: string | number) => (typeof v === 'number' ? String(v) : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    for (const [, d] of dimensions) {
      for (const r of await breakdown(db, f, d)) lines.push([d, r.key, r.bookings, r.detainers, '', ''].map(cell).join(','));
    }
    for (const m of await monthlyTrend(db, f)) lines.push(['month', m.month, m.bookings, m.detainers, m.detainersNoConviction, m.identMatches].map(cell).join(','));
    return `${lines.join('\n')}\n`;
  }
}
