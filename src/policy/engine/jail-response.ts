/**
 * The jail's answer to an ICE request under the law along its chain (federal default, state law,
 * county ordinance): the most protective answer wins, because a local law may forbid what federal
 * policy only requests, and a county may refuse what its state merely permits. The same goes for
 * the detainer clock: an absolute 48 hours ends no later than 48 hours that skip weekends.
 */
import type { CaseFacts, DetainerForm } from '../facts/case-facts.ts';
import { PROTECTION, type JailResponseValue } from '../outcomes.ts';
import type { ClockRule } from '../time/detainer-clock.ts';
import type { DecisionTrace } from './decide.ts';
import { requireFederal, type ChainEvaluation } from './evaluate-chain.ts';
import { escalationFor, withCitizenshipSafeguard, type Escalation, type SafeguardApplied } from './safeguards.ts';

export interface JailResponse {
  readonly caseId: string;
  readonly jurisdiction: string;
  readonly at: string;
  readonly request: DetainerForm;
  readonly response: JailResponseValue;
  /** The person may be kept beyond release, until the detainer clock expires. */
  readonly hold: boolean;
  /** ICE is told the release time. */
  readonly notify: boolean;
  /** Custody is handed to ICE at release. */
  readonly transfer: boolean;
  /** The jurisdiction whose rule gave the answer. */
  readonly decidedBy: string;
  readonly clockRule: ClockRule;
  readonly clockDecidedBy: string;
  readonly escalation: Escalation;
  readonly safeguards: readonly SafeguardApplied[];
  readonly explanation: readonly DecisionTrace[];
}

/** The most protective trace of a local decision along the chain; the nearest jurisdiction on ties. */
function mostProtective(ev: ChainEvaluation, name: keyof typeof PROTECTION): DecisionTrace {
  const rank = PROTECTION[name];
  let best = requireFederal(ev, name);
  for (const t of ev.traces) {
    if (t.decision === name && rank[t.value]! >= rank[best.value]!) best = t;
  }
  return best;
}

export function jailResponse(ev: ChainEvaluation, facts: CaseFacts, request: DetainerForm): JailResponse {
  const responseTrace = mostProtective(ev, 'jail-response');
  const clockTrace = mostProtective(ev, 'clock');
  const { value: response, safeguards } = withCitizenshipSafeguard(facts, responseTrace.value as JailResponseValue, 'decline', 'response');
  const honour = response === 'honour';
  const isHold = request === 'I-247' || request === 'I-247D';
  return {
    caseId: facts.caseId,
    jurisdiction: ev.jurisdiction,
    at: ev.at,
    request,
    response,
    hold: honour && isHold,
    notify: response === 'notify-only' || (honour && request !== 'I-247X'),
    transfer: honour && request === 'I-247X',
    decidedBy: responseTrace.jurisdiction,
    clockRule: clockTrace.value as ClockRule,
    clockDecidedBy: clockTrace.jurisdiction,
    escalation: escalationFor(facts),
    safeguards,
    explanation: ev.traces.filter((t) => t.decision === 'jail-response' || t.decision === 'clock' || t.jurisdiction !== ev.chain[0]!.id),
  };
}
