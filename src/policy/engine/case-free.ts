/**
 * Decisions answered without a case (the clock rule, the opt-out policy): possible only for a
 * version with no rules, whose value is its default. A version whose rules read case facts says
 * so instead of guessing.
 */
import { SeccomError } from '../../errors/index.ts';
import type { CompiledDecision, CompiledJurisdiction } from '../language/compile.ts';
import { versionInForce } from '../rule-book.ts';
import type { LocalDate } from '../time/local-date.ts';

export function caseFreeVersion(j: CompiledJurisdiction, name: string, at: LocalDate): CompiledDecision | undefined {
  const v = versionInForce(j, name, at);
  if (v?.rules.length) {
    throw new SeccomError('SECCOM_INVALID_ARGUMENT', `"${name}" of ${j.id} on ${at} depends on the case (${v.file}:${v.line}); evaluate it with the case`, {
      location: { file: v.file, line: v.line, rule: name },
    });
  }
  return v;
}
