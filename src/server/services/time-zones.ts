/**
 * Which time zone a jurisdiction's times are shown in: the one its rule file declares (or its
 * nearest ancestor's), so the console and the detainer clock read the same calendar.
 */
import type { RuleBook } from '../../policy/rule-book.ts';
import type { Scope } from '../access/scope.ts';

/** Where a national user (LESC in Williston, Vermont; ICE headquarters) reads the time. */
export const nationalTimeZone = 'America/New_York';

export function rulesetTimeZone(book: RuleBook, rulesetId: string): string | undefined {
  for (let j = book.jurisdictions.get(rulesetId); j; j = j.parent ? book.jurisdictions.get(j.parent) : undefined) {
    if (j.timeZone) return j.timeZone;
  }
  return undefined;
}

export function stateTimeZone(book: RuleBook, state: string): string | undefined {
  for (const j of book.jurisdictions.values()) if (j.kind === 'state' && j.state === state && j.timeZone) return j.timeZone;
  return undefined;
}

/** The zone for a user's scope (a county by its rule set, else its state). */
export function scopeTimeZone(book: RuleBook, scope: Scope, county?: { rulesetId: string; state: string }): string {
  switch (scope.kind) {
    case 'national':
      return nationalTimeZone;
    case 'state':
      return stateTimeZone(book, scope.state) ?? nationalTimeZone;
    case 'county':
      return (county && (rulesetTimeZone(book, county.rulesetId) ?? stateTimeZone(book, county.state))) ?? nationalTimeZone;
  }
}
