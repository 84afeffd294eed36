/**
 * Isolated stores for tests. PGlite: one in-memory instance (about 5 s to start, so share one per
 * test file). PostgreSQL: a uniquely named database per call, dropped on close.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/store.ts';

/** The server the PostgreSQL tests use; the CI machine runs one on 127.0.0.1:5432. */
export const testPostgresUrl = process.env.SECCOM_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: testPostgresUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A fresh, uniquely named PostgreSQL database: its URL, and how to drop it. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `seccom_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: testPostgresUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(testPostgresUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export async function openTestStore(kind: 'pglite' | 'postgres'): Promise<Store> {
  if (kind === 'pglite') return openStore({ memory: true });
  const database = await createTestDatabase();
  const store = await openStore({ url: database.url });
  return {
    ...store,
    async close() {
      await store.close();
      await database.drop();
    },
  };
}

/**
 * Runs fn with triggers off, as a superuser could (session_replication_role = replica): the tamper
 * tests use it to alter the append-only audit log behind the application's back.
 */
export async function asSuperuser(store: Store, fn: (tx: Store['db']) => Promise<void>): Promise<void> {
  await store.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL session_replication_role = replica`);
    await fn(tx);
  });
}
