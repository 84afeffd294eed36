/**
 * Safeguards that no rule file can turn off (DOMAIN.md §8): they are code, applied after the
 * rules, and they are recorded in the explanation whenever they change an outcome.
 */
import type { CaseFacts } from '../facts/case-facts.ts';

export interface SafeguardApplied {
  readonly id: 'us-citizenship-claim' | 'us-citizen';
  readonly effect: string;
  readonly cite: string;
}

export type Escalation = 'us-citizenship-claim' | null;

const CITE =
  'seccom safeguard (DOMAIN.md §8): a claim of US citizenship stops any hold and escalates the case; ICE enforces immigration law against aliens only (8 U.S.C. 1357(a)); Form I-247 (Dec 2011) notice and hotline for people who believe they are US citizens';

/** Why this case must not be held or pursued by ICE, if it must not. */
function citizenshipSafeguard(c: CaseFacts): Omit<SafeguardApplied, 'effect'> | undefined {
  if (c.person.citizenshipClaimAt !== undefined) return { id: 'us-citizenship-claim', cite: CITE };
  if (c.immigration.status === 'us-citizen') return { id: 'us-citizen', cite: CITE };
  return undefined;
}

/**
 * The outcome after the citizenship safeguard: `safe` (no action, decline) whatever the rules
 * gave, with a record of the override when it changed anything.
 */
export function withCitizenshipSafeguard<V extends string>(
  c: CaseFacts,
  fromRules: V,
  safe: V,
  what: string,
): { value: V; safeguards: SafeguardApplied[] } {
  const citizen = citizenshipSafeguard(c);
  if (!citizen || fromRules === safe) return { value: fromRules, safeguards: [] };
  return { value: safe, safeguards: [{ ...citizen, effect: `${what} ${safe} (the rules gave ${fromRules})` }] };
}

export function escalationFor(c: CaseFacts): Escalation {
  return c.person.citizenshipClaimAt !== undefined ? 'us-citizenship-claim' : null;
}
