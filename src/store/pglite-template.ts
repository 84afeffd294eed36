/**
 * A migrated, empty PGlite data directory kept as a tarball, so that a new in-memory store starts
 * from it instead of running initdb and every migration again (about 0.6 s of CPU instead of 6).
 * Kept per process and in the system's temp directory, keyed by the PGlite version and the
 * migrations' content; a stale or unreadable tarball is simply rebuilt.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';

let memo: { key: string; blob: Blob } | undefined;

/** Identifies the schema a template holds: PGlite's version and every migration file. */
export function templateKey(migrationsFolder: string, pgliteVersion: string): string {
  const h = createHash('sha256').update(pgliteVersion);
  for (const name of readdirSync(migrationsFolder).filter((n) => n.endsWith('.sql')).sort()) {
    h.update(name).update(readFileSync(join(migrationsFolder, name)));
  }
  h.update(readFileSync(join(migrationsFolder, 'meta', '_journal.json')));
  return h.digest('hex').slice(0, 16);
}

function pathFor(key: string): string {
  return join(tmpdir(), `seccom-pglite-template-${key}.tar`);
}

export function readTemplate(key: string): Blob | undefined {
  if (memo?.key === key) return memo.blob;
  try {
    const blob = new Blob([readFileSync(pathFor(key))]);
    memo = { key, blob };
    return blob;
  } catch {
    return undefined;
  }
}

/** Saves the migrated, still empty database as the template (written aside, then renamed into place). */
export async function saveTemplate(key: string, client: PGlite): Promise<void> {
  const blob = await client.dumpDataDir('none');
  memo = { key, blob };
  try {
    const aside = `${pathFor(key)}.${process.pid}`;
    writeFileSync(aside, new Uint8Array(await blob.arrayBuffer()));
    renameSync(aside, pathFor(key));
  } catch {
    // A read-only temp directory only costs the next process the slow start.
  }
}
