/**
 * The mapping model between traditional fields and NIEM XML elements, and the builder that turns
 * mapping tables (rows of `[element path, field reference, options]`) into the element tree the
 * reader and writer walk. Rows are listed in the order the XSD sequences require: a container
 * element takes the position of its first row, so the writer's output is schema-ordered.
 */
import type { SplitKey } from './splitters.ts';

/**
 * How a value is spelled in XML. `date`: CCYYMMDD <-> YYYY-MM-DD; `datetime`: YYYYMMDDhhmmssZ <->
 * xs:dateTime; `bool`: Y/N <-> true/false; `fmt`: 9.004 S/U <-> true/false; `pad2`: at least two digits in XML, none leading in
 * traditional (record types, binary IDCs); `unpad2`: two digits in traditional, none leading in XML
 * (EBTS 9.014 FGN `08` is FingerPositionCode `8`); `int`: read without leading zeros; `hex8`: eight hex
 * digits in traditional, no leading zeros in XML (CBEFF biometric type); `base64`: binary data.
 */
export type Conv = 'text' | 'date' | 'datetime' | 'bool' | 'fmt' | 'pad2' | 'unpad2' | 'int' | 'hex8' | 'base64';

export interface Binding {
  field: number;
  /** Item, counted from the start of the enclosing item group (0 outside item repeats). */
  item?: number;
  /** A fixed subfield (for fields whose subfields map to different elements, like 1.003 CNT). */
  subfield?: number;
  conv?: Conv;
  /** One part of a composite value (see splitters.ts). */
  split?: SplitKey;
  /** Inside a vertex-list repeat: 0 for the x, 1 for the y of `x,y-x,y-...`. */
  coord?: 0 | 1;
  also?: number[];
  /** An item with one allowed value and no element of its own (the leaf path segment is `-`). */
  fixed?: string;
  /** A value the XML states by leaving the element out (its parent present): SLC 0, no scale units. */
  absent?: string;
}

/** Writes the element only when a value of the record matches (the XSD's choices). */
export interface When {
  field: number;
  item?: number;
  in?: readonly string[];
  /** A numeric value within these bounds (a missing value does not match). */
  range?: readonly [number, number];
  /** Not a numeric value within these bounds (a missing value matches). */
  outside?: readonly [number, number];
  /** Not one of these values (a missing value matches). */
  notIn?: readonly string[];
  /** The field is in the record (true) or not (false). */
  present?: boolean;
  /** A further condition, on another field, that must hold too. */
  and?: When;
}

export interface Repeat {
  /** Once per subfield (counted over the largest of `fields`), per item group, or per element of a list inside one item. */
  per: 'subfield' | 'item' | 'list';
  fields: number[];
  from: number;
  stride: number;
  /** List separator: `-` between the vertices of an EFS path (`x,y-x,y`), `,` in a plain list. */
  sep: string;
  /** Subfield repeats with the same key count together (one field's subfields split over two places). */
  share?: string;
}

export interface SkeletonNode {
  el: string;
  /** Other names accepted when reading (the writer uses `el`). */
  alt?: string[];
  children?: SkeletonNode[];
  bind?: Binding;
  /** Constant content (units the traditional field implies); written with its parent, checked when read. */
  value?: string;
  /** The record category code (x.001 in XML). */
  rcc?: true;
  /** The place for fields no other element holds (Type-2 only: ebts:StateDefinedFields). */
  generic?: true;
  repeat?: Repeat;
  when?: When;
  /** Read, never written (an alternative place of a field the writer puts elsewhere). */
  readOnly?: true;
  /** Written (possibly empty) whenever its parent is: the XSD requires it. */
  keep?: true;
  /**
   * Holds single fields inside a repeated parent (custody data in a criminal cycle): written in the
   * first repetition only, and its contents always read as subfield 0.
   */
  once?: true;
}

export interface RowOpts {
  conv?: Conv;
  split?: SplitKey;
  coord?: 0 | 1;
  sub?: number;
  readOnly?: true;
  /** Fields whose first item (same subfield) repeats this value: EBTS 2.034/2.091/2.092 restate the finger position. */
  also?: number[];
  fixed?: string;
  absent?: string;
  /** Counter key shared with another repeat of the same field (see Repeat.share). */
  share?: string;
  when?: When;
}

/**
 * One mapping row. `path` is the element path below the record element, `/`-separated; a segment
 * may end in `*` (repeat per subfield; `*N` from subfield N), `+` (per item; `+K` from item K,
 * `+K.S` in groups of S items), `%` (per vertex of an `x,y-x,y-...` item) or `%,` (per element of
 * a comma list in one item), may list other
 * accepted names after `|`, and may end its name in `#N` to make a sibling of its own (the same
 * element again at a fixed place: the eight octants of an FBI minutia); a leaf `-` is an item with no element (RowOpts.fixed). `ref` is the field (`10.015`, item letters after it: `10.015C`), or
 * `=text` for constant content, `@rcc` for the record category, `@udf` for the generic place.
 */
export type Row = readonly [path: string, ref: string, opts?: RowOpts];

/** Options for container elements, by path. */
export interface ContainerOpts {
  when?: When;
  keep?: true;
  readOnly?: true;
  once?: true;
  share?: string;
}

interface Segment {
  key: string;
  el: string;
  alt: string[];
  repeat?: { per: Repeat['per']; from: number; stride: number; sep: string };
}

function parseSegment(seg: string): Segment {
  const m = /^([^*+%#]+)(?:#\d+)?(?:(\*)(\d*)|(\+)(\d*)(?:\.(\d+))?|(%)(,?))?$/.exec(seg);
  if (!m) throw new Error(`bad mapping path segment ${seg}`);
  const [el = '', ...alt] = m[1]!.split('|');
  const repeat = m[2]
    ? { per: 'subfield' as const, from: Number(m[3] || 0), stride: 1, sep: '' }
    : m[4]
      ? { per: 'item' as const, from: Number(m[5] || 0), stride: Number(m[6] || 1), sep: '' }
      : m[7]
        ? { per: 'list' as const, from: 0, stride: 1, sep: m[8] || '-' }
        : undefined;
  return { key: seg, el, alt, ...(repeat ? { repeat } : {}) };
}

/** `10.015C` -> field 15, item 2 (letters count items from A). */
function parseRef(type: number, ref: string): { field: number; item?: number } {
  const m = /^(\d+)\.(\d+)([A-Z]?)$/.exec(ref);
  if (!m || Number(m[1]) !== type) throw new Error(`bad field reference ${ref} in the Type-${type} mapping`);
  return { field: Number(m[2]), ...(m[3] ? { item: m[3].charCodeAt(0) - 65 } : {}) };
}

type Draft = SkeletonNode & { key: string; fields: Set<number> };

/** Builds the element tree of one record type from its rows. */
export function fromRows(type: number, rows: readonly Row[], containers: Readonly<Record<string, ContainerOpts>> = {}): SkeletonNode[] {
  const root: Draft = { el: '', key: '', children: [], fields: new Set() };
  for (const [path, ref, opts = {}] of rows) {
    const segs = path.split('/').map(parseSegment);
    const leaf = segs.pop()!;
    let at = root;
    const chain: Draft[] = [];
    let prefix = '';
    for (const seg of segs) {
      prefix = prefix ? `${prefix}/${seg.key}` : seg.key;
      let next = at.children!.find((c) => (c as Draft).key === seg.key && c.children) as Draft | undefined;
      if (!next) {
        const o = containers[prefix] ?? {};
        const { share: _share, ...flags } = o;
        next = { key: seg.key, el: seg.el, children: [], fields: new Set(), ...(seg.alt.length ? { alt: seg.alt } : {}), ...flags };
        if (seg.repeat) next.repeat = { ...seg.repeat, fields: [], ...(o.share ? { share: o.share } : {}) };
        at.children!.push(next);
      }
      chain.push(next);
      at = next;
    }
    const node: Draft = { key: leaf.key, el: leaf.el, fields: new Set(), ...(leaf.alt.length ? { alt: leaf.alt } : {}) };
    if (leaf.repeat) node.repeat = { ...leaf.repeat, fields: [] };
    if (ref === '@rcc') node.rcc = true;
    else if (ref === '@udf') node.generic = true;
    else if (ref.startsWith('=')) node.value = ref.slice(1);
    else {
      const { field, item } = parseRef(type, ref);
      node.bind = {
        field,
        ...(item !== undefined ? { item } : {}),
        ...(opts.sub !== undefined ? { subfield: opts.sub } : {}),
        ...(opts.conv ? { conv: opts.conv } : {}),
        ...(opts.split ? { split: opts.split } : {}),
        ...(opts.coord !== undefined ? { coord: opts.coord } : {}),
        ...(opts.also ? { also: opts.also } : {}),
        ...(opts.fixed !== undefined ? { fixed: opts.fixed } : {}),
        ...(opts.absent !== undefined ? { absent: opts.absent } : {}),
      };
      if (opts.readOnly) node.readOnly = true;
      if (opts.when) node.when = opts.when;
      if (opts.share && node.repeat) node.repeat.share = opts.share;
      for (const d of [...chain, node]) d.fields.add(field);
    }
    at.children!.push(node);
  }
  const finish = (d: Draft): SkeletonNode => {
    const { key: _key, fields, children, ...rest } = d;
    const out: SkeletonNode = { ...rest };
    if (d.repeat) out.repeat = { ...d.repeat, fields: [...fields].sort((a, b) => a - b) };
    if (children) out.children = children.map((c) => finish(c as Draft));
    return out;
  };
  return root.children!.map((c) => finish(c as Draft));
}

/** Field numbers a tree places (written by some element; LEN is implied by the encoding). */
export function boundFields(nodes: readonly SkeletonNode[], out = new Set<number>([1])): Set<number> {
  for (const node of nodes) {
    if (node.readOnly) continue;
    if (node.bind) out.add(node.bind.field);
    if (node.children) boundFields(node.children, out);
  }
  return out;
}
