/**
 * The Store: one database (embedded PGlite or PostgreSQL) behind one typed Drizzle handle. Open it
 * with openStore(); everything else takes a Store or a Db (transaction).
 */
import type { Db } from './db.ts';

export type StoreKind = 'pglite' | 'postgres';

export interface Store {
  readonly kind: StoreKind;
  /** Where the data lives: a data directory, "memory", or the PostgreSQL URL without password. */
  readonly location: string;
  readonly db: Db;
  /** Runs fn in one transaction: all its writes commit together or none do. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
