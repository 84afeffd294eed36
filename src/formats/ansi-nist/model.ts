/**
 * The in-memory form of an ANSI/NIST-ITL transaction, shared by the traditional and XML encodings.
 * A file is an ordered list of records; a record an ordered list of fields, kept in file order so
 * that writing reproduces the input byte for byte. Text values are decoded strings (per the
 * character-set rules in charset.ts); binary data (image fields) is a view into the input bytes.
 */

/** Information separators (ANSI/NIST-ITL 1-2011, 7.2). */
export const FS = 0x1c;
export const GS = 0x1d;
export const RS = 0x1e;
export const US = 0x1f;

/** A text field: subfields (split on RS) of items (split on US). */
export interface TextField {
  readonly kind: 'text';
  /** Field number: 3 for `1.003`, 999 for `10.999`. */
  readonly num: number;
  /** The tag exactly as written (`1.003`, or the old `1.03` spelling); canonical for binary records. */
  tag: string;
  subfields: string[][];
}

/** A binary field: image data (x.999 of tagged image records, the last field of Types 3-8). */
export interface BinaryField {
  readonly kind: 'binary';
  readonly num: number;
  tag: string;
  bytes: Uint8Array;
}

export type Field = TextField | BinaryField;

/**
 * A logical record. `binary` records (Types 3-8) have fixed-width header fields, held here as
 * decimal strings like every text field so that all records read the same way.
 */
export interface AnRecord {
  type: number;
  encoding: 'tagged' | 'binary';
  fields: Field[];
}

export interface AnsiNistFile {
  records: AnRecord[];
}

/** `10.001`-style canonical tag. */
export function canonicalTag(type: number, num: number): string {
  return `${type}.${String(num).padStart(3, '0')}`;
}

export function textField(type: number, num: number, subfields: string[][]): TextField {
  return { kind: 'text', num, tag: canonicalTag(type, num), subfields };
}

export function binaryField(type: number, num: number, bytes: Uint8Array): BinaryField {
  return { kind: 'binary', num, tag: canonicalTag(type, num), bytes };
}

export function findField(record: AnRecord, num: number): Field | undefined {
  return record.fields.find((f) => f.num === num);
}

/** The first item of the first subfield of a text field, or undefined. */
export function fieldValue(record: AnRecord, num: number): string | undefined {
  const f = findField(record, num);
  return f?.kind === 'text' ? f.subfields[0]?.[0] : undefined;
}

/** All subfields of a text field (empty when absent). */
export function fieldSubfields(record: AnRecord, num: number): string[][] {
  const f = findField(record, num);
  return f?.kind === 'text' ? f.subfields : [];
}

/** Sets (replacing or appending in number order) a text field. */
export function setField(record: AnRecord, num: number, subfields: string[][]): void {
  const i = record.fields.findIndex((f) => f.num === num);
  const field = textField(record.type, num, subfields);
  if (i >= 0) {
    field.tag = record.fields[i]!.tag;
    record.fields[i] = field;
    return;
  }
  const after = record.fields.findIndex((f) => f.num > num);
  if (after < 0) record.fields.push(field);
  else record.fields.splice(after, 0, field);
}

/** The binary data of a record (its image field), if any. */
export function recordData(record: AnRecord): BinaryField | undefined {
  const f = record.fields[record.fields.length - 1];
  return f?.kind === 'binary' ? f : undefined;
}

/** IDC of a record: x.002 for every record but Type-1. */
export function recordIdc(record: AnRecord): number | undefined {
  if (record.type === 1) return undefined;
  const v = fieldValue(record, 2);
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
}
