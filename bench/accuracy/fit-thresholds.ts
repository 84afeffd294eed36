/**
 * Fits the matcher's score → FMR table on impostor scores: every ordered pair of images of
 * different fingers, within and across databases. For each target FMR, the threshold is the
 * lowest score that no more than that share of impostor comparisons reaches.
 */
import { Matcher, prepareProbe } from '../../src/biometrics/match/matcher.ts';
import type { PackedTemplate } from '../../src/biometrics/match/packed-template.ts';

const TARGETS = [1e-2, 1e-3, 1e-4, 1e-5];

export function fitThresholds(images: { id: string; packed: PackedTemplate }[]): string {
  const scores: number[] = [];
  for (let a = 0; a < images.length; a++) {
    const m = new Matcher(prepareProbe(images[a]!.packed));
    for (let b = 0; b < images.length; b++) {
      if (images[a]!.id !== images[b]!.id) scores.push(m.score(images[b]!.packed));
    }
  }
  const sorted = Float64Array.from(scores).sort();
  const lines = [`impostor comparisons: ${sorted.length}, highest score ${sorted[sorted.length - 1]!.toFixed(3)}`];
  for (const fmr of TARGETS) {
    const allowed = Math.floor(fmr * sorted.length);
    // Just above the (allowed+1)-th highest impostor score.
    const bar = sorted[sorted.length - 1 - allowed]!;
    lines.push(`  { fmr: ${fmr}, score: ${(Math.floor(bar * 1000) / 1000 + 0.001).toFixed(3)} }, // ${allowed} impostors above`);
  }
  return lines.join('\n');
}
