/**
 * Ten-print fusion and the identification decision.
 *
 * A candidate's score is the sum of its finger scores (the sum rule: every finger's evidence
 * counts, and one badly captured finger costs little). A candidate is a hit when the sum reaches
 * hitThreshold(k) for a probe of k usable fingers: one finger at the matcher's FMR 1e-5 score
 * plus every other finger at its FMR 1e-2 score, so a single finger needs a strong 1:1 score, and
 * a ten-print needs far more than chance gives ten times over. Both scores come from the
 * matcher's threshold table (src/biometrics/match/thresholds.ts), so the rule follows its refits.
 *
 * Rescoring may stop early (rescore.ts): a record whose EARLY_FINGERS best-informed fingers sum
 * under EARLY_FINGERS FMR 1e-2 scores is not compared further.
 */
import { thresholdFor } from '../match/thresholds.ts';

export function fuse(fingerScores: readonly number[]): number {
  let s = 0;
  for (const v of fingerScores) s += v;
  return s;
}

export function hitThreshold(usableFingers: number): number {
  return thresholdFor(1e-5) + Math.max(0, usableFingers - 1) * thresholdFor(1e-2);
}

export const EARLY_FINGERS = 3;

export function earlyRejectBound(): number {
  return EARLY_FINGERS * thresholdFor(1e-2);
}
