import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { main } from '../main.ts';
import { appendAudit } from '../../store/audit.ts';
import { openStore } from '../../store/open.ts';
import { auditLog } from '../../store/schema/index.ts';
import { asSuperuser, createTestDatabase, postgresAvailable } from '../../../test/support/store.ts';
import { captureIO } from '../../../test/support/capture.ts';
import { requireOrSkip } from '../../../test/support/env.ts';

test('seccom audit verify: exit 0 with the count, then non-zero naming the tampered entry', async (t) => {
  const skip = requireOrSkip('PostgreSQL on 127.0.0.1:5432', await postgresAvailable());
  if (skip) return t.skip(skip);
  const { url, drop } = await createTestDatabase();
  const store = await openStore({ url });
  try {
    const at = new Date('2012-01-01T00:00:00Z');
    await store.transaction((tx) =>
      appendAudit(
        tx,
        Array.from({ length: 12 }, (_, i) => ({ at, actor: 'sim', action: 'insert' as const, entity: 'persons', entityId: `P${i}`, data: { i } })),
      ),
    );
    const ok = captureIO();
    assert.equal(await main(['audit', 'verify', '--store', url], ok), 0);
    assert.match(ok.stdout.join('\n'), /intact: 12 entries/);

    await asSuperuser(store, async (tx) => {
      await tx.update(auditLog).set({ actor: 'mallory' }).where(eq(auditLog.seq, 5));
    });
    const bad = captureIO();
    assert.equal(await main(['audit', 'verify', '--store', url], bad), 8);
    assert.match(bad.stderr.join('\n'), /SECCOM_AUDIT_CHAIN_BROKEN: audit entry 5 /);
  } finally {
    await store.close();
    await drop();
  }
});
