/**
 * One XML record element -> one traditional record, by walking its mapping tree. Used by the
 * reader for every record and by the writer to check that what it wrote reads back unchanged.
 */
import { SeccomError } from '../../../errors/index.ts';
import { binaryField, canonicalTag, textField, type AnRecord, type Field } from '../model.ts';
import { binaryLayout } from '../record-kinds.ts';
import type { XmlElement } from './tree.ts';
import type { RecordSkeleton } from './skeleton.ts';
import type { SkeletonNode } from './nodes.ts';
import { readGeneric } from './generic-fields.ts';
import { joinParts, splitterOf, type SplitterName } from './splitters.ts';
import { fromBase64, fromXml } from './values.ts';
import { fromGroups, type DataGroups } from './data-groups.ts';

export interface UnmappedElement {
  /** 1-based record index in the XML document. */
  record: number;
  /** Element path below the record element. */
  path: string;
  line: number;
}

interface Slot {
  text?: string;
  splitter?: SplitterName;
  parts?: Record<string, string>;
  list?: string[][];
  sep?: string;
}

interface Ctx {
  sub: number;
  itemBase: number;
  list: number;
  /** Set inside a list repeat: the separator of the list held in one item. */
  sep: string;
}

interface State {
  record: number;
  slots: Map<number, Map<number, Map<number, Slot>>>;
  bytes?: Uint8Array;
  dataField: number;
  generic: Map<number, string[][]>;
  /** Subfield repeats count across the whole record (a field's subfields may sit in several places). */
  counters: Map<SkeletonNode | string, number>;
  /** Values restated as the first item of other fields' subfields (Binding.also). */
  copies: { field: number; sub: number; text: string }[];
  unmapped: UnmappedElement[];
}

function slotOf(s: State, field: number, sub: number, item: number): Slot {
  const subs = s.slots.get(field) ?? new Map<number, Map<number, Slot>>();
  s.slots.set(field, subs);
  const items = subs.get(sub) ?? new Map<number, Slot>();
  subs.set(sub, items);
  const slot = items.get(item) ?? {};
  items.set(item, slot);
  return slot;
}

/** The nodes of a sibling list by element name (alternative names included), built once per list. */
const byName = new WeakMap<readonly SkeletonNode[], Map<string, SkeletonNode[]>>();

function pick(nodes: readonly SkeletonNode[], name: string, occurrence: number): SkeletonNode | undefined {
  let index = byName.get(nodes);
  if (!index) {
    index = new Map();
    for (const n of nodes) for (const el of [n.el, ...(n.alt ?? [])]) index.set(el, [...(index.get(el) ?? []), n]);
    byName.set(nodes, index);
  }
  const candidates = index.get(name) ?? [];
  const last = candidates[candidates.length - 1];
  return candidates[occurrence] ?? (last?.repeat ? last : undefined);
}

function walk(el: XmlElement, nodes: readonly SkeletonNode[], s: State, ctx: Ctx, path: string): void {
  const seen = new Map<string, number>();
  const local = new Map<SkeletonNode | string, number>();
  for (const child of el.children) {
    const here = path ? `${path}/${child.name}` : child.name;
    const occurrence = seen.get(child.name) ?? 0;
    seen.set(child.name, occurrence + 1);
    const node = pick(nodes, child.name, occurrence);
    if (!node) {
      s.unmapped.push({ record: s.record, path: here, line: child.line });
      continue;
    }
    let next = ctx;
    const r = node.repeat;
    if (r) {
      const key = r.per === 'subfield' ? (r.share ?? node) : node;
      const counts: Map<SkeletonNode | string, number> = r.per === 'subfield' ? s.counters : local;
      const n = counts.get(key) ?? 0;
      counts.set(key, n + 1);
      next =
        r.per === 'subfield'
          ? { ...ctx, sub: r.from + n }
          : r.per === 'item'
            ? { ...ctx, itemBase: r.from + n * r.stride }
            : { ...ctx, list: n, sep: r.sep };
    }
    if (node.once) next = { ...next, sub: 0 };
    if (node.value !== undefined) {
      if (child.text.trim() !== node.value) s.unmapped.push({ record: s.record, path: here, line: child.line });
    } else if (node.generic) {
      const { fields, other } = readGeneric(child);
      for (const f of fields) s.generic.set(f.num, f.subfields);
      for (const o of other) s.unmapped.push({ record: s.record, path: `${here}/${o.name}`, line: o.line });
    } else if (node.bind) {
      const b = node.bind;
      const where = { record: s.record, field: here, line: child.line };
      if (b.conv === 'base64') {
        s.bytes = fromBase64(child.text, where);
        s.dataField = b.field;
        continue;
      }
      const sub = b.subfield ?? next.sub;
      const slot = slotOf(s, b.field, sub, next.itemBase + (b.item ?? 0));
      const text = fromXml(child.text, b.conv, where);
      for (const field of b.also ?? []) s.copies.push({ field, sub, text });
      if (next.sep) {
        slot.list ??= [];
        slot.sep = next.sep;
        (slot.list[next.list] ??= [])[b.coord ?? 0] = text;
      } else if (b.split) {
        const { name, part } = splitterOf(b.split);
        slot.splitter = name;
        slot.parts = { ...slot.parts, [part]: text };
      } else slot.text = text;
    } else if (node.children) walk(child, node.children, s, next, here);
  }
  for (const node of nodes) {
    const b = node.bind;
    const implied = b?.fixed ?? b?.absent;
    if (!b || implied === undefined) continue;
    const slot = slotOf(s, b.field, b.subfield ?? ctx.sub, ctx.itemBase + (b.item ?? 0));
    slot.text ??= implied;
  }
}

function slotValue(slot: Slot): string {
  if (slot.list) return Array.from(slot.list, (xy) => Array.from(xy ?? [], (v) => v ?? '').join(',')).join(slot.sep);
  if (slot.splitter) return joinParts(slot.splitter, slot.parts ?? {});
  return slot.text ?? '';
}

function toRecord(type: number, s: State, groups: DataGroups | undefined): AnRecord {
  for (const c of s.copies) {
    const items = s.slots.get(c.field)?.get(c.sub);
    if (items && !items.has(0)) items.set(0, { text: c.text });
  }
  const fields: Field[] = [];
  for (const [num, subs] of s.slots) {
    const subfields: string[][] = [];
    for (const [i, items] of subs) {
      const row: string[] = [];
      for (const [j, slot] of items) row[j] = slotValue(slot);
      subfields[i] = Array.from(row, (x) => x ?? '');
    }
    fields.push(textField(type, num, Array.from(subfields, (x) => x ?? [''])));
  }
  for (const [num, subfields] of s.generic) {
    if (s.slots.has(num)) {
      throw new SeccomError('SECCOM_ANSI_NIST_XML_INVALID', `field ${canonicalTag(type, num)} is given both by its element and in ebts:StateDefinedFields`, {
        location: { record: s.record, field: canonicalTag(type, num) },
      });
    }
    fields.push(textField(type, num, subfields));
  }
  fields.sort((a, b) => a.num - b.num);
  const layout = binaryLayout(type);
  if (layout) {
    const header = layout.map((f) => {
      const have = fields.find((x) => x.num === f.num);
      if (f.num === 1) return textField(type, 1, [['0']]);
      if (!have || have.kind !== 'text') {
        throw new SeccomError('SECCOM_ANSI_NIST_XML_INVALID', `Type-${type} record lacks its ${f.name} element`, {
          location: { record: s.record, field: canonicalTag(type, f.num) },
        });
      }
      // Unused finger positions are 255 in the binary header; XML may leave them out.
      if (f.items > 1) have.subfields = [[...have.subfields[0]!, ...Array(f.items).fill('255')].slice(0, f.items)];
      return have;
    });
    const dataNum = layout.length + 1;
    const grouped = groups ? fields.find((f) => f.num === dataNum && f.kind === 'text') : undefined;
    let data = s.bytes ?? new Uint8Array(0);
    if (grouped?.kind === 'text') {
      const where = { record: s.record, field: canonicalTag(type, dataNum) };
      if (s.bytes) throw new SeccomError('SECCOM_ANSI_NIST_XML_INVALID', `Type-${type} data is given both as base64 and as elements`, { location: where });
      data = fromGroups(groups!, grouped.subfields, where);
    }
    return { type, encoding: 'binary', fields: [...header, binaryField(type, dataNum, data)] };
  }
  const all = [textField(type, 1, [['0']]), ...fields];
  if (s.bytes) all.push(binaryField(type, s.dataField, s.bytes));
  return { type, encoding: 'tagged', fields: all };
}

/** Reads one record element (1-based `index` for messages). LEN is left for the traditional writer to compute. */
export function readRecordElement(el: XmlElement, sk: RecordSkeleton, index: number): { record: AnRecord; unmapped: UnmappedElement[] } {
  const s: State = { record: index, slots: new Map(), dataField: 0, generic: new Map(), counters: new Map(), copies: [], unmapped: [] };
  walk(el, sk.children, s, { sub: 0, itemBase: 0, list: 0, sep: '' }, '');
  return { record: toRecord(sk.type, s, sk.groups), unmapped: s.unmapped };
}
