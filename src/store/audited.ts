/**
 * Writes that audit themselves: every insert or update of a record appends one audit entry per
 * row in the same transaction, and every read of a person's record by a user appends a "read"
 * entry. Large values (fingerprint templates) enter the audit as their SHA-256, not in full.
 */
import { createHash } from 'node:crypto';
import { and, eq, getTableColumns, getTableName, type SQL } from 'drizzle-orm';
import { getTableConfig, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import { appendAudit } from './audit.ts';
import { insertBatched } from './batch.ts';
import { canonicalJson } from './canonical-json.ts';
import type { Db } from './db.ts';

/** Who is writing and when (from the Clock, never Date.now() in pipeline code). */
export interface WriteContext {
  actor: string;
  at: Date;
}

const maxInlineChars = 512;

/** The row as the audit keeps it: large members replaced by their digest. */
export function auditView(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (v === undefined) continue;
    const json = canonicalJson(v);
    out[k] = json.length > maxInlineChars ? { sha256: createHash('sha256').update(json).digest('hex'), chars: json.length } : v;
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
  await appendAudit(
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
  await appendAudit(tx, [
    { at: ctx.at, actor: ctx.actor, action: 'update', entity: getTableName(table), entityId: entityId(names, key), data: auditView(set as Record<string, unknown>) },
  ]);
  return true;
}

/** Records that a user read a record (for a stated purpose). Call in the transaction that reads it. */
export async function auditRead(tx: Db, entity: string, id: string, ctx: WriteContext & { purpose: string }): Promise<void> {
  await appendAudit(tx, [{ at: ctx.at, actor: ctx.actor, action: 'read', entity, entityId: id, data: { purpose: ctx.purpose } }]);
}
