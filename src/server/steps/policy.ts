/**
 * The policy port as the console sees it: the rule book's answer, unless a person's decision is
 * being delivered for the case (ConsoleGate), in which case the person's choice stands, within
 * what the rules allow (the console checks it before sending; this checks again). A claim of US
 * citizenship is in the case already (citizenship_claims), so the rules' answer has applied it.
 */
import type { DetainerForm, EroCase, EroOutcome, JailOutcome, PolicyPort } from '../../pipeline/ports.ts';
import type { ConsoleGate } from './gate.ts';

/** How far each ERO action goes against the person: an officer may always go less far than the rules. */
export const actionSeverity: Readonly<Record<EroOutcome['action'], number>> = { none: 0, 'I-247N': 1, 'I-247X': 2, 'I-247': 3, 'I-247D': 3 };
/** How protective each jail answer is: a jail may always protect more than its rules require. */
export const responseProtection: Readonly<Record<JailOutcome['response'], number>> = { honour: 0, 'notify-only': 1, decline: 2 };

export function consolePolicy(inner: PolicyPort, gate: ConsoleGate): PolicyPort {
  return {
    name: inner.name,
    ero(c: EroCase): EroOutcome {
      const rules = inner.ero(c);
      const human = gate.carried(c.bookingId);
      if (human?.step !== 'ero') return rules;
      if (actionSeverity[human.action] > actionSeverity[rules.action]) {
        return { ...rules, reason: `${human.by} asked for ${human.action}, which the rules do not allow here; ${rules.reason}` };
      }
      return { ...rules, action: human.action, reason: `decided by ${human.by}: ${human.reason} (the rules gave ${rules.action})` };
    },
    jail(c: EroCase, form: DetainerForm): JailOutcome {
      const rules = inner.jail(c, form);
      const human = gate.carried(c.bookingId);
      if (human?.step !== 'jail') return rules;
      if (responseProtection[human.response] < responseProtection[rules.response]) {
        return { ...rules, reason: `${human.by} chose ${human.response}, which local law does not allow; ${rules.reason}` };
      }
      if (human.response === rules.response) return { ...rules, reason: `answered by ${human.by}: ${human.reason}; ${rules.reason}` };
      return { response: human.response, hold: false, holdExpiresAt: null, reason: `answered by ${human.by}: ${human.reason} (the rules allowed ${rules.response})` };
    },
  };
}
