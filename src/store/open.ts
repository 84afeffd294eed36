/**
 * openStore(): the embedded PGlite store in a data directory (default ./.seccom/data, guarded by a
 * lock file), an in-memory PGlite (tests, demo), or PostgreSQL (`postgres://…`). The same
 * drizzle-kit migrations (./migrations) are applied at open on every backend.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { SeccomError, isSeccomError } from '../errors/index.ts';
import * as schema from './schema/index.ts';
import { lockDir } from './lock.ts';
import { readTemplate, saveTemplate, templateKey } from './pglite-template.ts';
import { withAuditBuffer } from './audited.ts';
import type { Db } from './db.ts';
import type { Store } from './store.ts';

export const defaultDataDir = '.seccom/data';
const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));
/** PGlite's version (its package.json is not exported: found next to its entry point). */
const pgliteVersion = (JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.resolve('@electric-sql/pglite'))), 'utf8')) as { version: string }).version;
/** Arbitrary constant key of the advisory lock that serializes migrations across processes. */
const migrationLockKey = 7_305_001;

export type StoreOptions =
  | { url: string; poolSize?: number }
  | { dataDir: string }
  | { memory: true };

/** Parses the CLI's `--store URL` / `--data DIR` pair into StoreOptions. */
export function storeOptionsFromArgs(args: { store?: string; data?: string }): StoreOptions {
  if (args.store !== undefined) return { url: args.store };
  return { dataDir: args.data ?? defaultDataDir };
}

export async function openStore(options: StoreOptions): Promise<Store> {
  if ('url' in options) return openPostgres(options.url, options.poolSize ?? 8);
  if ('memory' in options) return openPglite(undefined);
  return openPglite(resolve(options.dataDir));
}

async function openPglite(dataDir: string | undefined): Promise<Store> {
  let release = () => {};
  if (dataDir !== undefined) {
    try {
      mkdirSync(dataDir, { recursive: true });
    } catch (e) {
      throw new SeccomError('SECCOM_STORE_UNAVAILABLE', `cannot create data directory ${dataDir}: ${(e as Error).message}`, { cause: e });
    }
    release = lockDir(dataDir).release;
  }
  let client: PGlite | undefined;
  try {
    const key = dataDir === undefined ? templateKey(migrationsFolder, pgliteVersion) : undefined;
    const template = key === undefined ? undefined : readTemplate(key);
    client = dataDir !== undefined ? new PGlite(dataDir) : template ? new PGlite({ loadDataDir: template }) : new PGlite();
    await client.waitReady;
    const db = drizzlePglite({ client, schema });
    await migratePglite(db, { migrationsFolder });
    if (key !== undefined && !template) await saveTemplate(key, client);
    const opened = client;
    return {
      kind: 'pglite',
      location: dataDir ?? 'memory',
      db: db as unknown as Db,
      transaction: (fn) => db.transaction((tx) => withAuditBuffer(tx as unknown as Db, fn)),
      async close() {
        try {
          await opened.close();
        } finally {
          release();
        }
      },
    };
  } catch (e) {
    await client?.close().catch(() => {});
    release();
    throw isSeccomError(e)
      ? e
      : new SeccomError('SECCOM_STORE_UNAVAILABLE', `cannot open the embedded store at ${dataDir ?? 'memory'}: ${(e as Error).message}`, { cause: e });
  }
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

async function openPostgres(url: string, poolSize: number): Promise<Store> {
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new SeccomError('SECCOM_STORE_BAD_URL', `--store must be a postgres:// URL, got "${redact(url)}"`);
  }
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client's network error must not crash the process; the next query reports it.
  pool.on('error', () => {});
  try {
    const client = await pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [migrationLockKey]);
      await migratePg(drizzlePg({ client, schema }), { migrationsFolder });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [migrationLockKey]).catch(() => {});
      client.release();
    }
  } catch (e) {
    await pool.end().catch(() => {});
    throw new SeccomError('SECCOM_STORE_UNAVAILABLE', `cannot open PostgreSQL store ${redact(url)}: ${(e as Error).message}`, { cause: e });
  }
  const db = drizzlePg({ client: pool, schema });
  return {
    kind: 'postgres',
    location: redact(url),
    db: db as unknown as Db,
    transaction: (fn) => db.transaction((tx) => withAuditBuffer(tx as unknown as Db, fn)),
    close: () => pool.end(),
  };
}
