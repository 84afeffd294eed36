/**
 * Checks one value against one EBTS rule: character type, length, value list, date, patterns.
 * Returns a description of the first problem, or undefined when the value conforms.
 */
import type { FieldRule, Range } from './rules-file.ts';

const regexCache = new Map<string, RegExp>();

function wholeMatch(pattern: string): RegExp {
  let re = regexCache.get(pattern);
  if (!re) {
    re = new RegExp(`^(?:${pattern})$`, 's');
    regexCache.set(pattern, re);
  }
  return re;
}

export function inRange(n: number, r: Range | undefined): boolean {
  return r === undefined || (n >= r.min && n <= r.max);
}

export function rangeText(r: Range): string {
  return r.min === r.max ? String(r.min) : `${r.min}-${r.max === Infinity ? 'x' : r.max}`;
}

/** Why `ch` is not allowed by the rule, or undefined. `wide` allows non-ASCII (UTF-8 declared). */
function charProblem(ch: string, rule: FieldRule, wide: boolean): string | undefined {
  const t = rule.charType;
  const code = ch.codePointAt(0)!;
  if (t.includes('A') && /[A-Za-z]/.test(ch)) return undefined;
  if (t.includes('N') && code >= 0x30 && code <= 0x39) return undefined;
  const printable = (code >= 0x20 && code <= 0x7e) || (wide && code >= 0xa0);
  if (rule.printable && printable) return undefined;
  // Line control characters belong to line-structured text (a rap sheet with a line length).
  if (rule.maxLineLength !== undefined && (ch === '\r' || ch === '\n')) return undefined;
  if (t.includes('S') && !rule.printable) {
    if (rule.specials === undefined ? printable && !/[A-Za-z0-9]/.test(ch) : rule.specials.includes(ch)) return undefined;
  }
  const shown = code >= 0x20 && code < 0x7f ? `'${ch}'` : `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const allowed = `${t}${rule.printable ? ' (printable)' : rule.specials !== undefined ? ` plus "${rule.specials}"` : ''}`;
  return `character ${shown} is not allowed in a ${allowed} field`;
}

const datePart: Record<string, [number, number]> = { MM: [1, 12], DD: [1, 31], hh: [0, 23], mm: [0, 59], ss: [0, 59] };

/** Checks a date against an OpenEBTS format (`CCYYMMDD`, `ZCCYYMMDD` = all zeros allowed, `YYYYMMDDhhmmssZ`). */
function dateProblem(value: string, format: string): string | undefined {
  let fmt = format;
  if (fmt.startsWith('Z')) {
    fmt = fmt.slice(1);
    if (/^0+$/.test(value) && value.length === fmt.length) return undefined;
  }
  const fail = `"${value}" is not a date of the form ${fmt}`;
  if (value.length !== fmt.length) return fail;
  const parts: Record<string, number> = {};
  for (let i = 0; i < fmt.length; ) {
    const tok = ['CCYY', 'YYYY', 'MM', 'DD', 'hh', 'mm', 'ss'].find((k) => fmt.startsWith(k, i));
    if (!tok) {
      if (value[i] !== fmt[i]) return fail;
      i++;
      continue;
    }
    const digits = value.slice(i, i + tok.length);
    if (!/^\d+$/.test(digits)) return fail;
    parts[tok === 'CCYY' ? 'YYYY' : tok] = Number(digits);
    const bounds = datePart[tok];
    if (bounds && (Number(digits) < bounds[0] || Number(digits) > bounds[1])) return fail;
    i += tok.length;
  }
  const { YYYY, MM, DD } = parts;
  if (YYYY !== undefined && MM !== undefined && DD !== undefined) {
    const d = new Date(Date.UTC(YYYY, MM - 1, DD));
    if (d.getUTCMonth() !== MM - 1 || d.getUTCDate() !== DD) return `${fail} (no such day)`;
  }
  return undefined;
}

/** Checks a text value (one item) against the rule. */
export function valueProblem(value: string, rule: FieldRule, wide: boolean): string | undefined {
  if (rule.charType.startsWith('B')) {
    return rule.values && value !== rule.emptyValue && !rule.values.has(value) ? `value "${value}" is not in the code list` : undefined;
  }
  if (rule.size && !inRange(value.length, rule.size)) return `length ${value.length} is outside ${rangeText(rule.size)}`;
  for (const ch of value) {
    const p = charProblem(ch, rule, wide);
    if (p) return p;
  }
  if (rule.values && value !== rule.emptyValue && !rule.values.has(value)) return `value "${value}" is not in the code list`;
  if (rule.date) {
    const p = dateProblem(value, rule.date);
    if (p) return p;
  }
  if (rule.regex && !wholeMatch(rule.regex).test(value)) return `"${value}" does not match ${rule.regex}`;
  if (rule.nregex && wholeMatch(rule.nregex).test(value)) return `"${value}" matches the forbidden pattern ${rule.nregex}`;
  if (rule.maxLineLength !== undefined) {
    const long = value.split(/\r?\n/).findIndex((l) => l.length + 2 > rule.maxLineLength!);
    if (long >= 0) return `line ${long + 1} is longer than ${rule.maxLineLength} characters with its line end`;
  }
  return undefined;
}
