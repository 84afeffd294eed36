/**
 * A case as the policy engine sees it, for the people who decide: the ERO officer's decision
 * screen (levels, priority, discretion factors, the recommended action and why) and the jail's
 * answer under its local rules. The engine decides; this only asks it and shapes the answer.
 */
import { evaluateCase, getJurisdiction, type CaseDecision, type DecisionTrace, type DetainerClock, type EroDecision, type JailResponse, type RuleBook } from '../../policy/index.ts';
import { versionInForce } from '../../policy/rule-book.ts';
import { caseFactsFor } from '../../pipeline/rule-book-policy.ts';
import type { DetainerForm, EroCase } from '../../pipeline/ports.ts';
import { loadCases } from '../../pipeline/stages/ero.ts';
import type { Db } from '../../store/db.ts';
import type { Explanation } from '../contract/bookings.ts';
import { actionSeverity, responseProtection } from '../steps/policy.ts';
import { rulesetTimeZone } from './time-zones.ts';

export const ERO_ACTIONS = ['I-247', 'I-247D', 'I-247N', 'I-247X', 'none'] as const;
export const JAIL_RESPONSES = ['honour', 'notify-only', 'decline'] as const;

export interface Assessment {
  case: EroCase;
  decision: CaseDecision;
  timeZone: string;
}

/**
 * The engine's answer on a booking's case at `at` (the request `form` when the jail answers one),
 * for a step still waiting for a person: the case holds any claim of US citizenship recorded by then.
 * A step already taken shows the explanation stored with its record instead (eroExplanation, jailExplanation).
 */
export async function assess(db: Db, book: RuleBook, bookingId: string, at: Date, opts: { form?: DetainerForm } = {}): Promise<Assessment> {
  const c = (await loadCases(db, [bookingId], at)).get(bookingId)!;
  const timeZone = rulesetTimeZone(book, c.rulesetId) ?? 'UTC';
  return { case: c, timeZone, decision: evaluateCase(book, caseFactsFor(book, c, timeZone, opts.form), { jurisdiction: c.rulesetId, at: at.toISOString() }) };
}

/** Rules that fired, with citations; defaults and safeguards as notes. */
export function explain(outcome: string, decidedBy: string, traces: readonly DecisionTrace[], notes: string[] = []): Explanation {
  return {
    outcome,
    decidedBy,
    rules: traces.flatMap((t) =>
      t.fired.map((f) => ({ rule: `${t.decision}: ${f.rule}`, cite: f.cite, condition: f.condition, value: String(f.value) })),
    ),
    notes: [
      ...traces.filter((t) => t.byDefault).map((t) => `${t.decision} = ${t.value}: no rule fired, the default of ${t.jurisdiction} from ${t.version.from} (${t.version.source})`),
      ...notes,
    ],
  };
}

/**
 * The actions an officer may take: the recommended one or a less severe one, among the forms the
 * federal rules in force use at that date (no I-247N before PEP, no I-247 after it).
 */
export function allowedActions(book: RuleBook, recommended: string, at: string): string[] {
  const max = actionSeverity[recommended as keyof typeof actionSeverity] ?? 0;
  const inForce = versionInForce(getJurisdiction(book, 'federal'), 'action', at)?.values ?? ERO_ACTIONS;
  return ERO_ACTIONS.filter((a) => actionSeverity[a] <= max && inForce.includes(a));
}

/** The answers a jail may give: what its rules say or anything more protective. */
export function allowedResponses(byRules: string): string[] {
  const min = responseProtection[byRules as keyof typeof responseProtection] ?? 2;
  return JAIL_RESPONSES.filter((r) => responseProtection[r] >= min);
}

/** The engine's ERO answer, as stored with an ICE decision or computed for the decision screen. */
export function eroExplanation(e: EroDecision): Explanation {
  const notes = e.safeguards.map((g) => `Safeguard ${g.id}: ${g.effect}. ${g.cite}`);
  if (e.escalation) notes.push(`Escalated: ${e.escalation}.`);
  return explain(e.action, `${e.jurisdiction} rules in force ${e.at}`, e.explanation, notes);
}

/** The engine's jail answer with the detainer clock of a hold, as stored with a jail answer or computed before one. */
export function jailExplanation(j: JailResponse, clock: DetainerClock | null): Explanation {
  const acts = [j.hold && 'hold', j.notify && 'notify ICE of the release', j.transfer && 'transfer custody'].filter(Boolean).join(', ') || 'nothing';
  const notes = j.safeguards.map((s) => `Safeguard ${s.id}: ${s.effect}. ${s.cite}`);
  if (clock) notes.push(`Detainer clock (${clock.rule}): released ${clock.releaseAt}, hold ends ${clock.expiresAt}${clock.excluded.length ? `; skipped ${clock.excluded.map((x) => `${x.date} (${x.reason})`).join(', ')}` : ''}.`);
  if (j.escalation) notes.push(`Escalated: ${j.escalation}.`);
  return explain(`${j.response} the ${j.request} (${acts})`, `${j.decidedBy} rules, clock by ${j.clockDecidedBy}`, j.explanation, notes);
}
