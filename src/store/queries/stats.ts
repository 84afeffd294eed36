/**
 * Oversight statistics (DOMAIN.md §8): counts by conviction level, priority, conviction status,
 * outcome and jurisdiction, monthly trends, detainers on people with no conviction, citizens in
 * the flow, and holds near or past expiry. Always computed from the records, within the reader's
 * visibility and period; aggregates scan, lists do not.
 */
import { sql, type SQL } from 'drizzle-orm';
import { rows, type Db } from '../db.ts';
import { bookingOutcomes, bookings, citizenshipClaims, detainerEvents, detainers, iars, iceDecisions, identResults, jurisdictions, persons } from '../schema/index.ts';
import { visibleBookings, type BookingVisibility } from './visibility.ts';

export interface StatsFilter {
  visibility: BookingVisibility;
  /** Bookings submitted in [from, to). */
  from?: Date;
  to?: Date;
  jurisdictionId?: string;
}

function where(f: StatsFilter): SQL {
  const parts = [visibleBookings(f.visibility)];
  if (f.from) parts.push(sql`${bookings.submittedAt} >= ${f.from.toISOString()}::timestamptz`);
  if (f.to) parts.push(sql`${bookings.submittedAt} < ${f.to.toISOString()}::timestamptz`);
  if (f.jurisdictionId) parts.push(sql`${bookings.jurisdictionId} = ${f.jurisdictionId}`);
  return sql.join(parts, sql` AND `);
}

/** A detainer (a hold request) was issued: ERO chose a form that asks the jail to hold (not a notification or transfer request). */
const detainerIssued = sql`${detainers.form} IN ('I-247', 'I-247D')`;
/** No conviction on record when ICE decided (ICE's "non-criminal"). */
const noConviction = sql`${iceDecisions.bookingId} IS NOT NULL AND ${iceDecisions.level} IS NULL`;
/** Ground truth of the synthetic world, or what LESC reported: the person is a US citizen. */
const citizen = sql`(${persons.citizenship} IN ('us_born', 'naturalized') OR ${iars.status} = 'naturalized')`;

/** The detainer was in this state at some time (its history is never overwritten). */
function everIn(state: string): SQL {
  return sql`EXISTS (SELECT 1 FROM ${detainerEvents} WHERE ${detainerEvents.detainerId} = ${detainers.id} AND ${detainerEvents.to} = ${state})`;
}

const from = sql`${bookings}
  JOIN ${jurisdictions} ON ${jurisdictions.id} = ${bookings.jurisdictionId}
  LEFT JOIN ${identResults} ON ${identResults.bookingId} = ${bookings.id}
  LEFT JOIN ${iars} ON ${iars.bookingId} = ${bookings.id}
  LEFT JOIN ${iceDecisions} ON ${iceDecisions.bookingId} = ${bookings.id}
  LEFT JOIN ${detainers} ON ${detainers.bookingId} = ${bookings.id}
  LEFT JOIN ${bookingOutcomes} ON ${bookingOutcomes.bookingId} = ${bookings.id}
  LEFT JOIN ${persons} ON ${persons.id} = ${bookings.simPersonId}`;

export interface Totals {
  bookings: number;
  identMatches: number;
  decisions: number;
  detainers: number;
  detainersNoConviction: number;
  honoured: number;
  declined: number;
  lapsed: number;
  custodyTransferred: number;
  /** US citizens (synthetic ground truth, or as LESC reported) matched in IDENT. */
  citizensInFlow: number;
  detainersOnCitizens: number;
  /** People who claimed US citizenship (citizenship_claims, whoever heard the claim). */
  citizenshipClaims: number;
}

export async function totals(db: Db, f: StatsFilter): Promise<Totals> {
  const [r] = await rows<Record<keyof Totals, string>>(
    db,
    sql`SELECT
      count(*) AS "bookings",
      count(*) FILTER (WHERE ${identResults.outcome} = 'match') AS "identMatches",
      count(${iceDecisions.bookingId}) AS "decisions",
      count(*) FILTER (WHERE ${detainerIssued}) AS "detainers",
      count(*) FILTER (WHERE ${detainerIssued} AND ${noConviction}) AS "detainersNoConviction",
      count(*) FILTER (WHERE ${detainerIssued} AND ${everIn('honoured')}) AS "honoured",
      count(*) FILTER (WHERE ${detainerIssued} AND ${everIn('declined')}) AS "declined",
      count(*) FILTER (WHERE ${detainerIssued} AND ${everIn('lapsed')}) AS "lapsed",
      count(*) FILTER (WHERE ${bookingOutcomes.outcome} = 'custody_transferred') AS "custodyTransferred",
      count(*) FILTER (WHERE ${identResults.outcome} = 'match' AND ${citizen}) AS "citizensInFlow",
      count(*) FILTER (WHERE ${detainerIssued} AND ${citizen}) AS "detainersOnCitizens",
      count(*) FILTER (WHERE EXISTS (SELECT 1 FROM ${citizenshipClaims} WHERE ${citizenshipClaims.bookingId} = ${bookings.id})) AS "citizenshipClaims"
    FROM ${from} WHERE ${where(f)}`,
  );
  return Object.fromEntries(Object.entries(r!).map(([k, v]) => [k, Number(v)])) as unknown as Totals;
}

export interface Breakdown {
  key: string;
  bookings: number;
  detainers: number;
}

/** Counts grouped by one dimension. */
export type Dimension = 'level' | 'priority' | 'conviction' | 'outcome' | 'jurisdiction' | 'month' | 'immigrationStatus';

const dimensionSql: Readonly<Record<Dimension, SQL>> = {
  level: sql`CASE WHEN ${iceDecisions.bookingId} IS NULL THEN 'not decided' WHEN ${iceDecisions.level} IS NULL THEN 'non-criminal' ELSE 'level ' || ${iceDecisions.level} END`,
  priority: sql`CASE WHEN ${iceDecisions.bookingId} IS NULL THEN 'not decided' WHEN ${iceDecisions.priority} IS NULL THEN 'none' ELSE 'priority ' || ${iceDecisions.priority} END`,
  conviction: sql`CASE WHEN ${iceDecisions.bookingId} IS NULL THEN 'not decided' WHEN ${iceDecisions.level} IS NULL THEN 'no conviction' ELSE 'convicted' END`,
  outcome: sql`coalesce(${bookingOutcomes.outcome}, 'in progress')`,
  jurisdiction: sql`${jurisdictions.name}`,
  month: sql`to_char(${bookings.submittedAt} AT TIME ZONE 'UTC', 'YYYY-MM')`,
  immigrationStatus: sql`coalesce(${iars.status}, CASE WHEN ${identResults.outcome} = 'no_match' THEN 'no IDENT match' ELSE 'no IAR' END)`,
};

export async function breakdown(db: Db, f: StatsFilter, dimension: Dimension): Promise<Breakdown[]> {
  const key = dimensionSql[dimension];
  const found = await rows<{ key: string; bookings: string; detainers: string }>(
    db,
    sql`SELECT ${key} AS "key", count(*) AS "bookings", count(*) FILTER (WHERE ${detainerIssued}) AS "detainers"
      FROM ${from} WHERE ${where(f)} GROUP BY 1 ORDER BY 1`,
  );
  return found.map((r) => ({ key: r.key, bookings: Number(r.bookings), detainers: Number(r.detainers) }));
}

export interface MonthTrend {
  month: string;
  bookings: number;
  identMatches: number;
  detainers: number;
  detainersNoConviction: number;
}

export async function monthlyTrend(db: Db, f: StatsFilter): Promise<MonthTrend[]> {
  const found = await rows<Record<keyof MonthTrend, string>>(
    db,
    sql`SELECT ${dimensionSql.month} AS "month", count(*) AS "bookings",
        count(*) FILTER (WHERE ${identResults.outcome} = 'match') AS "identMatches",
        count(*) FILTER (WHERE ${detainerIssued}) AS "detainers",
        count(*) FILTER (WHERE ${detainerIssued} AND ${noConviction}) AS "detainersNoConviction"
      FROM ${from} WHERE ${where(f)} GROUP BY 1 ORDER BY 1`,
  );
  return found.map((r) => ({
    month: r.month,
    bookings: Number(r.bookings),
    identMatches: Number(r.identMatches),
    detainers: Number(r.detainers),
    detainersNoConviction: Number(r.detainersNoConviction),
  }));
}

export interface HoldRow {
  bookingId: string;
  bookingNumber: string;
  name: string;
  jurisdictionName: string;
  rulesetId: string;
  state: string;
  holdExpiresAt: Date;
}

export type HoldExpiry = 'near' | 'past';

/** Which holds: ending within `withinMs` of now, or already ended (never, if the pipeline lapses every hold at expiry). */
function holdsWhere(f: StatsFilter, expiry: HoldExpiry, now: Date, withinMs: number): SQL {
  const range =
    expiry === 'past'
      ? sql`${detainers.holdExpiresAt} <= ${now.toISOString()}::timestamptz`
      : sql`${detainers.holdExpiresAt} > ${now.toISOString()}::timestamptz AND ${detainers.holdExpiresAt} < ${new Date(now.getTime() + withinMs).toISOString()}::timestamptz`;
  return sql`${detainers.state} = 'honoured' AND ${range} AND ${visibleBookings(f.visibility)}`;
}

export interface HoldsPage {
  expiry: HoldExpiry;
  now: Date;
  withinMs: number;
  after?: { holdExpiresAt: Date; bookingId: string };
  limit: number;
}

/** The query of `holdsByExpiry` (EXPLAIN it in tests). */
export function holdsByExpiryQuery(f: StatsFilter, q: HoldsPage): SQL {
  const after = q.after ? sql` AND (${detainers.holdExpiresAt}, ${bookings.id}) > (${q.after.holdExpiresAt.toISOString()}::timestamptz, ${q.after.bookingId})` : sql``;
  return sql`SELECT ${bookings.id} AS "bookingId", ${bookings.bookingNumber} AS "bookingNumber",
      ${bookings.familyName} || ', ' || ${bookings.givenName} AS "name", ${jurisdictions.name} AS "jurisdictionName",
      ${jurisdictions.rulesetId} AS "rulesetId", ${detainers.state} AS "state", ${detainers.holdExpiresAt} AS "holdExpiresAt"
    FROM ${detainers} JOIN ${bookings} ON ${bookings.id} = ${detainers.bookingId}
    JOIN ${jurisdictions} ON ${jurisdictions.id} = ${bookings.jurisdictionId}
    WHERE ${holdsWhere(f, q.expiry, q.now, q.withinMs)}${after}
    ORDER BY ${detainers.holdExpiresAt}, ${bookings.id} LIMIT ${q.limit}`;
}

/**
 * People held on a detainer whose hold ends soon (or has ended), the soonest first, keyset-paged
 * on (hold end, booking id). Uses detainers_state_idx.
 */
export async function holdsByExpiry(db: Db, f: StatsFilter, q: HoldsPage): Promise<HoldRow[]> {
  const found = await rows<HoldRow & { holdExpiresAt: string | Date }>(db, holdsByExpiryQuery(f, q));
  return found.map((r) => ({ ...r, holdExpiresAt: new Date(r.holdExpiresAt) }));
}

/** How many holds end soon, and how many have ended (the dashboard's figures; the lists are paged). */
export async function holdCounts(db: Db, f: StatsFilter, now: Date, withinMs: number): Promise<Record<HoldExpiry, number>> {
  const [r] = await rows<{ near: string; past: string }>(
    db,
    sql`SELECT count(*) FILTER (WHERE ${holdsWhere(f, 'near', now, withinMs)}) AS "near", count(*) FILTER (WHERE ${holdsWhere(f, 'past', now, withinMs)}) AS "past"
      FROM ${detainers} JOIN ${bookings} ON ${bookings.id} = ${detainers.bookingId}
      WHERE ${detainers.state} = 'honoured'`,
  );
  return { near: Number(r?.near ?? 0), past: Number(r?.past ?? 0) };
}

export interface CaseRow {
  bookingId: string;
  bookingNumber: string;
  name: string;
  jurisdictionName: string;
  rulesetId: string;
  submittedAt: Date;
  form: string;
  state: string;
  immigrationStatus: string | null;
}

/**
 * The query of `detainersWithoutConviction` (EXPLAIN it in tests). The page's bookings are chosen
 * first: newest first on bookings_submitted_idx, probing each booking's detainer and ICE decision
 * on their keys (scalar subqueries, which the planner keeps per row, where EXISTS became hash
 * joins over every detainer and decision); the page's detainers are then read per booking (the
 * LIMIT keeps that lateral a per-row lookup instead of a join the planner would hash). A page costs the bookings walked until it is full:
 * little while such detainers are common, more as they grow rare.
 */
export function detainersWithoutConvictionQuery(f: StatsFilter, limit: number, after?: { submittedAt: Date; bookingId: string }): SQL {
  const next = after ? sql` AND (${bookings.submittedAt}, ${bookings.id}) < (${after.submittedAt.toISOString()}::timestamptz, ${after.bookingId})` : sql``;
  const page = sql`SELECT ${bookings.id} AS page_id FROM ${bookings}
    WHERE ${where(f)}${next}
      AND (SELECT ${detainerIssued} FROM ${detainers} WHERE ${detainers.bookingId} = ${bookings.id})
      AND (SELECT ${iceDecisions.level} IS NULL FROM ${iceDecisions} WHERE ${iceDecisions.bookingId} = ${bookings.id})
    ORDER BY ${bookings.submittedAt} DESC, ${bookings.id} DESC LIMIT ${limit}`;
  return sql`SELECT ${bookings.id} AS "bookingId", ${bookings.bookingNumber} AS "bookingNumber",
      ${bookings.familyName} || ', ' || ${bookings.givenName} AS "name", ${jurisdictions.name} AS "jurisdictionName",
      ${jurisdictions.rulesetId} AS "rulesetId", ${bookings.submittedAt} AS "submittedAt",
      d.form AS "form", d.state AS "state", ${iars.status} AS "immigrationStatus"
    FROM (${page}) AS page
      JOIN ${bookings} ON ${bookings.id} = page.page_id
      JOIN ${jurisdictions} ON ${jurisdictions.id} = ${bookings.jurisdictionId}
      CROSS JOIN LATERAL (SELECT ${detainers.form} AS form, ${detainers.state} AS state FROM ${detainers} WHERE ${detainers.bookingId} = ${bookings.id} LIMIT 1) AS d
      LEFT JOIN ${iars} ON ${iars.bookingId} = ${bookings.id}
    ORDER BY ${bookings.submittedAt} DESC, ${bookings.id} DESC`;
}

/** Detainers issued on people with no conviction, newest first, keyset-paged on (submitted, booking id): the oversight drill-down list. */
export async function detainersWithoutConviction(db: Db, f: StatsFilter, limit: number, after?: { submittedAt: Date; bookingId: string }): Promise<CaseRow[]> {
  const found = await rows<CaseRow & { submittedAt: string | Date }>(db, detainersWithoutConvictionQuery(f, limit, after));
  return found.map((r) => ({ ...r, submittedAt: new Date(r.submittedAt) }));
}
