/**
 * Writer for the traditional encoding. LEN fields are recomputed from the bytes written (a LEN
 * that is already right keeps its spelling, leading zeros included), so write(read(file))
 * reproduces a valid file byte for byte and a built file is always self-consistent.
 */
import { Buffer } from 'node:buffer';
import { SeccomError } from '../../errors/index.ts';
import { FS, GS, RS, US, type AnRecord, type AnsiNistFile, type Field } from './model.ts';
import { binaryLayout, headerBytes, type BinaryFieldLayout } from './record-kinds.ts';
import { encodeText, encodingFromDcs, type TextEncoding } from './charset.ts';

function unencodable(message: string, record: number, field?: string): never {
  throw new SeccomError('SECCOM_ANSI_NIST_UNENCODABLE', message, { location: { record, ...(field ? { field } : {}) } });
}

const separatorChar = /[\x1c-\x1f]/;

function checkTag(rec: AnRecord, f: Field, index: number): void {
  const m = /^(\d+)\.(\d+)$/.exec(f.tag);
  if (!m || Number(m[1]) !== rec.type || Number(m[2]) !== f.num) {
    unencodable(`tag "${f.tag}" does not name field ${f.num} of a Type-${rec.type} record`, index, f.tag);
  }
}

/** One tagged field as bytes: `tag:value` and its closing separator. */
function fieldBytes(f: Field, enc: TextEncoding, index: number, last: boolean): Uint8Array[] {
  const head = `${f.tag}:`;
  const close = last ? FS : GS;
  if (f.kind === 'binary') return [Buffer.from(head, 'latin1'), f.bytes, Uint8Array.of(close)];
  for (const items of f.subfields) {
    for (const v of items) {
      const sep = separatorChar.exec(v);
      if (sep) unencodable(`value of ${f.tag} holds separator 0x${sep[0].charCodeAt(0).toString(16)}`, index, f.tag);
    }
  }
  const text = head + f.subfields.map((items) => items.join(US_CHAR)).join(RS_CHAR) + String.fromCharCode(close);
  const bytes = encodeText(text, enc);
  if (!bytes) unencodable(`value of ${f.tag} holds a character ${enc} cannot carry (declare UTF-8 in 1.015 DCS)`, index, f.tag);
  return [bytes];
}

const US_CHAR = String.fromCharCode(US);
const RS_CHAR = String.fromCharCode(RS);
const byteLength = (parts: Uint8Array[]) => parts.reduce((n, p) => n + p.length, 0);

function writeTagged(rec: AnRecord, enc: TextEncoding, index: number): Uint8Array[] {
  const fields = rec.fields;
  const first = fields[0];
  if (first?.num !== 1 || first.kind !== 'text') unencodable(`Type-${rec.type} record must start with its LEN field`, index);
  fields.forEach((f, i) => {
    checkTag(rec, f, index);
    if (f.kind === 'binary' && i !== fields.length - 1) unencodable(`binary field ${f.tag} must be the last field`, index, f.tag);
  });
  const bodies = fields.map((f, i) => (i === 0 ? [] : fieldBytes(f, enc, index, i === fields.length - 1)));
  // Every byte but the LEN value: the LEN tag, its colon and separator, and all other fields.
  const rest = first.tag.length + 2 + bodies.reduce((n, b) => n + byteLength(b), 0);
  const lenField = { ...first, subfields: [[lengthText(first, rest)]] };
  bodies[0] = fieldBytes(lenField, 'ascii', index, fields.length === 1);
  return bodies.flat();
}

/** The LEN value for a record whose other bytes number `rest`; keeps the existing spelling when right. */
function lengthText(lenField: Field, rest: number): string {
  const current = lenField.kind === 'text' ? (lenField.subfields[0]?.[0] ?? '') : '';
  if (/^\d+$/.test(current) && Number(current) === rest + current.length) return current;
  let digits = String(rest).length;
  while (String(rest + digits).length !== digits) digits++;
  return String(rest + digits);
}

function headerValue(rec: AnRecord, f: BinaryFieldLayout, index: number): number[] {
  const field = rec.fields.find((x) => x.num === f.num);
  const items = field?.kind === 'text' ? (field.subfields[0] ?? []) : [];
  const max = 2 ** (8 * f.width) - 1;
  const values: number[] = [];
  for (let k = 0; k < f.items; k++) {
    const v = items[k] ?? (f.items > 1 ? '255' : '');
    if (!/^\d+$/.test(v) || Number(v) > max) {
      unencodable(`Type-${rec.type} ${f.name} value "${v}" is not a number in 0-${max}`, index, `${rec.type}.${String(f.num).padStart(3, '0')}`);
    }
    values.push(Number(v));
  }
  return values;
}

function writeBinary(rec: AnRecord, layout: readonly BinaryFieldLayout[], index: number): Uint8Array[] {
  const data = rec.fields[rec.fields.length - 1];
  if (data?.kind !== 'binary') unencodable(`Type-${rec.type} record has no image data field`, index);
  const header = new Uint8Array(headerBytes(layout));
  let pos = 0;
  for (const f of layout) {
    const values = f.num === 1 ? [header.length + data.bytes.length] : headerValue(rec, f, index);
    if (values[0]! > 2 ** 32 - 1) unencodable(`Type-${rec.type} record is too long for its 4-byte LEN`, index);
    for (const v of values) {
      for (let b = f.width - 1; b >= 0; b--) header[pos + b] = Math.floor(v / 256 ** (f.width - 1 - b)) % 256;
      pos += f.width;
    }
  }
  return [header, data.bytes];
}

/** Encodes a transaction in the traditional encoding. Throws SECCOM_ANSI_NIST_UNENCODABLE. */
export function writeAnsiNist(file: AnsiNistFile): Uint8Array {
  const type1 = file.records[0];
  if (type1?.type !== 1) unencodable('the first record must be Type-1', 1);
  const dcs = type1.fields.find((f) => f.num === 15);
  const enc = encodingFromDcs(dcs?.kind === 'text' ? dcs.subfields : []);
  const parts: Uint8Array[] = [];
  file.records.forEach((rec, i) => {
    const layout = binaryLayout(rec.type);
    if (layout) parts.push(...writeBinary(rec, layout, i + 1));
    else parts.push(...writeTagged(rec, i === 0 ? 'ascii' : enc, i + 1));
  });
  return Buffer.concat(parts);
}
