/**
 * Writer for the NIEM XML encoding (ANSI/NIST-ITL 1-2011 XML as EBTS 10.0 profiles it). Walks
 * each record's skeleton; refuses a field the skeleton does not place rather than drop it.
 */
import { SeccomError } from '../../../errors/index.ts';
import { canonicalTag, type AnRecord, type AnsiNistFile } from '../model.ts';
import { serializeXml, type XmlElement } from './tree.ts';
import { rootElement, skeletons, type Binding, type RecordSkeleton, type SkeletonNode } from './skeleton.ts';
import { splitPart, toBase64, toXml } from './values.ts';

interface Ctx {
  record: AnRecord;
  index: number;
  sub?: number;
  item?: number;
}

/** Field numbers a skeleton places (LEN is implied by the encoding). */
export function boundFields(nodes: readonly SkeletonNode[], out = new Set<number>([1])): Set<number> {
  for (const node of nodes) {
    if (node.bind) out.add(node.bind.field);
    if (node.children) boundFields(node.children, out);
  }
  return out;
}

const leaf = (name: string, text: string): XmlElement => ({ name, children: [], text, line: 0 });

function value(bind: Binding, ctx: Ctx): string | undefined {
  const f = ctx.record.fields.find((x) => x.num === bind.field);
  if (!f) return undefined;
  const where = { record: ctx.index, field: canonicalTag(ctx.record.type, bind.field) };
  if (f.kind === 'binary') return toBase64(f.bytes);
  const raw = f.subfields[bind.subfield ?? ctx.sub ?? 0]?.[bind.item ?? ctx.item ?? 0];
  if (raw === undefined || raw === '') return undefined;
  const text = bind.part ? splitPart(raw, bind.part, where) : raw;
  return text === undefined ? undefined : toXml(text, bind.conv, where);
}

function emitOnce(node: SkeletonNode, ctx: Ctx): XmlElement[] {
  if (!node.bind && !node.children) return [leaf(node.el, String(ctx.record.type).padStart(2, '0'))];
  if (node.bind) {
    const text = value(node.bind, ctx);
    return text === undefined ? [] : [leaf(node.el, text)];
  }
  const children = node.children!.flatMap((c) => emit(c, ctx));
  return children.length === 0 ? [] : [{ name: node.el, children, text: '', line: 0 }];
}

function emit(node: SkeletonNode, ctx: Ctx): XmlElement[] {
  const r = node.repeat;
  if (!r) return emitOnce(node, ctx);
  const f = ctx.record.fields.find((x) => x.num === r.field);
  if (f?.kind !== 'text') return [];
  if (r.per === 'item') return (f.subfields[0] ?? []).flatMap((_, item) => emitOnce(node, { ...ctx, item }));
  const out: XmlElement[] = [];
  for (let sub = r.from ?? 0; sub < f.subfields.length; sub++) out.push(...emitOnce(node, { ...ctx, sub }));
  return out;
}

function recordElement(rec: AnRecord, index: number): XmlElement {
  const sk: RecordSkeleton | undefined = skeletons.find((s) => s.type === rec.type);
  if (!sk) {
    throw new SeccomError('SECCOM_ANSI_NIST_XML_UNMAPPED', `Type-${rec.type} records have no XML mapping here`, { location: { record: index } });
  }
  const bound = boundFields(sk.children);
  for (const f of rec.fields) {
    if (!bound.has(f.num)) {
      const tag = canonicalTag(rec.type, f.num);
      throw new SeccomError('SECCOM_ANSI_NIST_XML_UNMAPPED', `field ${tag} has no XML mapping; converting would lose it`, {
        location: { record: index, field: tag },
      });
    }
  }
  return { name: sk.element, children: sk.children.flatMap((c) => emit(c, { record: rec, index })), text: '', line: 0 };
}

/** Encodes a transaction as NIEM XML. Throws SECCOM_ANSI_NIST_XML_UNMAPPED for fields it cannot place. */
export function writeAnsiNistXml(file: AnsiNistFile): string {
  const root: XmlElement = { name: rootElement, children: file.records.map((r, i) => recordElement(r, i + 1)), text: '', line: 0 };
  return serializeXml(root);
}
