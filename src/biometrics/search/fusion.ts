/**
 * Ten-print fusion: a candidate's score is the sum of its finger scores (the sum rule: robust to
 * one finger badly captured, and every finger's evidence counts).
 */
export function fuse(fingerScores: readonly number[]): number {
  let s = 0;
  for (const v of fingerScores) s += v;
  return s;
}
