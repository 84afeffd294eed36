/**
 * A small XML element tree for the NIEM encoding: parse (well-formedness checked, namespace
 * prefixes resolved to the canonical prefixes below, entities decoded by us, no DTDs) and
 * serialize (indented, escaped; CR kept as &#13; so line ends survive a round trip).
 */
import { SeccomError } from '../../../errors/index.ts';

/** Canonical prefix of each namespace the EBTS 10 / ITL 2011 schemas use. */
export const namespaces: Record<string, string> = {
  itl: 'http://biometrics.nist.gov/standard/2011',
  'ansi-nist': 'http://niem.gov/niem/biometrics/1.0',
  nc: 'http://niem.gov/niem/niem-core/2.0',
  j: 'http://niem.gov/niem/domains/jxdm/4.1',
  ebts: 'http://cjis.fbi.gov/fbi_ebts/10.0',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  /** Ours: user-defined Type-2 fields inside ebts:StateDefinedFields (generic-fields.ts). */
  udf: 'urn:seccom:ansi-nist:user-defined-fields:1',
};
const prefixOf = new Map(Object.entries(namespaces).map(([p, uri]) => [uri, p]));

export interface XmlElement {
  /** `prefix:local` with the canonical prefix, or `{uri}local` for other namespaces. */
  name: string;
  children: XmlElement[];
  /** Text content (leaf elements); whitespace between child elements is dropped. */
  text: string;
  /** 1-based line of the start tag, for messages (0 when built in memory). */
  line: number;
}

function invalidXml(message: string, line?: number): never {
  throw new SeccomError('SECCOM_ANSI_NIST_XML_INVALID', message, { location: line ? { line } : {} });
}

const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(s: string, line: number): string {
  if (!s.includes('&')) return s;
  return s.replace(/&([^;&<]*)(;?)/g, (m, e: string, semi: string) => {
    const ref = /^#x([0-9a-fA-F]{1,8})$|^#([0-9]{1,9})$/.exec(e);
    if (semi && ref) {
      const code = ref[1] !== undefined ? parseInt(ref[1], 16) : parseInt(ref[2]!, 10);
      if (code > 0x10ffff || code === 0 || (code >= 0xd800 && code <= 0xdfff)) invalidXml(`bad character reference ${m}`, line);
      return String.fromCodePoint(code);
    }
    const v = semi ? entities[e] : undefined;
    if (v === undefined) invalidXml(`unknown or unterminated entity ${m}`, line);
    return v;
  });
}

const NAME = /[A-Za-z_][\w.:-]*/y;
const ATTR = /\s+([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;

interface Open {
  raw: string;
  el: XmlElement;
  scope: Map<string, string>;
  text: string;
}

/**
 * Parses an XML document into its root element; throws SECCOM_ANSI_NIST_XML_INVALID with the line.
 * A single pass over the text (large base64 image data is one text node, sliced, not scanned
 * character by character): elements, attributes (only xmlns declarations are kept), text,
 * entities, CDATA, comments and processing instructions; DTDs are refused.
 */
export function parseXml(text: string): XmlElement {
  if (/<!DOCTYPE/i.test(text)) invalidXml('DOCTYPE declarations are not accepted in ANSI/NIST-ITL XML');
  let pos = 0;
  let line = 1;
  let lineAt = 0;
  /** Line of `at`, counting newlines from the last position asked for (positions only grow). */
  const lineOf = (at: number): number => {
    for (let i = text.indexOf('\n', lineAt); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) line++;
    lineAt = at;
    return line;
  };
  const stack: Open[] = [];
  let root: XmlElement | undefined;
  const outside = (chunk: string, at: number) => {
    if (chunk.trim() !== '') invalidXml('text outside the root element', lineOf(at));
  };
  while (pos < text.length) {
    const lt = text.indexOf('<', pos);
    const end = lt < 0 ? text.length : lt;
    if (end > pos) {
      const top = stack[stack.length - 1];
      if (top) top.text += text.slice(pos, end);
      else outside(text.slice(pos, end), pos);
    }
    if (lt < 0) break;
    const here = lineOf(lt);
    if (text.startsWith('<!--', lt)) {
      const close = text.indexOf('-->', lt + 4);
      if (close < 0) invalidXml('unterminated comment', here);
      pos = close + 3;
    } else if (text.startsWith('<![CDATA[', lt)) {
      const close = text.indexOf(']]>', lt + 9);
      if (close < 0 || !stack.length) invalidXml('misplaced or unterminated CDATA section', here);
      // CDATA is literal: protect it from entity decoding by escaping its ampersands.
      stack[stack.length - 1]!.text += text.slice(lt + 9, close).replace(/&/g, '&amp;').replace(/</g, '&lt;');
      pos = close + 3;
    } else if (text.startsWith('<?', lt)) {
      const close = text.indexOf('?>', lt + 2);
      if (close < 0) invalidXml('unterminated processing instruction', here);
      pos = close + 2;
    } else if (text[lt + 1] === '/') {
      NAME.lastIndex = lt + 2;
      const m = NAME.exec(text);
      const close = m ? text.indexOf('>', NAME.lastIndex) : -1;
      if (!m || close < 0 || text.slice(NAME.lastIndex, close).trim() !== '') invalidXml('malformed end tag', here);
      const open = stack.pop();
      if (!open || open.raw !== m[0]) invalidXml(`end tag </${m[0]}> does not match ${open ? `<${open.raw}>` : 'any open element'}`, here);
      // Text between child elements is dropped, but must still be well-formed.
      const decoded = decodeEntities(open.text, open.el.line);
      open.el.text = open.el.children.length > 0 ? '' : decoded;
      pos = close + 1;
    } else {
      NAME.lastIndex = lt + 1;
      const m = NAME.exec(text);
      if (!m) invalidXml('malformed start tag', here);
      let at = NAME.lastIndex;
      const attrs = new Map<string, string>();
      for (;;) {
        ATTR.lastIndex = at;
        const a = ATTR.exec(text);
        if (!a) break;
        if (attrs.has(a[1]!)) invalidXml(`attribute ${a[1]} given twice`, here);
        attrs.set(a[1]!, decodeEntities(a[2] ?? a[3] ?? '', here));
        at = ATTR.lastIndex;
      }
      const tail = /\s*(\/?)>/y;
      tail.lastIndex = at;
      const t = tail.exec(text);
      if (!t) invalidXml(`malformed start tag <${m[0]}>`, here);
      if (!stack.length && root) invalidXml('more than one root element', here);
      const scope = new Map(stack[stack.length - 1]?.scope);
      for (const [k, v] of attrs) {
        if (k === 'xmlns') scope.set('', v);
        else if (k.startsWith('xmlns:')) scope.set(k.slice(6), v);
      }
      const colon = m[0].indexOf(':');
      const prefix = colon < 0 ? '' : m[0].slice(0, colon);
      const uri = scope.get(prefix);
      if (uri === undefined && prefix !== '') invalidXml(`namespace prefix "${prefix}" is not declared`, here);
      const canon = uri === undefined ? undefined : prefixOf.get(uri);
      const local = m[0].slice(colon + 1);
      const el: XmlElement = { name: canon ? `${canon}:${local}` : `{${uri ?? ''}}${local}`, children: [], text: '', line: here };
      const parent = stack[stack.length - 1];
      if (parent) parent.el.children.push(el);
      else root = el;
      if (!t[1]) stack.push({ raw: m[0], el, scope, text: '' });
      pos = tail.lastIndex;
    }
  }
  if (stack.length) invalidXml(`element <${stack[stack.length - 1]!.raw}> is not closed`, lineOf(text.length));
  if (!root) invalidXml('an XML document needs exactly one root element');
  return root;
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** Serializes with the canonical prefixes declared on the root. */
export function serializeXml(root: XmlElement): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  const decl = Object.entries(namespaces)
    .map(([p, uri]) => ` xmlns:${p}="${uri}"`)
    .join('');
  const walk = (el: XmlElement, depth: number) => {
    const pad = '\t'.repeat(depth);
    const attrs = depth === 0 ? decl : '';
    if (el.children.length === 0) {
      out.push(`${pad}<${el.name}${attrs}>${escapeText(el.text)}</${el.name}>\n`);
      return;
    }
    out.push(`${pad}<${el.name}${attrs}>\n`);
    for (const c of el.children) walk(c, depth + 1);
    out.push(`${pad}</${el.name}>\n`);
  };
  walk(root, 0);
  return out.join('');
}
