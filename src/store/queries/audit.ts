/** The audit viewer's query: entries newest first, keyset-paged on seq, filtered by the indexed columns. */
import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { auditLog } from '../schema/index.ts';

export interface AuditFilter {
  actor?: string;
  action?: string;
  entity?: string;
  entityId?: string;
  from?: Date;
  to?: Date;
  /** Entries with seq below this (the previous page's last). */
  beforeSeq?: number;
  limit: number;
}

export function listAudit(db: Db, f: AuditFilter) {
  const where: SQL[] = [];
  if (f.actor) where.push(eq(auditLog.actor, f.actor));
  if (f.action) where.push(eq(auditLog.action, f.action));
  if (f.entity) where.push(eq(auditLog.entity, f.entity));
  if (f.entityId) where.push(eq(auditLog.entityId, f.entityId));
  if (f.from) where.push(gte(auditLog.at, f.from));
  if (f.to) where.push(lt(auditLog.at, f.to));
  if (f.beforeSeq !== undefined) where.push(lt(auditLog.seq, f.beforeSeq));
  return db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.seq))
    .limit(f.limit);
}
