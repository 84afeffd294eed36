/**
 * The galleries in the store (table search_gallery): load into the engine at start, reconciled
 * with the systems of record that own the templates (criminal_subjects for CJIS,
 * immigration_subjects for IDENT, a state's state_subjects for its SIB gallery `sib:XX`), and save
 * each new enrolment.
 *
 * Reconciliation makes the table a cache that heals itself: a subject of the system of record
 * without a row (first start on a seeded world, or a save lost in a crash) is encoded from its
 * templates and saved; a row whose subject is gone is dropped.
 */
import { and, asc, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { insertBatched } from '../../store/batch.ts';
import { criminalSubjects, immigrationSubjects, searchGallery, stateSubjects } from '../../store/schema/index.ts';
import type { Store } from '../../store/store.ts';
import type { FingerTemplate } from '../template.ts';
import { encodeRecord } from './compact.ts';
import type { Gallery, GalleryEntry } from './engine.ts';

/** The CJIS and IDENT galleries, and one SIB gallery per state (`sib:TX`: the state's people by SID). */
export type GalleryName = 'cjis' | 'ident' | `sib:${string}`;

/** The federal galleries (the SIB's are per state: stateGalleryName). */
export const galleryNames: readonly GalleryName[] = ['cjis', 'ident'];

export function stateGalleryName(state: string): GalleryName {
  return `sib:${state}`;
}

interface SystemOfRecord {
  table: PgTable;
  id: PgColumn;
  templates: PgColumn;
  /** The gallery's subjects among the table's rows (all without). */
  where?: SQL;
}

function systemOf(name: GalleryName): SystemOfRecord {
  if (name === 'cjis') return { table: criminalSubjects, id: criminalSubjects.fbiNumber, templates: criminalSubjects.templates };
  if (name === 'ident') return { table: immigrationSubjects, id: immigrationSubjects.fin, templates: immigrationSubjects.templates };
  return { table: stateSubjects, id: stateSubjects.sid, templates: stateSubjects.templates, where: eq(stateSubjects.state, name.slice('sib:'.length)) };
}

/** Subjects read per query when encoding missing records. */
const CHUNK = 2000;

export interface LoadReport {
  /** Records read from search_gallery. */
  loaded: number;
  /** Subjects encoded from their templates because their row was missing. */
  encoded: number;
  /** Rows dropped because their subject is gone. */
  dropped: number;
}

/** Subjects in the system of record of a gallery. */
export async function countSubjects(store: Store, name: GalleryName): Promise<number> {
  const s = systemOf(name);
  const [row] = await store.db.select({ n: count() }).from(s.table).where(s.where);
  return row?.n ?? 0;
}

export async function loadGallery(store: Store, name: GalleryName, gallery: Gallery): Promise<LoadReport> {
  const s = systemOf(name);
  // Records travel as base64 text: PGlite hands bytea over about three times slower.
  const rows = (
    await store.db
      .select({ subjectId: searchGallery.subjectId, record: sql<string>`encode(${searchGallery.record}, 'base64')` })
      .from(searchGallery)
      .where(eq(searchGallery.gallery, name))
      .orderBy(asc(searchGallery.subjectId))
  ).map((r) => ({ subjectId: r.subjectId, record: new Uint8Array(Buffer.from(r.record, 'base64')) }));
  const subjects = new Set((await store.db.select({ id: s.id }).from(s.table).where(s.where)).map((r) => r.id as string));
  const entries: GalleryEntry[] = [];
  const stale: string[] = [];
  for (const r of rows) {
    if (subjects.delete(r.subjectId)) entries.push({ subjectId: r.subjectId, record: r.record });
    else stale.push(r.subjectId);
  }
  const missing = [...subjects].sort();
  const encoded: GalleryEntry[] = [];
  for (let i = 0; i < missing.length; i += CHUNK) {
    const found = await store.db
      .select({ id: s.id, templates: s.templates })
      .from(s.table)
      .where(inArray(s.id, missing.slice(i, i + CHUNK)))
      .orderBy(asc(s.id));
    for (const f of found) encoded.push({ subjectId: f.id as string, record: encodeRecord(f.templates as FingerTemplate[]) });
  }
  await store.transaction(async (tx) => {
    for (let i = 0; i < stale.length; i += CHUNK) {
      await tx.delete(searchGallery).where(and(eq(searchGallery.gallery, name), inArray(searchGallery.subjectId, stale.slice(i, i + CHUNK))));
    }
    // Processes starting together may encode the same subjects: records are deterministic, the first saved stands.
    await insertBatched(tx, searchGallery, encoded.map((e) => ({ gallery: name, subjectId: e.subjectId, record: e.record })), { skipExisting: true });
  });
  await gallery.addRecords([...entries, ...encoded]);
  return { loaded: entries.length, encoded: encoded.length, dropped: stale.length };
}

/** Saves (or replaces) one subject's record. */
export function saveRecord(store: Store, name: GalleryName, entry: GalleryEntry): Promise<void> {
  return saveRecords(store, name, [entry]);
}

/** Rows per statement when saving records. */
const SAVE_CHUNK = 500;

/**
 * Saves (or replaces) subjects' records, a statement per SAVE_CHUNK rather than per record (an
 * enrolling state saves a batch at a time). A subject given twice keeps its last record.
 */
export async function saveRecords(store: Store, name: GalleryName, entries: readonly GalleryEntry[]): Promise<void> {
  const last = [...new Map(entries.map((e) => [e.subjectId, e])).values()];
  for (let i = 0; i < last.length; i += SAVE_CHUNK) {
    await store.db
      .insert(searchGallery)
      .values(last.slice(i, i + SAVE_CHUNK).map((e) => ({ gallery: name, subjectId: e.subjectId, record: e.record })))
      .onConflictDoUpdate({ target: [searchGallery.gallery, searchGallery.subjectId], set: { record: sql`excluded.record` } });
  }
}
