/**
 * A case as the policy engine sees it, for the people who decide: the ERO officer's decision
 * screen (levels, priority, discretion factors, the recommended action and why) and the jail's
 * answer under its local rules. The engine decides; this only asks it and shapes the answer.
 */
import { evaluateCase, getJurisdiction, type CaseDecision, type DecisionTrace, type RuleBook } from '../../policy/index.ts';
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

/** The engine's answer on a booking's case at `at` (the request `form` when the jail answers one). */
export async function assess(db: Db, book: RuleBook, bookingId: string, at: Date, opts: { form?: DetainerForm; citizenshipClaimAt?: string } = {}): Promise<Assessment> {
  const c = (await loadCases(db, [bookingId], at)).get(bookingId)!;
  const timeZone = rulesetTimeZone(book, c.rulesetId) ?? 'UTC';
  const facts = caseFactsFor(book, c, timeZone, opts.form);
  const withClaim = opts.citizenshipClaimAt ? { ...facts, person: { ...facts.person, citizenshipClaimAt: opts.citizenshipClaimAt } } : facts;
  return { case: c, timeZone, decision: evaluateCase(book, withClaim, { jurisdiction: c.rulesetId, at: at.toISOString() }) };
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

export function jailExplanation(d: CaseDecision): Explanation | null {
  const j = d.jail;
  if (!j) return null;
  const acts = [j.hold && 'hold', j.notify && 'notify ICE of the release', j.transfer && 'transfer custody'].filter(Boolean).join(', ') || 'nothing';
  const notes = j.safeguards.map((s) => `Safeguard ${s.id}: ${s.effect}. ${s.cite}`);
  if (d.clock) notes.push(`Detainer clock (${d.clock.rule}): released ${d.clock.releaseAt}, hold ends ${d.clock.expiresAt}${d.clock.excluded.length ? `; skipped ${d.clock.excluded.map((x) => `${x.date} (${x.reason})`).join(', ')}` : ''}.`);
  if (j.escalation) notes.push(`Escalated: ${j.escalation}.`);
  return explain(`${j.response} the ${j.request} (${acts})`, `${j.decidedBy} rules, clock by ${j.clockDecidedBy}`, j.explanation, notes);
}
