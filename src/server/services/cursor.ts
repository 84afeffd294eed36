/**
 * Keyset cursors: the sort key of the last row of a page, as opaque base64url JSON. A cursor that
 * does not decode to the expected shape is SECCOM_BAD_CURSOR, never a silent first page.
 */
import { SeccomError } from '../../errors/index.ts';

export type CursorKey = readonly (string | number)[];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** Decodes a cursor whose parts have the given types ('s' string, 'n' number). */
export function decodeCursor(text: string | undefined, shape: string): CursorKey | undefined {
  if (text === undefined || text === '') return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  const ok =
    Array.isArray(key) &&
    key.length === shape.length &&
    key.every((v, i) => (shape[i] === 'n' ? typeof v === 'number' && Number.isFinite(v) : typeof v === 'string'));
  if (!ok) throw new SeccomError('SECCOM_BAD_CURSOR', 'the cursor is not one this list returned; start from the first page', { location: { field: 'cursor' } });
  return key as CursorKey;
}

/** A time in a cursor (ISO 8601); anything else is SECCOM_BAD_CURSOR. */
export function cursorDate(part: string | number | undefined): Date {
  const at = typeof part === 'string' ? new Date(part) : new Date(Number.NaN);
  if (Number.isNaN(at.getTime())) throw new SeccomError('SECCOM_BAD_CURSOR', 'the cursor is not one this list returned; start from the first page', { location: { field: 'cursor' } });
  return at;
}

/** The page and its next cursor from rows fetched with limit + 1. */
export function pageFrom<R, T>(rows: R[], limit: number, key: (row: R) => CursorKey, map: (row: R) => T): { items: T[]; nextCursor: string | null } {
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  return { items: page.map(map), nextCursor: more ? encodeCursor(key(page[page.length - 1]!)) : null };
}
