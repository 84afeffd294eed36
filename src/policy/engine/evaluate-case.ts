/**
 * One call for the whole answer on a case at a date under a jurisdiction's rules: participation,
 * the ERO recommendation, the jail's response to the request (the one ICE sent, or else the one
 * recommended) and, for a hold with a known release time, the detainer clock. Deterministic: the
 * same case, jurisdiction, date and rule book give the same result and explanation.
 */
import type { CaseFacts, DetainerForm } from '../facts/case-facts.ts';
import type { RuleBook } from '../rule-book.ts';
import { computeDetainerClock, type DetainerClock } from '../time/detainer-clock.ts';
import { parseLocalDate, type LocalDate } from '../time/local-date.ts';
import { localDateOf, parseInstant } from '../time/zoned-time.ts';
import { evaluateChain } from './evaluate-chain.ts';
import { eroDecision, type EroDecision } from './ero-decision.ts';
import { jailResponse, type JailResponse } from './jail-response.ts';
import { participation, type Participation } from './participation.ts';

export interface CaseDecision {
  readonly caseId: string;
  readonly jurisdiction: string;
  readonly at: LocalDate;
  readonly participation: Participation;
  readonly ero: EroDecision;
  /** null when there is no request to answer (ICE sent none and recommends none). */
  readonly jail: JailResponse | null;
  /** null unless the jail holds the person and the otherwise-release time is known. */
  readonly clock: DetainerClock | null;
}

export interface Scenario {
  readonly jurisdiction: string;
  /** A calendar date, or an instant (then its date in the jail's time zone). */
  readonly at: string;
}

/** The calendar date at which rules are chosen. */
export function evaluationDate(at: string, timeZone: string): LocalDate {
  return at.length === 10 ? parseLocalDate(at, '--at') : localDateOf(parseInstant(at, '--at'), timeZone);
}

export function evaluateCase(book: RuleBook, facts: CaseFacts, scenario: Scenario): CaseDecision {
  const at = evaluationDate(scenario.at, facts.booking.timeZone);
  const ev = evaluateChain(book, facts, scenario.jurisdiction, at);
  const ero = eroDecision(ev, facts);
  const request: DetainerForm | undefined = facts.detainer?.form ?? (ero.action === 'none' ? undefined : ero.action);
  let jail: JailResponse | null = null;
  if (request !== undefined) {
    const asked = facts.detainer ? facts : { ...facts, detainer: { form: request, reimbursementAgreed: false, judicialWarrant: false } };
    jail = jailResponse(asked === facts ? ev : evaluateChain(book, asked, scenario.jurisdiction, at), asked, request);
  }
  const clock =
    jail?.hold && facts.booking.releaseAt !== undefined
      ? computeDetainerClock(parseInstant(facts.booking.releaseAt, 'booking.releaseAt'), jail.clockRule, facts.booking.timeZone)
      : null;
  return { caseId: facts.caseId, jurisdiction: scenario.jurisdiction, at, participation: participation(ev), ero, jail, clock };
}

/** The same case under other jurisdictions' rules or at other dates. */
export function whatIf(book: RuleBook, facts: CaseFacts, scenarios: readonly Scenario[]): CaseDecision[] {
  return scenarios.map((s) => evaluateCase(book, facts, s));
}
