/**
 * Writes that audit themselves: every insert or update of a record appends one audit entry per
 * row in the same transaction, and every read of a person's record by a user appends a "read"
 * entry. Large values (fingerprint templates) enter the audit as their SHA-256, not in full.
 */
import { createHash } from 'node:crypto';
import { and, eq, getTableColumns, getTableName, type SQL } from 'drizzle-orm';
import { getTableConfig, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import { appendAudit, type AuditInput } from './audit.ts';
import { insertBatched } from './batch.ts';
import type { Db } from './db.ts';

/**
 * Audit entries of a transaction opened with store.transaction() are gathered and appended once,
 * just before it commits (one chain-head lock per transaction instead of one per write).
 */
const pendingAudit = new WeakMap<Db, AuditInput[]>();

/** Runs fn in tx, then appends the audit entries its writes gathered (used by Store.transaction). */
export async function withAuditBuffer<T>(tx: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  const entries: AuditInput[] = [];
  pendingAudit.set(tx, entries);
  try {
    const result = await fn(tx);
    await appendAudit(tx, entries);
    return result;
  } finally {
    pendingAudit.delete(tx);
  }
}

async function audit(tx: Db, entries: AuditInput[]): Promise<void> {
  const buffer = pendingAudit.get(tx);
  if (buffer) buffer.push(...entries);
  else await appendAudit(tx, entries);
}

/** Who is writing and when (from the Clock, never Date.now() in pipeline code). */
export interface WriteContext {
  actor: string;
  at: Date;
}

const maxInlineChars = 512;

/**
 * The row as the audit keeps it. Fingerprint templates (arrays of objects) enter as their count
 * and long strings as their SHA-256: the audit records the change, the table holds the content.
 */
export function auditView(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (v === undefined) continue;
    if (Array.isArray(v) && v.length > 0 && typeof v[0] === 'object') out[k] = { items: v.length };
    else if (typeof v === 'string' && v.length > maxInlineChars) out[k] = { sha256: createHash('sha256').update(v).digest('hex'), chars: v.length };
    else out[k] = v;
  }
  return out;
}

function primaryKeyOf(table: PgTable): { names: string[]; columns: PgColumn[] } {
  const config = getTableConfig(table);
  const composite = config.primaryKeys[0];
  const columns = composite ? composite.columns : config.columns.filter((c) => c.primary);
  const byName = Object.entries(getTableColumns(table));
  const names = columns.map((c) => byName.find(([, col]) => col.name === c.name)![0]);
  return { names, columns };
}

function entityId(names: string[], row: Record<string, unknown>): string {
  return names.map((n) => (row[n] instanceof Date ? (row[n] as Date).toISOString() : String(row[n]))).join('/');
}

/** Inserts rows in batches and audits each one. */
export async function insertAudited<T extends PgTable>(tx: Db, table: T, values: T['$inferInsert'][], ctx: WriteContext): Promise<void> {
  if (values.length === 0) return;
  await insertBatched(tx, table, values);
  const entity = getTableName(table);
  const { names } = primaryKeyOf(table);
  await audit(
    tx,
    values.map((v) => {
      const row = v as Record<string, unknown>;
      return { at: ctx.at, actor: ctx.actor, action: 'insert', entity, entityId: entityId(names, row), data: auditView(row) };
    }),
  );
}

/** Updates one row, found by its primary key, and audits the change. Returns false when no row matched. */
export async function updateAudited<T extends PgTable>(
  tx: Db,
  table: T,
  key: Record<string, unknown>,
  set: Partial<T['$inferInsert']>,
  ctx: WriteContext,
  where?: SQL,
): Promise<boolean> {
  const { names, columns } = primaryKeyOf(table);
  const conditions = columns.map((c, i) => eq(c, key[names[i]!]));
  if (where) conditions.push(where);
  const updated = (await tx.update(table).set(set as never).where(and(...conditions)).returning()) as unknown[];
  if (updated.length === 0) return false;
  await audit(tx, [
    { at: ctx.at, actor: ctx.actor, action: 'update', entity: getTableName(table), entityId: entityId(names, key), data: auditView(set as Record<string, unknown>) },
  ]);
  return true;
}

/** Records that a user read a record (for a stated purpose). Call in the transaction that reads it. */
export async function auditRead(tx: Db, entity: string, id: string, ctx: WriteContext & { purpose: string }): Promise<void> {
  await audit(tx, [{ at: ctx.at, actor: ctx.actor, action: 'read', entity, entityId: id, data: { purpose: ctx.purpose } }]);
}

/** Records that a user read several records at once (a page listing people): one entry each, appended together. */
export async function auditReads(tx: Db, entity: string, ids: readonly string[], ctx: WriteContext & { purpose: string }): Promise<void> {
  const distinct = [...new Set(ids)];
  if (distinct.length === 0) return;
  await audit(
    tx,
    distinct.map((id) => ({ at: ctx.at, actor: ctx.actor, action: 'read' as const, entity, entityId: id, data: { purpose: ctx.purpose } })),
  );
}
