/**
 * The audit viewer: entries in the reader's time zone, and the hash-chain check behind the
 * "chain verified" badge. A full walk of a long chain takes a while, so one result is shared until
 * new entries arrive (and at most one walk runs at a time).
 */
import { max } from 'drizzle-orm';
import { isSeccomError } from '../../errors/index.ts';
import { verifyAudit } from '../../store/audit.ts';
import { listAudit } from '../../store/queries/audit.ts';
import { auditLog } from '../../store/schema/index.ts';
import type { Principal } from '../access/principal.ts';
import type { AuditEntryView, ChainStatus } from '../contract/audit.ts';
import type { ServerDeps } from '../context.ts';
import { decodeCursor, pageFrom } from './cursor.ts';
import { zoned } from './zoned.ts';

export class AuditService {
  readonly #deps: ServerDeps;
  #last: { headSeq: number; status: ChainStatus } | undefined;
  #running: Promise<ChainStatus> | undefined;

  constructor(deps: ServerDeps) {
    this.#deps = deps;
  }

  async list(p: Principal, q: { actor?: string; action?: string; entity?: string; entityId?: string; from?: string; to?: string; cursor?: string; limit: number }) {
    const before = decodeCursor(q.cursor, 'n')?.[0] as number | undefined;
    const rows = await listAudit(this.#deps.store.db, {
      actor: q.actor,
      action: q.action,
      entity: q.entity,
      entityId: q.entityId,
      from: q.from ? new Date(`${q.from}T00:00:00Z`) : undefined,
      to: q.to ? new Date(`${q.to}T00:00:00Z`) : undefined,
      beforeSeq: before,
      limit: q.limit + 1,
    });
    return pageFrom(
      rows,
      q.limit,
      (r) => [r.seq],
      (r): AuditEntryView => ({ ...r, at: zoned(r.at, p.timeZone) }),
    );
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
