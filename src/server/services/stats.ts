/** Oversight statistics within the reader's visibility, and their CSV export. */
import { SeccomError } from '../../errors/index.ts';
import { listEscalations } from '../../store/queries/safeguards.ts';
import { breakdown, detainersWithoutConviction, holdsNearExpiry, monthlyTrend, totals, type Dimension, type StatsFilter } from '../../store/queries/stats.ts';
import type { Principal } from '../access/principal.ts';
import { bookingVisibility } from '../access/visibility.ts';
import type { ServerDeps } from '../context.ts';
import type { StatsView } from '../contract/stats.ts';
import type { BookingService } from './bookings.ts';
import { zoned } from './zoned.ts';

/** A hold ending within this time is "near expiry" on the dashboard. */
export const nearExpiryMs = 6 * 3_600_000;

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

  async dashboard(p: Principal, scopeLabel: string, f: StatsFilter): Promise<StatsView> {
    const db = this.#deps.store.db;
    const now = this.#deps.clock.now();
    const zoneOf = (rulesetId: string) => this.#bookings.timeZoneOf(rulesetId, '', p.timeZone);
    const [t, trend, holds, cases, escalated, ...parts] = await Promise.all([
      totals(db, f),
      monthlyTrend(db, f),
      holdsNearExpiry(db, f, now, nearExpiryMs),
      detainersWithoutConviction(db, f, 25),
      listEscalations(db, f.visibility, 25),
      ...dimensions.map(([, d]) => breakdown(db, f, d)),
    ]);
    const hold = (h: (typeof holds.near)[number]) => {
      const tz = zoneOf(h.rulesetId);
      return { bookingId: h.bookingId, bookingNumber: h.bookingNumber, name: h.name, jurisdictionName: h.jurisdictionName, state: h.state, holdExpiresAt: zoned(h.holdExpiresAt, tz), timeZone: tz };
    };
    const view = {
      scopeLabel,
      now: zoned(now, p.timeZone),
      totals: t,
      trend,
      holdsNearExpiry: holds.near.map(hold),
      holdsPastExpiry: holds.past.map(hold),
      noConvictionCases: cases.map((c) => ({
        bookingId: c.bookingId,
        bookingNumber: c.bookingNumber,
        name: c.name,
        jurisdictionName: c.jurisdictionName,
        submittedAt: zoned(c.submittedAt, zoneOf(c.rulesetId)),
        timeZone: zoneOf(c.rulesetId),
        form: c.form,
        state: c.state,
        immigrationStatus: c.immigrationStatus,
      })),
      escalations: escalated.map((e) => {
        const tz = zoneOf(e.rulesetId);
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
      }),
    } as Partial<StatsView>;
    dimensions.forEach(([name], i) => Object.assign(view, { [name]: parts[i] }));
    return view as StatsView;
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
