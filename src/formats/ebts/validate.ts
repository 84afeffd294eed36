/**
 * Validates a transaction against the EBTS rules for its type of transaction (TOT): record
 * counts, then every rule that applies to the TOT, naming each missing or malformed field.
 */
import type { ErrorLocation } from '../../errors/index.ts';
import { canonicalTag, fieldValue, type AnRecord, type AnsiNistFile, type Field } from '../ansi-nist/model.ts';
import { encodingFromDcs } from '../ansi-nist/charset.ts';
import type { Violation } from '../ansi-nist/violations.ts';
import { inRange, rangeText, valueProblem } from './check-value.ts';
import type { EbtsRuleSet, FieldRule, Requirement } from './rules-file.ts';

export function requirementFor(rule: FieldRule, tot: string): Requirement | undefined {
  return rule.tots.size === 0 ? rule.defaultRequirement : rule.tots.get(tot);
}

class Checker {
  readonly out: Violation[] = [];
  constructor(
    readonly rules: EbtsRuleSet,
    readonly tot: string,
    readonly wide: boolean,
  ) {}

  add(code: Violation['code'], message: string, location: ErrorLocation): void {
    this.out.push({ code, severity: 'error', message, location });
  }

  /** Values of the field or item a condition refers to (by mnemonic or location), in this record. */
  refValues(record: AnRecord, ref: string, subfield?: number): string[] {
    const rule = this.rules.rules.find((r) => r.mnemonic === ref || r.location === ref);
    if (!rule || rule.recordType !== record.type) return [];
    const f = record.fields.find((x) => x.num === rule.field);
    if (f?.kind !== 'text') return [];
    const subs = subfield === undefined ? f.subfields : f.subfields.slice(subfield, subfield + 1);
    return subs.map((items) => items[(rule.item ?? 1) - 1] ?? '').filter((v) => v !== '');
  }

  /** False when a supportedif/if condition excludes the rule for this record (or subfield). */
  applies(rule: FieldRule, record: AnRecord, subfield?: number): boolean {
    const c = rule.condition;
    if (!c || (c.kind !== 'supportedif' && c.kind !== 'if')) return true;
    return this.refValues(record, c.ref, subfield).some((v) => c.values.includes(v));
  }

  /** and/mustexist, xor and date comparisons between two fields of a record. */
  relation(rule: FieldRule, record: AnRecord, value: string, loc: ErrorLocation): void {
    const c = rule.condition;
    if (!c) return;
    const other = this.refValues(record, c.ref);
    if ((c.kind === 'and' || c.kind === 'mustexist') && other.length === 0) {
      this.add('SECCOM_EBTS_BAD_FIELD', `${rule.mnemonic} requires ${c.ref} to be present (rule line ${rule.line})`, loc);
    } else if (c.kind === 'xor' && other.length > 0) {
      this.add('SECCOM_EBTS_BAD_FIELD', `${rule.mnemonic} and ${c.ref} must not both be present (rule line ${rule.line})`, loc);
    } else if (['greater', 'greatereq', 'less', 'lesseq'].includes(c.kind) && other[0] !== undefined) {
      const cmp = value.localeCompare(other[0]);
      const ok = { greater: cmp > 0, greatereq: cmp >= 0, less: cmp < 0, lesseq: cmp <= 0 }[c.kind as 'greater'];
      if (!ok) this.add('SECCOM_EBTS_BAD_FIELD', `${rule.mnemonic} "${value}" must be ${c.kind} ${c.ref} "${other[0]}"`, loc);
    }
  }

  check(rule: FieldRule, value: string, loc: ErrorLocation): void {
    const p = valueProblem(value, rule, this.wide);
    if (p) this.add('SECCOM_EBTS_BAD_FIELD', `${rule.mnemonic} (${rule.description}): ${p}`, loc);
  }

  record(record: AnRecord, index: number, rules: FieldRule[]): void {
    const done = new Set<string>();
    for (const rule of rules) {
      // Alternative rules for one location (e.g. per-TOT occurrences): the first that applies wins.
      if (done.has(rule.location) || !this.applies(rule, record)) continue;
      done.add(rule.location);
      const req = requirementFor(rule, this.tot)!;
      const tag = canonicalTag(record.type, rule.field);
      const field = record.fields.find((f) => f.num === rule.field);
      const loc: ErrorLocation = { record: index, field: tag };
      if (!field) {
        if (req === 'M' && rule.form !== 'item') {
          this.add('SECCOM_EBTS_MISSING_FIELD', `${rule.mnemonic} (${rule.description}) is mandatory for ${this.tot}`, loc);
        }
        continue;
      }
      if (field.kind === 'binary') continue;
      this.fieldRule(rule, req, record, field, loc);
    }
  }

  fieldRule(rule: FieldRule, req: Requirement, record: AnRecord, field: Field & { kind: 'text' }, loc: ErrorLocation): void {
    const subs = field.subfields;
    const what = `${rule.mnemonic} (${rule.description})`;
    if (rule.form === 'offset') {
      for (const v of subs[0] ?? []) this.check(rule, v, loc);
      return;
    }
    if (rule.form === 'item') {
      subs.forEach((items, s) => {
        if (!this.applies(rule, record, s)) return;
        const v = items[rule.item! - 1] ?? '';
        const at = { ...loc, subfield: s + 1, item: rule.item! };
        if (v === '') {
          if (req === 'M') this.add('SECCOM_EBTS_MISSING_FIELD', `${what} is mandatory for ${this.tot}`, at);
        } else {
          this.check(rule, v, at);
          this.relation(rule, record, v, at);
        }
      });
      return;
    }
    if (rule.occurrences && !inRange(subs.length, rule.occurrences)) {
      this.add('SECCOM_EBTS_BAD_FIELD', `${what} occurs ${subs.length} time(s); allowed ${rangeText(rule.occurrences)}`, loc);
    }
    subs.forEach((items, s) => {
      const at = subs.length > 1 ? { ...loc, subfield: s + 1 } : loc;
      if (rule.form === 'whole') {
        const size = items.reduce((n, v) => n + v.length, 0);
        if (rule.size && !inRange(size, rule.size)) {
          this.add('SECCOM_EBTS_BAD_FIELD', `${what}: length ${size} is outside ${rangeText(rule.size)}`, at);
        }
        return;
      }
      if (items.length > 1) this.add('SECCOM_EBTS_BAD_FIELD', `${what} has ${items.length} items; expected 1`, at);
      this.check(rule, items[0] ?? '', at);
      this.relation(rule, record, items[0] ?? '', at);
    });
  }
}

/**
 * Checks the transaction against the rules of `tot` (default: its own 1.004). Record indexes in
 * locations are 1-based, as in the ANSI/NIST reader.
 */
export function validateEbts(file: AnsiNistFile, rules: EbtsRuleSet, tot?: string): Violation[] {
  const type1 = file.records[0]!;
  const own = fieldValue(type1, 4) ?? '';
  const want = tot ?? own;
  const dcs = type1.fields.find((f) => f.num === 15);
  const checker = new Checker(rules, want, encodingFromDcs(dcs?.kind === 'text' ? dcs.subfields : []) === 'utf8');
  const def = rules.transactions.get(want);
  if (!def) {
    checker.add('SECCOM_EBTS_UNKNOWN_TOT', `type of transaction "${want}" is not defined in ${rules.source}`, { record: 1, field: '1.004' });
    return checker.out;
  }
  if (own !== want) checker.add('SECCOM_EBTS_BAD_FIELD', `1.004 TOT is "${own}", validated as ${want}`, { record: 1, field: '1.004' });

  const counted = new Set(def.counts.flatMap((c) => c.types));
  for (const c of def.counts) {
    const n = file.records.filter((r) => c.types.includes(r.type)).length;
    if (!inRange(n, c)) {
      const types = c.types.map((t) => `Type-${t}`).join('/');
      checker.add('SECCOM_EBTS_RECORD_COUNT', `${want} needs ${rangeText(c)} ${types} record(s), the file has ${n}`, { record: 1, field: '1.003' });
    }
  }
  for (const t of new Set(file.records.map((r) => r.type))) {
    if (!counted.has(t)) checker.add('SECCOM_EBTS_RECORD_COUNT', `${want} has no Type-${t} records`, { record: 1, field: '1.003' });
  }

  const byType = new Map<number, FieldRule[]>();
  for (const r of rules.rules) {
    if (requirementFor(r, want) === undefined) continue;
    byType.set(r.recordType, [...(byType.get(r.recordType) ?? []), r]);
  }
  file.records.forEach((rec, i) => checker.record(rec, i + 1, byType.get(rec.type) ?? []));
  return checker.out;
}
