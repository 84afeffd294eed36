/**
 * The repository/store contract: every backend (PGlite, PostgreSQL) must pass these tests.
 * Backend test files call storeContract() with a way to open a fresh store.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { count, eq, sql } from 'drizzle-orm';
import { asSuperuser } from '../../test/support/store.ts';
import { isSeccomError } from '../errors/index.ts';
import { appendAudit, verifyAudit } from './audit.ts';
import { auditRead, insertAudited, updateAudited } from './audited.ts';
import { rows } from './db.ts';
import { readPersonRecord } from './repos/people.ts';
import { auditHead, auditLog, jurisdictionActivations, jurisdictions, persons } from './schema/index.ts';
import type { Store } from './store.ts';

const at = new Date('2011-03-01T12:00:00Z');
const ctx = { actor: 'test', at };

function person(i: number) {
  return {
    id: `P${String(i).padStart(6, '0')}`,
    familyName: 'DOE',
    givenName: `JAN ${i}`,
    dob: '1980-01-02',
    sex: i % 2 ? 'M' : 'F',
    pob: 'MX',
    citizenship: 'lpr',
    createdAt: at,
  };
}

async function auditCount(store: Store): Promise<number> {
  const [r] = await store.db.select({ n: count() }).from(auditLog);
  return r!.n;
}

function assertBroken(e: unknown, seq: number): true {
  assert.ok(isSeccomError(e), String(e));
  assert.equal(e.code, 'SECCOM_AUDIT_CHAIN_BROKEN');
  assert.equal(e.location?.seq, seq, e.message);
  return true;
}

export function storeContract(label: string, open: () => Promise<Store | undefined>): void {
  describe(`store contract: ${label}`, () => {
    let store: Store;
    let skip = false;
    before(async () => {
      const s = await open();
      if (s === undefined) skip = true;
      else store = s;
    });
    after(async () => {
      await store?.close();
    });

    test('migrations create the schema and the genesis chain head', async (t) => {
      if (skip) return t.skip('backend not available');
      const tables = await rows<{ table_name: string }>(
        store.db,
        sql`SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()`,
      );
      const names = new Set(tables.map((r) => r.table_name));
      for (const n of ['persons', 'bookings', 'detainers', 'audit_log', 'outbox', 'inbox', 'jurisdiction_activations']) {
        assert.ok(names.has(n), `table ${n} missing`);
      }
      const [head] = await store.db.select().from(auditHead);
      assert.equal(head!.seq, 0);
      assert.equal(head!.hash, '0'.repeat(64));
    });

    test('batched inserts write every row and one audit entry per row', async (t) => {
      if (skip) return t.skip('backend not available');
      const many = Array.from({ length: 9000 }, (_, i) => person(i)); // > one chunk of 60,000 params / 8 columns
      const before = await auditCount(store);
      await store.transaction((tx) => insertAudited(tx, persons, many, ctx));
      const [n] = await store.db.select({ n: count() }).from(persons);
      assert.equal(n!.n, 9000);
      assert.equal((await auditCount(store)) - before, 9000);
      const [entry] = await store.db.select().from(auditLog).where(eq(auditLog.entityId, 'P000042'));
      assert.equal(entry!.entity, 'persons');
      assert.equal(entry!.action, 'insert');
      assert.equal((entry!.data as { givenName: string }).givenName, 'JAN 42');
      const verified = await verifyAudit(store.db);
      assert.equal(verified.entries, await auditCount(store));
    });

    test('a failed transaction leaves neither records nor audit entries', async (t) => {
      if (skip) return t.skip('backend not available');
      const beforeAudit = await auditCount(store);
      const [headBefore] = await store.db.select().from(auditHead);
      await assert.rejects(
        store.transaction(async (tx) => {
          await insertAudited(tx, jurisdictions, [{ id: 'J-X', name: 'X County', state: 'CT', ori: 'CT0000000', rulesetId: 'none' }], ctx);
          await insertAudited(tx, jurisdictions, [{ id: 'J-Y', name: 'Y County', state: 'CT', ori: 'CT0000000', rulesetId: 'none' }], ctx); // duplicate ORI
        }),
      );
      assert.equal((await store.db.select().from(jurisdictions).where(eq(jurisdictions.id, 'J-X'))).length, 0);
      assert.equal(await auditCount(store), beforeAudit);
      assert.deepEqual((await store.db.select().from(auditHead))[0], headBefore);
    });

    test('updates and user reads are audited; composite keys name the entity', async (t) => {
      if (skip) return t.skip('backend not available');
      await store.transaction(async (tx) => {
        await insertAudited(tx, jurisdictions, [{ id: 'J-A', name: 'A County', state: 'CA', ori: 'CA0010000', rulesetId: 'ca-trust' }], ctx);
        await insertAudited(
          tx,
          jurisdictionActivations,
          [{ jurisdictionId: 'J-A', effectiveFrom: at, activated: true, optOutRequested: false, note: 'MOA' }],
          ctx,
        );
      });
      const changed = await store.transaction((tx) => updateAudited(tx, jurisdictions, { id: 'J-A' }, { rulesetId: 'ca-values' }, ctx));
      assert.equal(changed, true);
      const missing = await store.transaction((tx) => updateAudited(tx, jurisdictions, { id: 'J-NONE' }, { rulesetId: 'x' }, ctx));
      assert.equal(missing, false);
      await store.transaction((tx) => auditRead(tx, 'persons', 'P000001', { actor: 'analyst-7', at, purpose: 'iar' }));
      const trail = await store.db.select().from(auditLog).where(sql`${auditLog.entityId} IN ('J-A', 'P000001') OR ${auditLog.entity} = 'jurisdiction_activations'`);
      const actions = trail.map((e) => `${e.entity}:${e.action}:${e.actor}`).sort();
      assert.deepEqual(actions, [
        'jurisdiction_activations:insert:test',
        'jurisdictions:insert:test',
        'jurisdictions:update:test',
        'persons:insert:test',
        'persons:read:analyst-7',
      ]);
      const activation = trail.find((e) => e.entity === 'jurisdiction_activations')!;
      assert.equal(activation.entityId, 'J-A/2011-03-01T12:00:00.000Z');
      await verifyAudit(store.db);
    });

    test('a user reading a person record leaves a read entry naming user and purpose', async (t) => {
      if (skip) return t.skip('backend not available');
      const record = await readPersonRecord(store, 'P000002', { actor: 'officer-3', at, purpose: 'ero-review' });
      assert.equal(record.person.givenName, 'JAN 2');
      assert.deepEqual(record.criminalRecords, []);
      const [last] = await store.db.select().from(auditLog).orderBy(sql`${auditLog.seq} DESC`).limit(1);
      assert.deepEqual([last!.actor, last!.action, last!.entity, last!.entityId, last!.data], ['officer-3', 'read', 'persons', 'P000002', { purpose: 'ero-review' }]);
      await assert.rejects(readPersonRecord(store, 'NOBODY', { actor: 'officer-3', at, purpose: 'x' }), { code: 'SECCOM_NOT_FOUND' });
    });

    test('concurrent appenders keep one linear chain', async (t) => {
      if (skip) return t.skip('backend not available');
      const before = await auditCount(store);
      await Promise.all(
        Array.from({ length: 20 }, (_, w) =>
          store.transaction((tx) =>
            appendAudit(
              tx,
              Array.from({ length: 5 }, (_, i) => ({ at, actor: `w${w}`, action: 'read' as const, entity: 'persons', entityId: `P${i}`, data: { w, i } })),
            ),
          ),
        ),
      );
      const verified = await verifyAudit(store.db);
      assert.equal(verified.entries, before + 100);
    });

    test('the audit log refuses updates and deletes', async (t) => {
      if (skip) return t.skip('backend not available');
      const refused = (e: unknown) => /append-only/.test(`${e} ${(e as Error).cause}`);
      await assert.rejects(store.db.update(auditLog).set({ actor: 'mallory' }).where(eq(auditLog.seq, 1)), refused);
      await assert.rejects(store.db.delete(auditLog).where(eq(auditLog.seq, 1)), refused);
    });

    test('verify names the first altered, removed or relinked entry', async (t) => {
      if (skip) return t.skip('backend not available');
      const total = (await verifyAudit(store.db)).entries;
      const [original] = await store.db.select().from(auditLog).where(eq(auditLog.seq, 7));
      const [last] = await store.db.select().from(auditLog).where(eq(auditLog.seq, total));

      await asSuperuser(store, async (tx) => {
        await tx.update(auditLog).set({ data: { givenName: 'SOMEONE ELSE' } }).where(eq(auditLog.seq, 7));
      });
      await assert.rejects(verifyAudit(store.db), (e) => assertBroken(e, 7));

      await asSuperuser(store, async (tx) => {
        await tx.delete(auditLog).where(eq(auditLog.seq, 7));
      });
      await assert.rejects(verifyAudit(store.db), (e) => assertBroken(e, 7));

      // Re-inserting the original makes the chain whole again: the check is on content, not luck.
      await asSuperuser(store, async (tx) => {
        await tx.insert(auditLog).values(original!);
      });
      assert.equal((await verifyAudit(store.db)).entries, total);

      await asSuperuser(store, async (tx) => {
        await tx.delete(auditLog).where(eq(auditLog.seq, total));
      });
      await assert.rejects(verifyAudit(store.db), (e) => assertBroken(e, total));
      await asSuperuser(store, async (tx) => {
        await tx.insert(auditLog).values(last!);
      });

      // A rewritten entry with a freshly computed hash still breaks the link of the next one.
      await asSuperuser(store, async (tx) => {
        await tx.update(auditLog).set({ hash: 'f'.repeat(64) }).where(eq(auditLog.seq, 3));
      });
      await assert.rejects(verifyAudit(store.db), (e) => assertBroken(e, 3));
      await asSuperuser(store, async (tx) => {
        const [orig] = await tx.select().from(auditLog).where(eq(auditLog.seq, 4));
        await tx.update(auditLog).set({ hash: orig!.prevHash }).where(eq(auditLog.seq, 3));
      });
      assert.equal((await verifyAudit(store.db)).entries, total);
    });
  });
}
