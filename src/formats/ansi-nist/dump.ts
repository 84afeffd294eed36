/**
 * Two printable views of a transaction: the NBIS an2k2txt text format (one line per item,
 * `record.field.subfield.item [type.field]=value<US>`) and the JSON of `seccom nist dump --json`.
 */
import { createHash } from 'node:crypto';
import { US, canonicalTag, recordIdc, type AnsiNistFile } from './model.ts';

/**
 * The an2k2txt rendering. NBIS writes image fields to temporary files and prints their names;
 * `imageLabel` chooses what to print instead (given the 1-based record and field indexes).
 */
export function an2kText(file: AnsiNistFile, imageLabel: (record: number, field: number, bytes: Uint8Array) => string): string {
  const out: string[] = [];
  const sep = String.fromCharCode(US);
  file.records.forEach((rec, r) => {
    rec.fields.forEach((f, fi) => {
      const tag = `[${canonicalTag(rec.type, f.num)}]`;
      if (f.kind === 'binary') {
        out.push(`${r + 1}.${fi + 1}.1.1 ${tag}=${imageLabel(r + 1, fi + 1, f.bytes)}${sep}\n`);
        return;
      }
      f.subfields.forEach((items, s) => {
        items.forEach((v, i) => out.push(`${r + 1}.${fi + 1}.${s + 1}.${i + 1} ${tag}=${v}${sep}\n`));
      });
    });
  });
  return out.join('');
}

export type JsonFieldValue = string | string[][] | { bytes: number; sha256: string };

export interface JsonRecord {
  type: number;
  idc: number | null;
  fields: Record<string, JsonFieldValue>;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The JSON view: fields keyed by canonical tag, a lone item as a string, anything else as
 * subfields of items, binary data as its size and SHA-256. A repeated field (invalid, but
 * readable) gets a `#2`, `#3` suffix so nothing is hidden.
 */
export function dumpJson(file: AnsiNistFile): { records: JsonRecord[] } {
  return {
    records: file.records.map((rec) => {
      const fields: Record<string, JsonFieldValue> = {};
      for (const f of rec.fields) {
        let key = canonicalTag(rec.type, f.num);
        for (let n = 2; key in fields; n++) key = `${canonicalTag(rec.type, f.num)}#${n}`;
        if (f.kind === 'binary') fields[key] = { bytes: f.bytes.length, sha256: sha256Hex(f.bytes) };
        else fields[key] = f.subfields.length === 1 && f.subfields[0]!.length === 1 ? f.subfields[0]![0]! : f.subfields;
      }
      return { type: rec.type, idc: recordIdc(rec) ?? null, fields };
    }),
  };
}
