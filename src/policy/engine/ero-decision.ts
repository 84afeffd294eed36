/**
 * The ICE officer's recommendation for a case: levels of the charge and of the convictions, the
 * removal category ICE reported, the priority, the prosecutorial-discretion checklist, and the
 * action (detainer form, notification or transfer request, or none), with the reasons.
 */
import type { CaseFacts } from '../facts/case-facts.ts';
import { LOCAL_DECISIONS, type EroAction, type Level } from '../outcomes.ts';
import type { DecisionTrace } from './decide.ts';
import { optionalFederal, requireFederal, type ChainEvaluation } from './evaluate-chain.ts';
import { escalationFor, withCitizenshipSafeguard, type Escalation, type SafeguardApplied } from './safeguards.ts';

/** How ICE reported removals: by the level of the conviction, or "non-criminal". */
export type RemovalCategory = 'level-1' | 'level-2' | 'level-3' | 'non-criminal';

export function removalCategory(convictionLevel: Level): RemovalCategory {
  return convictionLevel === 'none' ? 'non-criminal' : convictionLevel;
}

export interface DiscretionChecklist {
  /** Sum of the weights of the factors present: positive favours discretion. */
  readonly score: number;
  readonly factors: readonly { readonly factor: string; readonly weight: number; readonly cite: string }[];
  readonly officerReasons: string | null;
}

export interface EroDecision {
  readonly caseId: string;
  readonly jurisdiction: string;
  readonly at: string;
  readonly chargeLevel: Level;
  readonly convictionLevel: Level;
  readonly removalCategory: RemovalCategory;
  /** null when no priorities were in force (before 30 Jun 2010). */
  readonly priority: string | null;
  /** null before the 17 Jun 2011 memo. */
  readonly discretion: DiscretionChecklist | null;
  readonly action: EroAction;
  readonly escalation: Escalation;
  readonly safeguards: readonly SafeguardApplied[];
  readonly explanation: readonly DecisionTrace[];
}

export function eroDecision(ev: ChainEvaluation, facts: CaseFacts): EroDecision {
  const chargeLevel = requireFederal(ev, 'charge-level').value as Level;
  const convictionLevel = requireFederal(ev, 'conviction-level').value as Level;
  const actionTrace = requireFederal(ev, 'action');
  const priority = optionalFederal(ev, 'priority');
  const discretion = optionalFederal(ev, 'discretion');
  const { value: action, safeguards } = withCitizenshipSafeguard(facts, actionTrace.value as EroAction, 'none', 'action');
  return {
    caseId: facts.caseId,
    jurisdiction: ev.jurisdiction,
    at: ev.at,
    chargeLevel,
    convictionLevel,
    removalCategory: removalCategory(convictionLevel),
    priority: priority ? String(priority.value) : null,
    discretion: discretion
      ? {
          score: Number(discretion.value),
          factors: discretion.fired.map((f) => ({ factor: f.rule, weight: Number(f.value), cite: f.cite })),
          officerReasons: facts.ero.reasons ?? null,
        }
      : null,
    action,
    escalation: escalationFor(facts),
    safeguards,
    explanation: ev.traces.filter(
      (t) => t.jurisdiction === ev.chain[0]!.id && !(t.decision in LOCAL_DECISIONS) && t.decision !== 'opt-out-policy',
    ),
  };
}
