/**
 * Evaluates, for one case at one date, every decision in force along a jurisdiction's chain
 * (federal first, then each parent down to the jurisdiction), in file order, so that a decision
 * can read those made before it.
 */
import { SeccomError } from '../../errors/index.ts';
import type { CaseFacts } from '../facts/case-facts.ts';
import { factTable, type FactValue } from '../facts/vocabulary.ts';
import type { Literal } from '../language/ast.ts';
import type { CompiledJurisdiction } from '../language/compile.ts';
import { chainOf, type RuleBook } from '../rule-book.ts';
import type { LocalDate } from '../time/local-date.ts';
import { decide, type DecisionTrace } from './decide.ts';

export interface ChainEvaluation {
  readonly jurisdiction: string;
  readonly at: LocalDate;
  /** federal first, the jurisdiction itself last. */
  readonly chain: readonly CompiledJurisdiction[];
  /** Every decision made, in the order made. */
  readonly traces: readonly DecisionTrace[];
}

export function evaluateChain(book: RuleBook, facts: CaseFacts, jurisdiction: string, at: LocalDate): ChainEvaluation {
  const chain = chainOf(book, jurisdiction);
  const table = factTable(facts, at);
  const traces: DecisionTrace[] = [];
  const nearestFirst = [...chain].reverse();
  for (const j of chain) {
    const visible = nearestFirst.slice(nearestFirst.indexOf(j));
    const scope = {
      table,
      decision: (name: string): FactValue | undefined => {
        for (const v of visible) {
          const t = traces.find((x) => x.jurisdiction === v.id && x.decision === name);
          if (t) return t.value;
        }
        return undefined;
      },
      set: (name: string): readonly Literal[] => visible.find((v) => v.sets.has(name))!.sets.get(name)!.items,
    };
    for (const d of j.decisions) {
      if (d.from <= at && (d.until === undefined || at < d.until)) traces.push(decide(d, scope));
    }
  }
  return { jurisdiction, at, chain, traces };
}

/** The federal trace of a decision the engine needs; absent = no rules in force at that date. */
export function requireFederal(ev: ChainEvaluation, name: string): DecisionTrace {
  const t = ev.traces.find((x) => x.jurisdiction === ev.chain[0]!.id && x.decision === name);
  if (t) return t;
  const federal = ev.chain[0]!;
  const ranges = federal.decisions
    .filter((d) => d.name === name)
    .map((d) => `${d.from}–${d.until ?? 'open'}`)
    .join(', ');
  throw new SeccomError('SECCOM_POLICY_NOT_IN_FORCE', `no rules for "${name}" are in force on ${ev.at} (${federal.file}: ${ranges})`, {
    location: { file: federal.file, rule: name, date: ev.at },
  });
}

export function optionalFederal(ev: ChainEvaluation, name: string): DecisionTrace | undefined {
  return ev.traces.find((x) => x.jurisdiction === ev.chain[0]!.id && x.decision === name);
}
