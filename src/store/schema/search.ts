/**
 * The 1:N search engine's galleries (src/biometrics/search): one compact ten-print record per
 * subject of the CJIS criminal file and the IDENT gallery, so a process reloads its galleries
 * without decoding every subject's templates. Derived from the systems of record (which keep the
 * templates), like an index: rows are written directly, not audited, and reconciled with those
 * tables at every load.
 */
import { customType, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

const bytes = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => new Uint8Array(value.buffer, value.byteOffset, value.byteLength),
});

export const searchGallery = pgTable(
  'search_gallery',
  {
    /** "cjis" or "ident". */
    gallery: text('gallery').notNull(),
    /** FBI number or FIN. */
    subjectId: text('subject_id').notNull(),
    /** Compact record (src/biometrics/search/compact.ts). */
    record: bytes('record').notNull(),
  },
  (t) => [primaryKey({ columns: [t.gallery, t.subjectId] })],
);
