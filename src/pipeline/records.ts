/** Bulk loaders and writers the stages share (one query per batch, never one per message). */
import { asc, eq, getTableColumns, inArray } from 'drizzle-orm';
import { SeccomError } from '../errors/index.ts';
import { transition, type DetainerState } from '../domain/detainer.ts';
import { insertAudited, updateAudited, type WriteContext } from '../store/audited.ts';
import type { Db } from '../store/db.ts';
import { bookingOutcomes, bookings, detainerEvents, detainers } from '../store/schema/index.ts';
import type { Outcome } from './topics.ts';

export type BookingRow = typeof bookings.$inferSelect;
export type DetainerRow = typeof detainers.$inferSelect;


/** The bookings' columns stages read, without the prints (decoding them costs; see loadPrints). */
const { prints: _prints, ...bookingColumns } = getTableColumns(bookings);
export type BookingInfo = Omit<BookingRow, 'prints'>;

export async function loadBookings(tx: Db, ids: string[]): Promise<Map<string, BookingInfo>> {
  const found = await tx.select(bookingColumns).from(bookings).where(inArray(bookings.id, ids));
  const map = new Map(found.map((b) => [b.id, b]));
  for (const id of ids) {
    if (!map.has(id)) throw new SeccomError('SECCOM_NOT_FOUND', `booking ${id} not found`, { location: { booking: id } });
  }
  return map;
}

export async function loadPrints(tx: Db, ids: string[]): Promise<Map<string, BookingRow['prints']>> {
  const found = await tx.select({ id: bookings.id, prints: bookings.prints }).from(bookings).where(inArray(bookings.id, ids));
  return new Map(found.map((b) => [b.id, b.prints]));
}

/** Groups rows by a key, keeping their order. */
export function groupBy<T, K>(rows: readonly T[], key: (r: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

export async function recordOutcomes(tx: Db, ends: { bookingId: string; outcome: Outcome; at?: Date }[], ctx: WriteContext): Promise<void> {
  await insertAudited(tx, bookingOutcomes, ends.map((e) => ({ ...e, at: e.at ?? ctx.at })), ctx);
}

export async function loadDetainers(tx: Db, ids: string[]): Promise<Map<string, DetainerRow>> {
  const found = await tx.select().from(detainers).where(inArray(detainers.id, ids)).orderBy(asc(detainers.id));
  return new Map(found.map((d) => [d.id, d]));
}

/**
 * Moves a detainer along its state machine: checks the transition, updates the row only if nobody
 * moved it meanwhile (version), and appends the transition to its history.
 */
export async function moveDetainer(
  tx: Db,
  d: DetainerRow,
  to: DetainerState,
  reason: string,
  ctx: WriteContext,
  extra: { holdExpiresAt?: Date } = {},
): Promise<DetainerRow> {
  transition(d.id, d.state as DetainerState, to);
  const version = d.version + 1;
  const set = { state: to, version, updatedAt: ctx.at, ...extra };
  const moved = await updateAudited(tx, detainers, { id: d.id }, set, ctx, eq(detainers.version, d.version));
  if (!moved) throw new SeccomError('SECCOM_DETAINER_TRANSITION', `detainer ${d.id} changed concurrently; retry`, { location: { detainer: d.id } });
  await insertAudited(tx, detainerEvents, [{ detainerId: d.id, seq: version, from: d.state, to, reason, at: ctx.at }], ctx);
  return { ...d, ...set };
}

/**
 * Locks the bookings' rows until the transaction ends, so that two stages deciding on the same
 * booking (ERO, and a claim of US citizenship) take turns and each sees what the other wrote.
 */
export async function lockBookings(tx: Db, ids: string[]): Promise<void> {
  if (ids.length) await tx.select({ id: bookings.id }).from(bookings).where(inArray(bookings.id, ids)).orderBy(asc(bookings.id)).for('update');
}
