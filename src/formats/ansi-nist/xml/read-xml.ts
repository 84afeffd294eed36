/**
 * Reader for the NIEM XML encoding. Elements are mapped to fields by walking the record
 * skeletons; the result is then written in the traditional encoding and read back, so LEN is
 * computed and CNT/IDC consistency is checked exactly as for traditional files.
 */
import { SeccomError } from '../../../errors/index.ts';
import { binaryField, canonicalTag, textField, type AnRecord, type AnsiNistFile, type Field } from '../model.ts';
import { binaryLayout } from '../record-kinds.ts';
import { parseAnsiNist, type ReadResult } from '../read.ts';
import { writeAnsiNist } from '../write.ts';
import { parseXml, type XmlElement } from './tree.ts';
import { rootElement, skeletons, type Part, type SkeletonNode } from './skeleton.ts';
import { composeParts, fromBase64, fromXml } from './values.ts';

export interface UnmappedElement {
  /** 1-based record index in the XML document. */
  record: number;
  /** Element path below the record element. */
  path: string;
  line: number;
}

export interface XmlReadResult extends ReadResult {
  /** Elements (or whole records) the mapping does not cover; they are not in `file`. */
  unmapped: UnmappedElement[];
}

type Slot = { text?: string; parts?: Partial<Record<Part, string>>; part?: Part };

class Collector {
  readonly slots = new Map<number, Map<number, Map<number, Slot>>>();
  bytes: Uint8Array | undefined;
  dataField = 0;

  put(field: number, sub: number, item: number): Slot {
    const subs = this.slots.get(field) ?? new Map<number, Map<number, Slot>>();
    this.slots.set(field, subs);
    const items = subs.get(sub) ?? new Map<number, Slot>();
    subs.set(sub, items);
    const slot = items.get(item) ?? {};
    items.set(item, slot);
    return slot;
  }
}

function walk(el: XmlElement, nodes: readonly SkeletonNode[], c: Collector, ctx: { sub: number; item: number }, record: number, path: string, out: UnmappedElement[]): void {
  const counts = new Map<SkeletonNode, number>();
  for (const child of el.children) {
    const node = nodes.find((x) => x.el === child.name);
    const here = `${path}/${child.name}`;
    if (!node) {
      out.push({ record, path: here, line: child.line });
      continue;
    }
    const n = counts.get(node) ?? 0;
    counts.set(node, n + 1);
    const r = node.repeat;
    const next = r ? (r.per === 'item' ? { ...ctx, item: n } : { ...ctx, sub: (r.from ?? 0) + n }) : ctx;
    if (node.bind) {
      const b = node.bind;
      const where = { record, field: here, line: child.line };
      if (b.conv === 'base64') {
        c.bytes = fromBase64(child.text, where);
        c.dataField = b.field;
        continue;
      }
      const slot = c.put(b.field, b.subfield ?? next.sub, b.item ?? next.item);
      const text = fromXml(child.text, b.conv, where);
      if (b.part) {
        slot.parts = { ...slot.parts, [b.part]: text };
        slot.part = b.part;
      } else slot.text = text;
    } else if (node.children) walk(child, node.children, c, next, record, here, out);
  }
}

function toRecord(type: number, c: Collector, record: number): AnRecord {
  const fields: Field[] = [];
  const nums = [...c.slots.keys()].sort((a, b) => a - b);
  for (const num of nums) {
    const subsMap = c.slots.get(num)!;
    const subfields: string[][] = [];
    for (const [s, items] of [...subsMap].sort((a, b) => a[0] - b[0])) {
      const row: string[] = [];
      for (const [i, slot] of items) row[i] = slot.part ? composeParts(slot.parts ?? {}, slot.part) : (slot.text ?? '');
      subfields[s] = Array.from(row, (x) => x ?? '');
    }
    fields.push(textField(type, num, Array.from(subfields, (x) => x ?? [''])));
  }
  const layout = binaryLayout(type);
  if (layout) {
    const header = layout.map((f) => {
      const have = fields.find((x) => x.num === f.num);
      if (f.num === 1) return textField(type, 1, [['0']]);
      if (!have || have.kind !== 'text') {
        throw new SeccomError('SECCOM_ANSI_NIST_XML_INVALID', `Type-${type} record lacks its ${f.name} element`, {
          location: { record, field: canonicalTag(type, f.num) },
        });
      }
      // Unused finger positions are 255 in the binary header; XML may leave them out.
      if (f.items > 1) have.subfields = [[...have.subfields[0]!, ...Array(f.items).fill('255')].slice(0, f.items)];
      return have;
    });
    return { type, encoding: 'binary', fields: [...header, binaryField(type, layout.length + 1, c.bytes ?? new Uint8Array(0))] };
  }
  const all = [textField(type, 1, [['0']]), ...fields];
  if (c.bytes) all.push(binaryField(type, c.dataField, c.bytes));
  return { type, encoding: 'tagged', fields: all };
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
    const c = new Collector();
    walk(el, sk.children, c, { sub: 0, item: 0 }, i + 1, '', unmapped);
    const rec = toRecord(sk.type, c, i + 1);
    records.push(rec);
    const idc = rec.fields.find((f) => f.num === 2);
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
