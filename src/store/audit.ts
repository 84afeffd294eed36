/**
 * The audit hash chain. Each entry's hash is SHA-256 over the previous entry's hash and the
 * canonical JSON of the entry; the single-row head (last seq and hash) is locked FOR UPDATE by each
 * appender, so concurrent writers take turns and the chain stays linear.
 */
import { createHash } from 'node:crypto';
import { asc, eq, gt } from 'drizzle-orm';
import { SeccomError } from '../errors/index.ts';
import { canonicalJson } from './canonical-json.ts';
import { insertBatched } from './batch.ts';
import { auditHead, auditLog } from './schema/index.ts';
import type { Db } from './db.ts';

export const genesisHash = '0'.repeat(64);

export type AuditAction = 'insert' | 'update' | 'read';

export interface AuditInput {
  at: Date;
  /** Who: a user id, or a system actor such as "stage:cjis" or "sim". */
  actor: string;
  action: AuditAction;
  entity: string;
  entityId: string;
  data: unknown;
}

export interface AuditEntry extends AuditInput {
  seq: number;
  prevHash: string;
  hash: string;
}

/**
 * SHA-256 over the previous hash and the entry's canonical JSON (keys sorted: action, actor, at,
 * data, entity, entityId, seq), built directly so that data is serialized once.
 */
export function entryHash(prevHash: string, e: Omit<AuditEntry, 'prevHash' | 'hash'>, dataJson = canonicalJson(e.data)): string {
  const q = JSON.stringify;
  const body = `{"action":${q(e.action)},"actor":${q(e.actor)},"at":${q(e.at.toISOString())},"data":${dataJson},"entity":${q(e.entity)},"entityId":${q(e.entityId)},"seq":${e.seq}}`;
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/** Appends entries to the chain. Call inside a transaction: the head stays locked until it commits. */
export async function appendAudit(tx: Db, inputs: AuditInput[]): Promise<void> {
  if (inputs.length === 0) return;
  const [head] = await tx.select().from(auditHead).where(eq(auditHead.id, 1)).for('update');
  if (!head) throw new SeccomError('SECCOM_STORE_UNAVAILABLE', 'audit_head row is missing: the store was not migrated');
  let { seq, hash } = head;
  const rows = inputs.map((input) => {
    seq += 1;
    // Store exactly the value that is hashed (canonical form), so that verification recomputes it.
    const dataJson = canonicalJson(input.data ?? null);
    const entry = { ...input, seq, data: JSON.parse(dataJson) as unknown };
    const prevHash = hash;
    hash = entryHash(prevHash, entry, dataJson);
    return { ...entry, prevHash, hash };
  });
  await insertBatched(tx, auditLog, rows);
  await tx.update(auditHead).set({ seq, hash }).where(eq(auditHead.id, 1));
}

export interface AuditVerification {
  entries: number;
  headHash: string;
}

/**
 * Walks the whole chain in order and recomputes every hash. Throws SECCOM_AUDIT_CHAIN_BROKEN naming
 * the first bad entry: altered (hash mismatch), removed (sequence gap, or the head is ahead of the
 * last entry) or relinked (prev_hash not the previous entry's hash).
 */
export async function verifyAudit(db: Db, pageSize = 5000): Promise<AuditVerification> {
  const [head] = await db.select().from(auditHead).where(eq(auditHead.id, 1));
  if (!head) throw new SeccomError('SECCOM_STORE_UNAVAILABLE', 'audit_head row is missing: the store was not migrated');
  let expectedSeq = 1;
  let prev = genesisHash;
  for (;;) {
    const page = await db.select().from(auditLog).where(gt(auditLog.seq, expectedSeq - 1)).orderBy(asc(auditLog.seq)).limit(pageSize);
    for (const row of page) {
      const broken = (reason: string) =>
        new SeccomError('SECCOM_AUDIT_CHAIN_BROKEN', `audit entry ${row.seq} (${row.entity} ${row.entityId}): ${reason}`, {
          location: { seq: row.seq },
        });
      if (row.seq !== expectedSeq) {
        throw new SeccomError('SECCOM_AUDIT_CHAIN_BROKEN', `audit entry ${expectedSeq} is missing (next present is ${row.seq})`, {
          location: { seq: expectedSeq },
        });
      }
      if (row.prevHash !== prev) throw broken('its prev_hash is not the hash of the entry before it');
      const action = row.action as AuditAction;
      if (entryHash(prev, { ...row, action }) !== row.hash) throw broken('its content does not match its hash (altered)');
      prev = row.hash;
      expectedSeq += 1;
    }
    if (page.length < pageSize) break;
  }
  const count = expectedSeq - 1;
  if (head.seq !== count || head.hash !== prev) {
    throw new SeccomError(
      'SECCOM_AUDIT_CHAIN_BROKEN',
      head.seq > count ? `audit entry ${count + 1} is missing (the chain head is at ${head.seq})` : `the chain head (${head.seq}) does not match the last entry (${count})`,
      { location: { seq: count + 1 } },
    );
  }
  return { entries: count, headHash: prev };
}
