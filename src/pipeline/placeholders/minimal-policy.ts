/**
 * PLACEHOLDER policy: a minimal rule for ICE's decision and the jail's answer, and a plain
 * 48-hour clock (no weekend or holiday exclusion). The rule-book adapter (../rule-book-policy.ts)
 * is the real one; this stays for tests and as the fallback documented in docs/architecture.md.
 */
import { convictionLevel } from '../../domain/offense.ts';
import type { DetainerForm, EroCase, EroOutcome, JailOutcome, PolicyPort } from '../ports.ts';

const HOLD_MS = 48 * 3_600_000;

export const minimalPolicy: PolicyPort = {
  name: 'placeholder:minimal',
  ero(c: EroCase): EroOutcome {
    const chargeLevel = c.charges.reduce<1 | 2 | 3 | null>((best, x) => (best === null || x.level < best ? x.level : best), null);
    const level = convictionLevel(c.iar.criminalHistory.convictions);
    const removable = c.iar.status !== 'naturalized' && c.iar.status !== 'lpr';
    const act = level === 1 || level === 2 || c.iar.priorRemovalOrder || removable;
    return {
      action: act ? 'I-247' : 'none',
      chargeLevel,
      convictionLevel: level,
      priority: level !== null ? 1 : c.iar.priorRemovalOrder ? 3 : removable ? 2 : null,
      reason: act ? 'placeholder rule: level 1-2 conviction, prior removal order, or no lawful status' : 'placeholder rule: lawful status, no serious conviction',
    };
  },
  jail(c: EroCase, form: DetainerForm): JailOutcome {
    const felonyConviction = c.iar.criminalHistory.convictions.some((x) => x.felony);
    const decline =
      c.rulesetId === 'us-il-cook' || ((c.rulesetId === 'us-ca' || c.rulesetId === 'us-ct') && !felonyConviction) || form === 'I-247N';
    if (decline) return { response: 'decline', hold: false, holdExpiresAt: null, reason: `placeholder rule for ${c.rulesetId}: no hold` };
    return {
      response: 'honour',
      hold: true,
      holdExpiresAt: new Date(c.releaseDueAt.getTime() + HOLD_MS),
      reason: `placeholder rule for ${c.rulesetId}: hold, plain 48 hours`,
    };
  },
};
