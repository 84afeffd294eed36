/**
 * Writer for the NIEM XML encoding (EBTS 10.0 / ITL 2011 profile, the element order its XSD
 * compiles). Walks each record's mapping tree, then reads the record element back and compares it
 * with the input: a field whose value would not come back unchanged (no element for it, a value
 * the composite or typed elements cannot carry) is refused with its tag rather than altered or
 * dropped. XML has no tag spelling and no field order, so those come back canonical (`1.002`,
 * ascending numbers), with LEN recomputed.
 */
import { Buffer } from 'node:buffer';
import { SeccomError } from '../../../errors/index.ts';
import { canonicalTag, type AnRecord, type AnsiNistFile, type Field, type TextField } from '../model.ts';
import { serializeXml, type XmlElement } from './tree.ts';
import { rootElement, skeletons, type RecordSkeleton } from './skeleton.ts';
import { boundFields, type Binding, type SkeletonNode, type When } from './nodes.ts';
import { genericElements } from './generic-fields.ts';
import { readRecordElement } from './read-record.ts';
import { splitterOf, splitValue } from './splitters.ts';
import { toBase64, toXml } from './values.ts';
import { toGroups, type DataGroups } from './data-groups.ts';

interface Ctx {
  record: AnRecord;
  index: number;
  sub: number;
  itemBase: number;
  list: number;
  /** Set inside a list repeat: the separator of the list held in one item. */
  sep: string;
  /** In the first repetition of the innermost subfield repeat (or outside one). */
  first: boolean;
  generic: TextField[];
}

interface Emitted {
  el: XmlElement;
  /** False for constants and required-but-empty containers: they alone do not make a parent worth writing. */
  content: boolean;
}

const leaf = (name: string, text: string): XmlElement => ({ name, children: [], text, line: 0 });
const unmapped = (ctx: Ctx, num: number, message: string): never => {
  const tag = canonicalTag(ctx.record.type, num);
  throw new SeccomError('SECCOM_ANSI_NIST_XML_UNMAPPED', `field ${tag} ${message}`, { location: { record: ctx.index, field: tag } });
};

const textOf = (ctx: Ctx, num: number): TextField | undefined => {
  const f = ctx.record.fields.find((x) => x.num === num);
  return f?.kind === 'text' ? f : undefined;
};

function value(b: Binding, ctx: Ctx): string | undefined {
  const f = ctx.record.fields.find((x) => x.num === b.field);
  if (!f) return undefined;
  if (f.kind === 'binary') return toBase64(f.bytes);
  // Data spelled out as groups (Type-8 vectors) is text here and has no base64 form.
  if (b.conv === 'base64') return undefined;
  const items = f.subfields[b.subfield ?? ctx.sub];
  const item = ctx.itemBase + (b.item ?? 0);
  let raw = items?.[item];
  if (raw === undefined) return undefined;
  if (ctx.sep) raw = raw.split(ctx.sep)[ctx.list];
  if (b.coord !== undefined) raw = raw?.split(',')[b.coord];
  if (b.split && raw !== undefined && raw !== '') {
    const { name, part } = splitterOf(b.split);
    const parts = splitValue(name, raw) ?? unmapped(ctx, b.field, `value "${raw}" does not split into its XML elements`);
    raw = parts[part];
  }
  if (raw === undefined || raw === b.absent) return undefined;
  // An empty last item is written as an empty element, so the item count survives (1.013 "NORAM" + US).
  if (raw === '') return (b.conv ?? 'text') === 'text' && !b.split && !ctx.sep && item === items!.length - 1 ? '' : undefined;
  return toXml(raw, b.conv, { record: ctx.index, field: canonicalTag(ctx.record.type, b.field) });
}

function holds(w: When, ctx: Ctx): boolean {
  const v = textOf(ctx, w.field)?.subfields[ctx.sub]?.[w.item ?? 0];
  const within = (r: readonly [number, number]) => v !== undefined && /^\d+$/.test(v) && Number(v) >= r[0] && Number(v) <= r[1];
  if (w.in && (v === undefined || !w.in.includes(v))) return false;
  if (w.range && !within(w.range)) return false;
  if (w.outside && within(w.outside)) return false;
  if (w.notIn && v !== undefined && w.notIn.includes(v)) return false;
  if (w.present !== undefined && ctx.record.fields.some((f) => f.num === w.field) !== w.present) return false;
  return w.and ? holds(w.and, ctx) : true;
}

function firstBinding(node: SkeletonNode): Binding | undefined {
  if (node.bind) return node.bind;
  for (const c of node.children ?? []) {
    const b = firstBinding(c);
    if (b) return b;
  }
  return undefined;
}

function repetitions(node: SkeletonNode, ctx: Ctx): Ctx[] {
  const r = node.repeat!;
  let count = 0;
  if (r.per === 'subfield') count = Math.max(0, ...r.fields.map((n) => (textOf(ctx, n)?.subfields.length ?? 0) - r.from));
  else if (r.per === 'item') count = Math.ceil(((textOf(ctx, r.fields[0]!)?.subfields[ctx.sub]?.length ?? 0) - r.from) / r.stride);
  else {
    const b = firstBinding(node)!;
    const raw = textOf(ctx, b.field)?.subfields[b.subfield ?? ctx.sub]?.[ctx.itemBase + (b.item ?? 0)];
    count = raw ? raw.split(r.sep).length : 0;
  }
  return Array.from({ length: Math.max(0, count) }, (_, n) =>
    r.per === 'subfield'
      ? { ...ctx, sub: r.from + n, first: n === 0 }
      : r.per === 'item'
        ? { ...ctx, itemBase: r.from + n * r.stride }
        : { ...ctx, list: n, sep: r.sep },
  );
}

function emitOnce(node: SkeletonNode, outer: Ctx): Emitted[] {
  if (node.readOnly || (node.when && !holds(node.when, outer)) || (node.once && !outer.first)) return [];
  const ctx = node.once ? { ...outer, sub: 0 } : outer;
  if (node.rcc) return [{ el: leaf(node.el, String(ctx.record.type).padStart(2, '0')), content: false }];
  if (node.value !== undefined) return [{ el: leaf(node.el, node.value), content: false }];
  if (node.generic) return ctx.generic.length ? [{ el: { name: node.el, children: genericElements(ctx.generic), text: '', line: 0 }, content: true }] : [];
  if (node.bind) {
    if (node.bind.fixed !== undefined) return [];
    const text = value(node.bind, ctx);
    return text === undefined ? [] : [{ el: leaf(node.el, text), content: true }];
  }
  const kids: Emitted[] = [];
  for (const c of node.children ?? []) {
    const out = emit(c, ctx);
    if (out.length === 0 && c.keep) kids.push({ el: { name: c.el, children: [], text: '', line: 0 }, content: false });
    kids.push(...out);
  }
  if (!kids.some((k) => k.content)) return [];
  return [{ el: { name: node.el, children: kids.map((k) => k.el), text: '', line: 0 }, content: true }];
}

function emit(node: SkeletonNode, ctx: Ctx): Emitted[] {
  return node.repeat ? repetitions(node, ctx).flatMap((c) => emitOnce(node, c)) : emitOnce(node, ctx);
}

function sameField(a: Field, b: Field): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'binary') return b.kind === 'binary' && Buffer.from(a.bytes).equals(Buffer.from(b.bytes));
  return b.kind === 'text' && JSON.stringify(a.subfields) === JSON.stringify(b.subfields);
}

/** Refuses the record when its XML form would not read back to the same fields in the same order. */
function checkReadsBack(rec: AnRecord, el: XmlElement, sk: RecordSkeleton, ctx: Ctx): void {
  const back = readRecordElement(el, sk, ctx.index).record;
  const mine = rec.fields.filter((f) => f.num !== 1);
  const theirs = back.fields.filter((f) => f.num !== 1);
  for (const f of mine) {
    const other = theirs.find((x) => x.num === f.num) ?? unmapped(ctx, f.num, 'has no XML element for its value; converting would lose it');
    if (!sameField(f, other)) unmapped(ctx, f.num, 'would not read back unchanged from its XML elements');
  }
  const extra = theirs.find((x) => !mine.some((f) => f.num === x.num));
  if (extra) unmapped(ctx, extra.num, 'would appear from XML defaults that the record does not have');
}

/** The record with its binary data as groups of items, when the data divides into them. */
function groupedView(rec: AnRecord, groups: DataGroups): AnRecord {
  return {
    ...rec,
    fields: rec.fields.map((f) => {
      const subfields = f.kind === 'binary' ? toGroups(groups, f.bytes) : undefined;
      return subfields ? { kind: 'text', num: f.num, tag: f.tag, subfields } : f;
    }),
  };
}

function recordElement(rec: AnRecord, index: number): XmlElement {
  const sk = skeletons.find((s) => s.type === rec.type);
  if (!sk) {
    throw new SeccomError('SECCOM_ANSI_NIST_XML_UNMAPPED', `Type-${rec.type} records have no XML mapping here`, { location: { record: index } });
  }
  const bound = boundFields(sk.children);
  const loose = rec.fields.filter((f): f is TextField => !bound.has(f.num) && f.kind === 'text');
  const ctx: Ctx = { record: rec, index, sub: 0, itemBase: 0, list: 0, sep: '', first: true, generic: sk.generic ? loose : [] };
  if (sk.groups && holds(sk.groups.when, ctx)) ctx.record = groupedView(rec, sk.groups);
  const stray = rec.fields.find((f) => !bound.has(f.num) && !ctx.generic.includes(f as TextField));
  if (stray) unmapped(ctx, stray.num, 'has no XML mapping; converting would lose it');
  const el: XmlElement = { name: sk.element, children: sk.children.flatMap((c) => emit(c, ctx)).map((e) => e.el), text: '', line: 0 };
  checkReadsBack(rec, el, sk, ctx);
  return el;
}

/** Encodes a transaction as NIEM XML. Throws SECCOM_ANSI_NIST_XML_UNMAPPED for a field it cannot carry unchanged. */
export function writeAnsiNistXml(file: AnsiNistFile): string {
  const root: XmlElement = { name: rootElement, children: file.records.map((r, i) => recordElement(r, i + 1)), text: '', line: 0 };
  return serializeXml(root);
}
