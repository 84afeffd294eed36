/**
 * Reader for the traditional (character-separated) encoding of ANSI/NIST-ITL 1-2011 and earlier
 * versions (1-1993 `1.01:` tags included). Records are located from 1.003 CNT: binary records
 * (Types 3-8) by their 4-byte LEN, tagged records by their separators, tagged image data (x.999)
 * by LEN. Every length is checked against the bytes left before it is used, and binary data is a
 * view into the input, so memory stays proportional to the input.
 */
import { SeccomError, type ErrorCode } from '../../errors/index.ts';
import { FS, binaryField, canonicalTag, type AnRecord, type AnsiNistFile, type Field } from './model.ts';
import { binaryLayout, headerBytes, isBinaryDataField, isKnownRecordType, type BinaryFieldLayout } from './record-kinds.ts';
import { decodeText, encodingFromDcs, latin1, type TextEncoding } from './charset.ts';
import { ViolationList, type Violation } from './violations.ts';
import { imageHeaderViolations } from './images.ts';

export interface ReadResult {
  file: AnsiNistFile;
  /** Consistency problems (LEN, CNT, IDC, character set, image headers); empty for a valid file. */
  violations: Violation[];
  /** Byte offset where each record starts, parallel to file.records. */
  recordOffsets: number[];
}

/** Field tag parts are at most this many digits (as in NBIS), which bounds the tag scan. */
const maxTagDigits = 9;

interface CntEntry {
  type: number;
  idc: string;
}

class Reader {
  readonly violations = new ViolationList();
  encoding: TextEncoding = 'ascii';

  readonly bytes: Uint8Array;

  constructor(input: Uint8Array) {
    // A plain view: subarrays of a Node Buffer are slower to make, and image fields are subarrays.
    this.bytes = new Uint8Array(input.buffer, input.byteOffset, input.length);
  }

  /** Throws a structural error; violations found before it travel along in `details`. */
  fail(code: ErrorCode, message: string, record: number, offset: number, field?: string): never {
    const earlier = this.violations.items;
    throw new SeccomError(code, message, {
      location: { record, ...(field ? { field } : {}), offset },
      ...(earlier.length > 0 ? { details: { violations: earlier } } : {}),
    });
  }

  note(code: ErrorCode, message: string, record: number, offset: number, field?: string, severity: Violation['severity'] = 'error'): void {
    this.violations.add(code, message, { record, ...(field ? { field } : {}), offset }, severity);
  }

  read(): ReadResult {
    const bytes = this.bytes;
    if (bytes.length === 0) this.fail('SECCOM_ANSI_NIST_TRUNCATED', 'empty input: no Type-1 record', 1, 0);
    const type1 = this.readTagged(0, 1, 1, 'ascii');
    const records: AnRecord[] = [type1.record];
    const offsets = [0];
    this.encoding = encodingFromDcs(fieldOf(type1.record, 15));
    const cnt = this.readCnt(type1.record, type1.fieldOffsets);

    let pos = type1.end;
    for (let i = 0; i < cnt.length; i++) {
      const { type, idc } = cnt[i]!;
      const index = i + 2;
      if (pos >= bytes.length) {
        this.fail(
          'SECCOM_ANSI_NIST_TRUNCATED',
          `file ends after ${i + 1} record(s); 1.003 CNT lists ${cnt.length + 1}`,
          index,
          pos,
        );
      }
      const layout = binaryLayout(type);
      const got = layout ? this.readBinary(pos, type, index, layout) : this.readTagged(pos, type, index, this.encoding);
      records.push(got.record);
      offsets.push(pos);
      this.checkIdc(got.record, idc, index, pos);
      for (const v of imageHeaderViolations(got.record)) this.note(v.code, v.message, index, pos, v.field, v.severity);
      pos = got.end;
    }
    if (pos < bytes.length) {
      this.note(
        'SECCOM_ANSI_NIST_CNT_MISMATCH',
        `${bytes.length - pos} byte(s) after the last record listed in 1.003 CNT`,
        cnt.length + 1,
        pos,
      );
    }
    return { file: { records }, violations: this.violations.items, recordOffsets: offsets };
  }

  /** Reads `T.N:` at pos; returns the record type, field number, tag text and where the value starts. */
  readTag(start: number, index: number): { type: number; num: number; tag: string; valueStart: number } {
    const afterType = this.tagPart(start, start, 0x2e, index);
    const afterNum = this.tagPart(start, afterType, 0x3a, index);
    return {
      type: Number(asciiOf(this.bytes, start, afterType - 1)),
      num: Number(asciiOf(this.bytes, afterType, afterNum - 1)),
      tag: asciiOf(this.bytes, start, afterNum - 1),
      valueStart: afterNum,
    };
  }

  /** Scans 1-9 digits then `stop` ('.' or ':'); returns the offset after `stop`. */
  tagPart(tagStart: number, from: number, stop: number, index: number): number {
    const bytes = this.bytes;
    let pos = from;
    while (pos < bytes.length && bytes[pos]! >= 0x30 && bytes[pos]! <= 0x39 && pos - from < maxTagDigits) pos++;
    if (pos >= bytes.length) this.fail('SECCOM_ANSI_NIST_TRUNCATED', 'data ends inside a field tag', index, tagStart);
    if (pos === from || bytes[pos] !== stop) {
      this.fail(
        'SECCOM_ANSI_NIST_BAD_TAG',
        `malformed field tag: expected digits then '${String.fromCharCode(stop)}', found byte 0x${bytes[pos]!.toString(16).padStart(2, '0')}`,
        index,
        pos,
      );
    }
    return pos + 1;
  }

  readTagged(start: number, type: number, index: number, enc: TextEncoding) {
    const bytes = this.bytes;
    const fields: Field[] = [];
    const fieldOffsets: number[] = [];
    const seen = new Set<number>();
    let len: number | undefined;
    let lenOffset = start;
    let pos = start;
    for (;;) {
      const fieldStart = pos;
      const tag = this.readTag(pos, index);
      if (tag.type !== type) {
        this.note('SECCOM_ANSI_NIST_BAD_TAG', `field ${tag.tag} is in a Type-${type} record`, index, fieldStart, tag.tag);
      }
      if (seen.has(tag.num)) {
        const where = canonicalTag(type, tag.num);
        this.note('SECCOM_ANSI_NIST_BAD_FIELD', `field ${where} appears twice`, index, fieldStart, where);
      }
      seen.add(tag.num);
      fieldOffsets.push(fieldStart);

      if (isBinaryDataField(type, tag.num)) {
        const where = canonicalTag(type, tag.num);
        if (len === undefined) {
          this.fail('SECCOM_ANSI_NIST_BAD_FIELD', `image field ${where} before the LEN field`, index, fieldStart, where);
        }
        const fsAt = start + len - 1;
        if (fsAt >= bytes.length) {
          this.fail(
            'SECCOM_ANSI_NIST_LEN_MISMATCH',
            `LEN ${len} runs past the end of the file (${bytes.length - start} byte(s) left)`,
            index,
            lenOffset,
            canonicalTag(type, 1),
          );
        }
        if (fsAt < tag.valueStart) {
          this.fail('SECCOM_ANSI_NIST_LEN_MISMATCH', `LEN ${len} ends before the image field ${where}`, index, lenOffset, canonicalTag(type, 1));
        }
        if (bytes[fsAt] !== FS) {
          this.fail(
            'SECCOM_ANSI_NIST_BAD_SEPARATOR',
            `image field ${where} is not followed by FS where LEN ${len} puts the end of the record`,
            index,
            fsAt,
            where,
          );
        }
        const field = binaryField(type, tag.num, bytes.subarray(tag.valueStart, fsAt));
        field.tag = tag.tag;
        fields.push(field);
        return { record: { type, encoding: 'tagged' as const, fields }, end: fsAt + 1, fieldOffsets };
      }

      const { subfields, end, terminator } = this.readValue(tag.valueStart, index, type, tag.num, enc);
      fields.push({ kind: 'text', num: tag.num, tag: tag.tag, subfields });
      if (fields.length === 1) {
        const where = canonicalTag(type, tag.num);
        if (tag.num !== 1) this.note('SECCOM_ANSI_NIST_BAD_FIELD', `first field is ${where}, not LEN`, index, fieldStart, where);
        else {
          len = this.lengthValue(subfields, index, fieldStart, where);
          lenOffset = fieldStart;
        }
      }
      pos = end;
      if (terminator === FS) break;
    }
    const actual = pos - start;
    if (len !== undefined && len !== actual) {
      this.note('SECCOM_ANSI_NIST_LEN_MISMATCH', `LEN says ${len} bytes, the record has ${actual}`, index, lenOffset, canonicalTag(type, 1));
    }
    if (type !== 1 && !seen.has(2)) this.note('SECCOM_ANSI_NIST_BAD_FIELD', `no IDC field ${canonicalTag(type, 2)}`, index, start);
    return { record: { type, encoding: 'tagged' as const, fields }, end: pos, fieldOffsets };
  }

  lengthValue(subfields: string[][], index: number, offset: number, where: string): number {
    const v = subfields.length === 1 && subfields[0]!.length === 1 ? subfields[0]![0]! : '';
    if (!/^\d{1,12}$/.test(v)) this.fail('SECCOM_ANSI_NIST_BAD_FIELD', `LEN value "${v}" is not a number`, index, offset, where);
    return Number(v);
  }

  /** Reads items up to the GS or FS ending the field. */
  readValue(start: number, index: number, type: number, num: number, enc: TextEncoding) {
    const bytes = this.bytes;
    const n = bytes.length;
    const subfields: string[][] = [];
    let items: string[] = [];
    let itemStart = start;
    let high = false;
    for (let i = start; i < n; i++) {
      const b = bytes[i]!;
      if (b >= 0x80) high = true;
      // 0x1c-0x1f: FS, GS, RS, US.
      if (b < 0x1c || b > 0x1f) continue;
      let text: string;
      if (high) {
        const decoded = decodeText(bytes, itemStart, i, enc);
        if (!decoded.ok) this.charsetViolation(bytes, itemStart, i, index, canonicalTag(type, num), enc);
        text = decoded.text;
        high = false;
      } else text = asciiOf(bytes, itemStart, i);
      items.push(text);
      if (b === 0x1f) itemStart = i + 1;
      else if (b === 0x1e) {
        subfields.push(items);
        items = [];
        itemStart = i + 1;
      } else {
        subfields.push(items);
        return { subfields, end: i + 1, terminator: b };
      }
    }
    const where = canonicalTag(type, num);
    return this.fail('SECCOM_ANSI_NIST_TRUNCATED', `data ends inside field ${where} (no GS or FS)`, index, start, where);
  }

  charsetViolation(bytes: Uint8Array, from: number, to: number, index: number, where: string, enc: TextEncoding): void {
    let at = from;
    while (at < to && bytes[at]! < 0x80) at++;
    const why =
      enc === 'utf8'
        ? 'is not valid UTF-8'
        : `byte 0x${bytes[at]!.toString(16)} is not 7-bit ASCII and 1.015 DCS declares no character set allowing it`;
    this.note('SECCOM_ANSI_NIST_CHARSET', `value of ${where} ${why}`, index, at, where);
  }

  readBinary(start: number, type: number, index: number, layout: readonly BinaryFieldLayout[]) {
    const bytes = this.bytes;
    const hb = headerBytes(layout);
    const left = bytes.length - start;
    if (left < hb) this.fail('SECCOM_ANSI_NIST_TRUNCATED', `Type-${type} header needs ${hb} bytes, ${left} left`, index, start);
    const len = readUint(bytes, start, 4);
    const lenTag = canonicalTag(type, 1);
    if (len < hb) this.fail('SECCOM_ANSI_NIST_LEN_MISMATCH', `LEN ${len} is shorter than the ${hb}-byte Type-${type} header`, index, start, lenTag);
    if (len > left) {
      this.fail('SECCOM_ANSI_NIST_LEN_MISMATCH', `LEN ${len} runs past the end of the file (${left} byte(s) left)`, index, start, lenTag);
    }
    const fields: Field[] = [];
    let pos = start;
    for (const f of layout) {
      const items: string[] = [];
      for (let k = 0; k < f.items; k++, pos += f.width) items.push(String(readUint(bytes, pos, f.width)));
      fields.push({ kind: 'text', num: f.num, tag: canonicalTag(type, f.num), subfields: [items] });
    }
    fields.push(binaryField(type, layout.length + 1, bytes.subarray(pos, start + len)));
    return { record: { type, encoding: 'binary' as const, fields }, end: start + len };
  }

  readCnt(type1: AnRecord, fieldOffsets: number[]): CntEntry[] {
    const i = type1.fields.findIndex((f) => f.num === 3);
    if (i < 0) this.fail('SECCOM_ANSI_NIST_BAD_FIELD', 'no 1.003 CNT field: the records cannot be located', 1, 0, '1.003');
    const field = type1.fields[i]!;
    const offset = fieldOffsets[i]!;
    const subs = field.kind === 'text' ? field.subfields : [];
    const entries: CntEntry[] = [];
    for (let s = 1; s < subs.length; s++) {
      const [t = '', idc = ''] = subs[s]!;
      const type = /^\d{1,3}$/.test(t) ? Number(t) : NaN;
      if (!isKnownRecordType(type) || type === 1) {
        this.fail('SECCOM_ANSI_NIST_CNT_MISMATCH', `1.003 CNT subfield ${s + 1} lists record type "${t}"`, 1, offset, '1.003');
      }
      if (subs[s]!.length !== 2 || !/^\d{1,3}$/.test(idc)) {
        this.note('SECCOM_ANSI_NIST_CNT_MISMATCH', `1.003 CNT subfield ${s + 1} must be type and numeric IDC, got "${subs[s]!.join(',')}"`, 1, offset, '1.003');
      }
      entries.push({ type, idc });
    }
    const [first = '', count = ''] = subs[0] ?? [];
    if (first !== '1' || !/^\d+$/.test(count) || Number(count) !== entries.length) {
      this.note(
        'SECCOM_ANSI_NIST_CNT_MISMATCH',
        `1.003 CNT first subfield is "${first},${count}"; expected "1,${entries.length}" for the ${entries.length} record(s) it lists`,
        1,
        offset,
        '1.003',
      );
    }
    return entries;
  }

  checkIdc(record: AnRecord, cntIdc: string, index: number, offset: number): void {
    const field = record.fields.find((f) => f.num === 2);
    const idc = field?.kind === 'text' ? (field.subfields[0]?.[0] ?? '') : '';
    if (field && (!/^\d+$/.test(idc) || Number(idc) !== Number(cntIdc))) {
      this.note(
        'SECCOM_ANSI_NIST_IDC_MISMATCH',
        `IDC is "${idc}" but 1.003 CNT lists "${cntIdc}" for this Type-${record.type} record`,
        index,
        offset,
        canonicalTag(record.type, 2),
      );
    }
  }
}

function fieldOf(record: AnRecord, num: number): string[][] {
  const f = record.fields.find((x) => x.num === num);
  return f?.kind === 'text' ? f.subfields : [];
}

/** Decodes 7-bit bytes; short values (most items) are built directly, long ones in one call. */
function asciiOf(bytes: Uint8Array, from: number, to: number): string {
  if (to - from > 32) return latin1(bytes, from, to);
  let s = '';
  for (let i = from; i < to; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

function readUint(bytes: Uint8Array, at: number, width: number): number {
  let v = 0;
  for (let i = 0; i < width; i++) v = v * 256 + bytes[at + i]!;
  return v;
}

/** Parses a traditional-encoding file, returning it with every consistency violation found. Throws on structural damage. */
export function parseAnsiNist(bytes: Uint8Array): ReadResult {
  return new Reader(bytes).read();
}
