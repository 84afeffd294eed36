/**
 * A small XML element tree for the NIEM encoding: parse (well-formedness checked, namespace
 * prefixes resolved to the canonical prefixes below, entities decoded by us, no DTDs) and
 * serialize (indented, escaped; CR kept as &#13; so line ends survive a round trip).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { SeccomError } from '../../../errors/index.ts';

/** Canonical prefix of each namespace the EBTS 10 / ITL 2011 schemas use. */
export const namespaces: Record<string, string> = {
  itl: 'http://biometrics.nist.gov/standard/2011',
  'ansi-nist': 'http://niem.gov/niem/biometrics/1.0',
  nc: 'http://niem.gov/niem/niem-core/2.0',
  j: 'http://niem.gov/niem/domains/jxdm/4.1',
  ebts: 'http://cjis.fbi.gov/fbi_ebts/10.0',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
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
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, e: string) => {
    if (e.startsWith('#')) {
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      if (code > 0x10ffff) invalidXml(`bad character reference ${m}`, line);
      return String.fromCodePoint(code);
    }
    const v = entities[e];
    if (v === undefined) invalidXml(`unknown entity ${m}`, line);
    return v;
  });
}

type Raw = Record<string, unknown>;

/** Parses an XML document into its root element. Throws SECCOM_ANSI_NIST_XML_INVALID. */
export function parseXml(text: string): XmlElement {
  if (/<!DOCTYPE/i.test(text)) invalidXml('DOCTYPE declarations are not accepted in ANSI/NIST-ITL XML');
  const check = XMLValidator.validate(text);
  if (check !== true) invalidXml(`not well-formed XML: ${check.err.msg}`, check.err.line);
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: false,
  });
  const nodes = parser.parse(text) as Raw[];
  // Line numbers: fast-xml-parser does not report them, so count start tags in document order.
  const tagLines: number[] = [];
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 60 && /[A-Za-z_]/.test(text[i + 1] ?? '')) tagLines.push(line);
  }
  let tagIndex = 0;
  const build = (raw: Raw, scope: Map<string, string>): XmlElement | undefined => {
    const key = Object.keys(raw).find((k) => k !== ':@');
    if (!key || key === '#text' || key.startsWith('?') || key === '#comment') return undefined;
    const attrs = (raw[':@'] ?? {}) as Record<string, string>;
    const here = new Map(scope);
    for (const [a, v] of Object.entries(attrs)) {
      if (a === 'xmlns') here.set('', v);
      else if (a.startsWith('xmlns:')) here.set(a.slice(6), v);
    }
    const elLine = tagLines[tagIndex++] ?? 0;
    const colon = key.indexOf(':');
    const prefix = colon < 0 ? '' : key.slice(0, colon);
    const local = colon < 0 ? key : key.slice(colon + 1);
    const uri = here.get(prefix);
    if (uri === undefined && prefix !== '') invalidXml(`namespace prefix "${prefix}" is not declared`, elLine);
    const canon = uri === undefined ? undefined : prefixOf.get(uri);
    const el: XmlElement = { name: canon ? `${canon}:${local}` : `{${uri ?? ''}}${local}`, children: [], text: '', line: elLine };
    let text = '';
    for (const child of (raw[key] ?? []) as Raw[]) {
      if ('#text' in child) text += String(child['#text']);
      else {
        const c = build(child, here);
        if (c) el.children.push(c);
      }
    }
    el.text = el.children.length > 0 ? '' : decodeEntities(text, elLine);
    return el;
  };
  const roots = nodes.map((n) => build(n, new Map())).filter((e): e is XmlElement => e !== undefined);
  if (roots.length !== 1) invalidXml('an XML document needs exactly one root element');
  return roots[0]!;
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
