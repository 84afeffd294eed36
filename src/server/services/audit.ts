/**
 * The audit viewer: entries in the reader's time zone, and the hash-chain check behind the
 * "chain verified" badge. A full walk of a long chain takes a while, so one result is shared until
 * new entries arrive (and at most one walk runs at a time).
 */
import { max } from 'drizzle-orm';
import { isSeccomError } from '../../errors/index.ts';
import { verifyAudit } from '../../store/audit.ts';
import { bookingsNamed, listAudit } from '../../store/queries/audit.ts';
import { auditLog } from '../../store/schema/index.ts';
import type { Principal } from '../access/principal.ts';
import { bookingVisibility } from '../access/visibility.ts';
import type { AuditEntryView, AuditPage, ChainStatus } from '../contract/audit.ts';
import type { ServerDeps } from '../context.ts';
import { decodeCursor, pageFrom } from './cursor.ts';
import { zoned } from './zoned.ts';

/** A search covers the audit of at most this many bookings, the newest it names (a family-name prefix can name thousands). */
export const maxSearchBookings = 200;

export class AuditService {
  readonly #deps: ServerDeps;
  #last: { headSeq: number; status: ChainStatus } | undefined;
  #running: Promise<ChainStatus> | undefined;

  constructor(deps: ServerDeps) {
    this.#deps = deps;
  }

  async list(
    p: Principal,
    q: { q?: string; actor?: string; action?: string; entity?: string; entityId?: string; from?: string; to?: string; cursor?: string; limit: number },
  ): Promise<AuditPage> {
    const before = decodeCursor(q.cursor, 'n')?.[0] as number | undefined;
    const db = this.#deps.store.db;
    // A search names bookings the reader may see (one more than the cap tells that there are more).
    const named = q.q ? (await bookingsNamed(db, bookingVisibility(p), q.q, maxSearchBookings + 1)).map((r) => r.id) : undefined;
    const rows = await listAudit(db, {
      bookingIds: named?.slice(0, maxSearchBookings),
      actor: q.actor,
      action: q.action,
      entity: q.entity,
      entityId: q.entityId,
      from: q.from ? new Date(`${q.from}T00:00:00Z`) : undefined,
      to: q.to ? new Date(`${q.to}T00:00:00Z`) : undefined,
      beforeSeq: before,
      limit: q.limit + 1,
    });
    const page = pageFrom(
      rows,
      q.limit,
      (r) => [r.seq],
      (r): AuditEntryView => ({ ...r, at: zoned(r.at, p.timeZone) }),
    );
    return { ...page, search: named ? { bookings: Math.min(named.length, maxSearchBookings), more: named.length > maxSearchBookings } : null };
  }

  async verify(p: Principal): Promise<ChainStatus> {
    const [head] = await this.#deps.store.db.select({ seq: max(auditLog.seq) }).from(auditLog);
    const headSeq = head?.seq ?? 0;
    if (this.#last && this.#last.headSeq === headSeq) return this.#last.status;
    this.#running ??= this.#walk(p, headSeq).finally(() => (this.#running = undefined));
    return this.#running;
  }

  async #walk(p: Principal, headSeq: number): Promise<ChainStatus> {
    const checkedAt = zoned(this.#deps.clock.now(), p.timeZone);
    let status: ChainStatus;
    try {
      const r = await verifyAudit(this.#deps.store.db);
      status = { status: 'intact', entries: r.entries, headHash: r.headHash, checkedAt, problem: null };
    } catch (e) {
      if (!isSeccomError(e) || e.code !== 'SECCOM_AUDIT_CHAIN_BROKEN') throw e;
      const seq = typeof e.location?.seq === 'number' ? e.location.seq : null;
      status = { status: 'broken', entries: headSeq, headHash: null, checkedAt, problem: { code: e.code, detail: e.message, seq } };
    }
    this.#last = { headSeq, status };
    return status;
  }
}
