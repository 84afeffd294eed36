/**
 * The policy engine's public surface, for the pipeline, the server and the console. Everything
 * here is pure except loadRuleBook (reads policies/ once per process).
 */
export { loadRuleBook } from './loader.ts';
export { buildRuleBook, chainOf, getJurisdiction, type RuleBook, type RuleSource } from './rule-book.ts';
export { parseCaseFacts, DETAINER_FORMS, type CaseFacts, type CaseFactsInput, type DetainerForm } from './facts/case-facts.ts';
export { evaluateCase, whatIf, evaluationDate, type CaseDecision, type Scenario } from './engine/evaluate-case.ts';
export { removalCategory, type EroDecision, type RemovalCategory, type DiscretionChecklist } from './engine/ero-decision.ts';
export type { JailResponse } from './engine/jail-response.ts';
export { participationAt, type Participation, type ParticipationReason, type ParticipationRecord } from './engine/participation.ts';
export type { DecisionTrace, FiredRule } from './engine/decide.ts';
export { clockRuleAt } from './engine/clock-rule.ts';
export {
  computeDetainerClock,
  clockStateAt,
  holdDeadlineMs,
  DETAINER_HOURS,
  type ClockRule,
  type ClockState,
  type DetainerClock,
} from './time/detainer-clock.ts';
export { renderCaseDecision } from './explain-text.ts';
export type { EroAction, JailResponseValue, Level } from './outcomes.ts';
