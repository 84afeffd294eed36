/**
 * Makes one decision with one version of its rules: `first` takes the first rule that fires,
 * `agree` requires every rule that fires to give the same value (else a contradiction, never a
 * guess), `sum` adds the weights of the rules that fire. The trace is the explanation.
 */
import { SeccomError } from '../../errors/index.ts';
import type { Mode, SourceStatus } from '../language/ast.ts';
import type { CompiledDecision } from '../language/compile.ts';
import { evaluateCondition, type ConditionScope, type FactUse } from './evaluate-condition.ts';

export interface FiredRule {
  readonly rule: string;
  readonly value: string | number;
  readonly condition: string;
  readonly cite: string;
  readonly note?: string;
  readonly line: number;
  readonly facts: readonly FactUse[];
}

export interface DecisionTrace {
  readonly decision: string;
  readonly jurisdiction: string;
  readonly file: string;
  readonly value: string | number;
  /** No rule fired: the version's default (or 0 for a sum). */
  readonly byDefault: boolean;
  readonly mode: Mode;
  readonly version: {
    readonly from: string;
    readonly until: string | null;
    readonly line: number;
    readonly source: string;
    readonly status: SourceStatus;
    readonly note?: string;
  };
  readonly fired: readonly FiredRule[];
}

export function decide(d: CompiledDecision, scope: ConditionScope): DecisionTrace {
  const fired: FiredRule[] = [];
  for (const r of d.rules) {
    const facts: FactUse[] = [];
    if (!r.when.every((w) => evaluateCondition(w, scope, facts))) continue;
    fired.push({ rule: r.id, value: r.then.v, condition: r.condition, cite: r.cite, ...(r.note ? { note: r.note } : {}), line: r.line, facts });
    if (d.mode === 'first') break;
  }
  let value: string | number;
  if (d.mode === 'sum') value = fired.reduce((s, f) => s + Number(f.value), 0);
  else if (fired.length === 0) value = d.default!.v;
  else {
    const values = [...new Set(fired.map((f) => f.value))];
    if (values.length > 1) {
      const who = fired.map((f) => `"${f.rule}" (line ${f.line}) gives ${f.value}`).join('; ');
      throw new SeccomError('SECCOM_POLICY_CONTRADICTION', `${d.file}: rules of "${d.name}" disagree on this case: ${who}`, {
        location: { file: d.file, line: fired[1]!.line, rule: fired[1]!.rule },
        details: fired.map(({ rule, value, line }) => ({ rule, value, line })),
      });
    }
    value = values[0]!;
  }
  return {
    decision: d.name,
    jurisdiction: d.jurisdiction,
    file: d.file,
    value,
    byDefault: fired.length === 0,
    mode: d.mode,
    version: { from: d.from, until: d.until ?? null, line: d.line, source: d.source, status: d.status, ...(d.note ? { note: d.note } : {}) },
    fired,
  };
}
