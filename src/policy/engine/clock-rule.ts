/** The detainer-clock rule of a jurisdiction at a date, without a case (see case-free.ts). */
import { SeccomError } from '../../errors/index.ts';
import { PROTECTION } from '../outcomes.ts';
import { chainOf, type RuleBook } from '../rule-book.ts';
import type { ClockRule } from '../time/detainer-clock.ts';
import type { LocalDate } from '../time/local-date.ts';
import { caseFreeVersion } from './case-free.ts';

export interface ClockRuleChoice {
  readonly rule: ClockRule;
  readonly decidedBy: string;
  readonly source: string;
  readonly file: string;
  readonly line: number;
}

export function clockRuleAt(book: RuleBook, jurisdiction: string, at: LocalDate): ClockRuleChoice {
  let best: ClockRuleChoice | undefined;
  for (const j of chainOf(book, jurisdiction)) {
    const v = caseFreeVersion(j, 'clock', at);
    if (!v) continue;
    const rule = v.default!.v as ClockRule;
    if (!best || PROTECTION.clock[rule]! >= PROTECTION.clock[best.rule]!) best = { rule, decidedBy: j.id, source: v.source, file: v.file, line: v.line };
  }
  if (!best) {
    throw new SeccomError('SECCOM_POLICY_NOT_IN_FORCE', `no detainer-clock rule is in force for ${jurisdiction} on ${at}`, {
      location: { jurisdiction, date: at },
    });
  }
  return best;
}
