/**
 * Parser for OpenEBTS verification files (the EBTS 9.1 rules as data: which records each type
 * of transaction (TOT) carries, and per field its type, size, occurrences, value list and
 * pattern, mandatory or optional per TOT). Grammar, as the OpenEBTS reader understands it:
 *
 *   TRANSACTIONS "category"   TOT "name" ...   1:1 2:1 414:1-14 ...;
 *   FIELDS
 *   [M, CAR, CNA O, ...]   2.018   T2_NAM   AS   3-30   1   desc="Name"  sca="-, "  ... ;
 *
 * A rule without a `[...]` list keeps the previous one. Location forms: `2.018` (item 1 of each
 * subfield), `2.047:` (the whole field), `2.047..2` (item 2 of each subfield), `4.04...6` (byte
 * offset 6 of a binary record). Where the file lacks a comma between TOTs at a line break we
 * split at the line break too (OpenEBTS would read "SRE\nSRT M" as one entry and misapply it).
 */
import { SeccomError } from '../../errors/index.ts';

export interface Range {
  min: number;
  /** Infinity for `x` (no upper bound). */
  max: number;
}

export type LocationForm = 'field' | 'whole' | 'item' | 'offset';

export type Requirement = 'M' | 'O';

/** An advanced rule: `supportedif("T10_IMT")="FACE"`, `greatereq("T2_DOA")`, `xor("T2_FBI")`. */
export interface Condition {
  kind: string;
  ref: string;
  values: string[];
}

export interface FieldRule {
  /** Line of the rule in the file, for messages. */
  line: number;
  location: string;
  mnemonic: string;
  recordType: number;
  field: number;
  /** Item number for `..N` rules, byte offset for `...N` rules. */
  item: number | undefined;
  form: LocationForm;
  /** A, N, AN, ANS, NS, AS, B1, B2, B4. */
  charType: string;
  /** Special characters allowed by S (from `sca`); undefined with S means any printable one. */
  specials: string | undefined;
  /** `sca="PRINT"`: any printable character. */
  printable: boolean;
  size: Range | undefined;
  occurrences: Range | undefined;
  description: string;
  date: string | undefined;
  regex: string | undefined;
  nregex: string | undefined;
  maxLineLength: number | undefined;
  /** Allowed values (`mmap`), or undefined when any value is allowed. */
  values: Set<string> | undefined;
  /** Value meaning "unused" (`empty="255"`), exempt from the value list. */
  emptyValue: string | undefined;
  condition: Condition | undefined;
  /** Requirement for TOTs not listed when the list names none. */
  defaultRequirement: Requirement;
  /** TOT -> requirement; empty means the rule applies to every TOT with the default. */
  tots: Map<string, Requirement>;
}

export interface RecordCount {
  /** Record types counted together (`414` = Types 4 and 14). */
  types: number[];
  min: number;
  max: number;
}

export interface TransactionDef {
  tot: string;
  name: string;
  category: string;
  counts: RecordCount[];
}

export interface EbtsRuleSet {
  source: string;
  transactions: Map<string, TransactionDef>;
  rules: FieldRule[];
}

/** Reads a value-list file named by `mmap="file://..."` (code TAB description per line). */
export type ValueListReader = (name: string) => string;

function invalid(source: string, line: number, message: string): never {
  throw new SeccomError('SECCOM_EBTS_RULES_INVALID', message, { location: { file: source, line } });
}

const lineAt = (text: string, offset: number) => {
  let n = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
};

/** Removes `#` comments (outside quotes) to the end of their line. */
function stripComments(text: string): string {
  let out = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    if (c === '#' && !quoted) {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
      continue;
    }
    out += c;
  }
  return out;
}

export function parseRange(token: string): Range | undefined {
  const m = /^(\d+|x)(?:-(\d+|x))?$/i.exec(token);
  if (!m) return undefined;
  const num = (s: string) => (s.toLowerCase() === 'x' ? Infinity : Number(s));
  const min = num(m[1]!);
  const max = m[2] === undefined ? min : num(m[2]);
  return { min: min === Infinity ? 0 : min, max };
}

/** `414` -> [4, 14], `713` -> [7, 13]: a key that is no record type joins several. */
function recordTypes(key: string): number[] | undefined {
  const known = (t: number) => (t >= 1 && t <= 22) || t === 98 || t === 99;
  if (key.length <= 2) return known(Number(key)) ? [Number(key)] : undefined;
  for (let cut = 1; cut < key.length; cut++) {
    const head = Number(key.slice(0, cut));
    const tail = recordTypes(key.slice(cut));
    if (known(head) && tail) return [head, ...tail];
  }
  return undefined;
}

function parseTransactions(text: string, source: string, out: Map<string, TransactionDef>): void {
  let category = '';
  let pending: { tot: string; name: string }[] = [];
  const lines = stripComments(text).split('\n');
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const cat = /^TRANSACTIONS\s+"([^"]*)"/.exec(line);
    if (cat) {
      category = cat[1]!;
      return;
    }
    const tot = /^([A-Z][A-Z0-9]*)\s+"([^"]*)"$/.exec(line);
    if (tot) {
      pending.push({ tot: tot[1]!, name: tot[2]! });
      return;
    }
    if (!/:/.test(line)) invalid(source, i + 1, `unexpected line in TRANSACTIONS: ${line}`);
    const counts: RecordCount[] = [];
    for (const pair of line.replace(/;$/, '').trim().split(/\s+/)) {
      const m = /^(\d+):(.+)$/.exec(pair);
      const types = m ? recordTypes(m[1]!) : undefined;
      const range = m ? parseRange(m[2]!) : undefined;
      if (!types || !range) invalid(source, i + 1, `bad record count "${pair}"`);
      counts.push({ types, ...range });
    }
    for (const p of pending) out.set(p.tot, { ...p, category, counts });
    pending = [];
  });
}

/** Splits the FIELDS section into rule texts at `;` outside quotes, with their line numbers. */
function ruleTexts(text: string, firstLine: number): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  let quoted = false;
  let start = 0;
  let line = firstLine;
  let startLine = firstLine;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') line++;
    if (c === '"') quoted = !quoted;
    else if (c === ';' && !quoted) {
      out.push({ text: text.slice(start, i), line: startLine });
      start = i + 1;
      startLine = line;
    }
  }
  if (text.slice(start).trim()) out.push({ text: text.slice(start), line: startLine });
  return out;
}

/** `name="value"` attributes; backslash line continuations removed. */
function attributes(body: string): Map<string, string> {
  const attrs = new Map<string, string>();
  const re = /([a-z_]+)(\(("?)([^")]*)\3\))?\s*(?:=\s*"([^"]*)")?/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const value = (m[5] ?? '').replace(/\\\s*\r?\n\s*/g, '');
    if (m[2]) attrs.set(`${m[1]}()`, `${m[4]}\u0000${value}`);
    else if (m[5] !== undefined) attrs.set(m[1]!, value);
  }
  return attrs;
}

function parseMap(spec: string, readList: ValueListReader, source: string, line: number): Set<string> {
  const values = new Set<string>();
  if (spec.startsWith('file://')) {
    let text: string;
    try {
      text = readList(spec.slice(7));
    } catch (e) {
      return invalid(source, line, `value list ${spec} cannot be read: ${(e as Error).message}`);
    }
    for (const l of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
      const code = l.split('\t')[0]!.trim();
      if (code) values.add(code);
    }
    return values;
  }
  for (const entry of spec.split(/[|\n]/)) {
    const code = entry.split(':')[0]!.trim();
    if (code) values.add(code);
  }
  return values;
}

function parseTotList(list: string): { def: Requirement; tots: Map<string, Requirement> } {
  const tots = new Map<string, Requirement>();
  let def: Requirement = 'M';
  const entries = list
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
  entries.forEach((e, i) => {
    if (i === 0 && (e === 'M' || e === 'O')) {
      def = e;
      return;
    }
    const [tot, req] = e.split(/\s+/);
    tots.set(tot!.toUpperCase(), req === 'O' ? 'O' : req === 'M' ? 'M' : def);
  });
  return { def, tots };
}

function parseRule(
  body: string,
  line: number,
  list: { def: Requirement; tots: Map<string, Requirement> },
  readList: ValueListReader,
  source: string,
): FieldRule {
  const tokens = body.trim().split(/\s+/, 5);
  const [location = '', mnemonic = '', charType = '', sizeText = '', occText = ''] = tokens;
  const loc = /^(\d+)\.(\d+)(?:(:)|(\.\.\.?)(\d+))?$/.exec(location);
  if (!loc) invalid(source, line, `unknown location "${location}" in rule ${mnemonic}`);
  if (!/^[A-Z][A-Z0-9_]*$/i.test(mnemonic)) invalid(source, line, `bad mnemonic "${mnemonic}"`);
  if (!/^(A|N|AN|ANS|NS|AS|B[124])$/.test(charType)) invalid(source, line, `bad character type "${charType}" in ${mnemonic}`);
  const attrs = attributes(body);
  const sca = attrs.get('sca');
  const cond = [...attrs.entries()].find(([k]) => k.endsWith('()'));
  const [ref = '', condValue = ''] = cond ? cond[1].split('\u0000') : [];
  const mmap = attrs.get('mmap');
  const maxLine = attrs.get('maxlinelen');
  return {
    line,
    location,
    mnemonic,
    recordType: Number(loc[1]),
    field: Number(loc[2]),
    item: loc[5] === undefined ? undefined : Number(loc[5]),
    form: loc[3] ? 'whole' : loc[4] === '..' ? 'item' : loc[4] === '...' ? 'offset' : 'field',
    charType,
    specials: sca && sca.toUpperCase() !== 'PRINT' ? sca : undefined,
    printable: sca?.toUpperCase() === 'PRINT',
    size: parseRange(sizeText),
    occurrences: parseRange(occText),
    description: attrs.get('desc') ?? '',
    date: attrs.get('date'),
    regex: attrs.get('regex'),
    nregex: attrs.get('nregex'),
    maxLineLength: maxLine === undefined ? undefined : Number(maxLine),
    values: mmap === undefined ? undefined : parseMap(mmap, readList, source, line),
    emptyValue: attrs.get('empty'),
    condition: cond ? { kind: cond[0].slice(0, -2), ref, values: condValue ? condValue.split('|') : [] } : undefined,
    defaultRequirement: list.def,
    tots: list.tots,
  };
}

/** Parses a verification file. `source` names it in errors. */
export function parseRuleFile(text: string, source: string, readList: ValueListReader): EbtsRuleSet {
  const body = text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  const fieldsAt = /^FIELDS\s*$/m.exec(body);
  if (!fieldsAt) invalid(source, 1, 'no FIELDS section');
  const transactions = new Map<string, TransactionDef>();
  const head = body.slice(0, fieldsAt.index);
  const firstTx = head.search(/^TRANSACTIONS\b/m);
  if (firstTx < 0) invalid(source, 1, 'no TRANSACTIONS section');
  parseTransactions(head.slice(firstTx), source, transactions);

  const rules: FieldRule[] = [];
  let list = { def: 'M' as Requirement, tots: new Map<string, Requirement>() };
  const fieldsText = body.slice(fieldsAt.index + fieldsAt[0].length);
  const firstLine = lineAt(body, fieldsAt.index + fieldsAt[0].length);
  for (const rule of ruleTexts(fieldsText, firstLine)) {
    const stripped = stripComments(rule.text);
    const first = stripped.search(/\S/);
    if (first < 0) continue;
    let t = stripped.slice(first).trimEnd();
    let line = rule.line + lineAt(stripped, first) - 1;
    if (t.startsWith('[')) {
      const close = t.indexOf(']');
      if (close < 0) invalid(source, line, 'unclosed [ in transaction list');
      list = parseTotList(t.slice(1, close));
      const next = close + 1 + t.slice(close + 1).search(/\S/);
      line += lineAt(t, next) - 1;
      t = t.slice(next);
    }
    rules.push(parseRule(t, line, list, readList, source));
  }
  return { source, transactions, rules };
}
