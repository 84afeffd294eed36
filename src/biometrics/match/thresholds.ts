/**
 * Score → false match rate table of the matcher. Fitted on impostor scores of the FVC2002/2004
 * B sets (every ordered pair of images of different fingers, within and across the six
 * databases: 226,560 comparisons) by `npm run bench:accuracy -- --fit-thresholds`: at each
 * threshold, at most that share of impostor comparisons scored as high. The 1e-5 row rests on
 * two impostor scores and is indicative only. Refit whenever the matcher or extractor changes.
 */
export interface ThresholdEntry {
  readonly fmr: number;
  readonly score: number;
}

export const THRESHOLDS: readonly ThresholdEntry[] = [
  { fmr: 1e-2, score: 2.959 },
  { fmr: 1e-3, score: 5.116 },
  { fmr: 1e-4, score: 7.233 },
  { fmr: 1e-5, score: 8.899 },
];

/** The default decision threshold: FMR 0.01%, as usual for 1:1 verification. */
export const DEFAULT_THRESHOLD: ThresholdEntry = THRESHOLDS[2]!;

/** The lowest tabulated threshold whose FMR does not exceed `fmr` (the strictest row if none). */
export function thresholdFor(fmr: number): number {
  const row = THRESHOLDS.find((r) => r.fmr <= fmr) ?? THRESHOLDS[THRESHOLDS.length - 1]!;
  return row.score;
}

/** Upper bound on the FMR of a decision at `score`: the smallest tabulated FMR it reaches (1 below the table). */
export function fmrAt(score: number): number {
  let fmr = 1;
  for (const r of THRESHOLDS) if (score >= r.score) fmr = Math.min(fmr, r.fmr);
  return fmr;
}
