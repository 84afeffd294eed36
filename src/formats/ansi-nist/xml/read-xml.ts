/**
 * Reader for the NIEM XML encoding. Each record element is mapped to fields by walking its
 * mapping tree (read-record.ts); the result is then written in the traditional encoding and read
 * back, so LEN is computed and CNT/IDC consistency is checked exactly as for traditional files.
 */
import { SeccomError } from '../../../errors/index.ts';
import type { AnRecord, AnsiNistFile } from '../model.ts';
import { parseAnsiNist, type ReadResult } from '../read.ts';
import { writeAnsiNist } from '../write.ts';
import { parseXml } from './tree.ts';
import { rootElement, skeletons } from './skeleton.ts';
import { readRecordElement, type UnmappedElement } from './read-record.ts';

export type { UnmappedElement } from './read-record.ts';

export interface XmlReadResult extends ReadResult {
  /** Elements (or whole records) the mapping does not cover; they are not in `file`. */
  unmapped: UnmappedElement[];
}

/** CNT entries of records that were left out (unmapped record types) are removed too. */
function dropFromCnt(type1: AnRecord, kept: { type: number; idc: string }[]): void {
  const cnt = type1.fields.find((f) => f.num === 3);
  if (cnt?.kind !== 'text') return;
  const rest = cnt.subfields.slice(1).filter(([t = '', idc = '']) => kept.some((k) => String(k.type) === t && Number(k.idc) === Number(idc)));
  cnt.subfields = [[cnt.subfields[0]?.[0] ?? '1', String(rest.length)], ...rest];
}

/** Parses an XML transaction; elements outside the mapping are listed in `unmapped`. */
export function parseAnsiNistXml(text: string): XmlReadResult {
  const root = parseXml(text);
  if (root.name !== rootElement) {
    throw new SeccomError('SECCOM_ANSI_NIST_XML_INVALID', `root element is ${root.name}, expected ${rootElement}`, { location: { line: root.line } });
  }
  const unmapped: UnmappedElement[] = [];
  const records: AnRecord[] = [];
  const kept: { type: number; idc: string }[] = [];
  root.children.forEach((el, i) => {
    const sk = skeletons.find((s) => s.element === el.name);
    if (!sk) {
      unmapped.push({ record: i + 1, path: el.name, line: el.line });
      return;
    }
    const read = readRecordElement(el, sk, i + 1);
    unmapped.push(...read.unmapped);
    records.push(read.record);
    const idc = read.record.fields.find((f) => f.num === 2);
    if (sk.type !== 1) kept.push({ type: sk.type, idc: idc?.kind === 'text' ? (idc.subfields[0]?.[0] ?? '') : '' });
  });
  if (records[0]?.type !== 1) throw new SeccomError('SECCOM_ANSI_NIST_XML_INVALID', 'the first record must be the Type-1 PackageInformationRecord', { location: {} });
  if (records.length < root.children.length) dropFromCnt(records[0], kept);
  const file: AnsiNistFile = { records };
  return { ...parseAnsiNist(writeAnsiNist(file)), unmapped };
}

/** Reads an XML transaction, refusing any element the mapping does not cover. */
export function readAnsiNistXml(text: string): ReadResult {
  const result = parseAnsiNistXml(text);
  const first = result.unmapped[0];
  if (first) {
    throw new SeccomError('SECCOM_ANSI_NIST_XML_UNMAPPED', `element ${first.path} has no traditional mapping here (${result.unmapped.length} unmapped)`, {
      location: { record: first.record, line: first.line },
    });
  }
  return result;
}
