/** Test fixtures: synthetic persons and captures without data files (flows from random bases). */
import type { FingerTemplate } from '../template.ts';
import { mixSeed, seededRandom } from './random.ts';
import { impression, ridgeFlow, syntheticTenprint, type RidgeFlow } from './synthetic.ts';

/** A ridge flow from a random 30-minutia base (a stand-in for a real template). */
export function randomFlow(seed: number): RidgeFlow {
  const r = seededRandom(seed);
  const minutiae = Array.from({ length: 30 }, () => ({
    x: 40 + r() * 300,
    y: 40 + r() * 400,
    angle: r() * 2 * Math.PI,
    type: r() < 0.5 ? ('ending' as const) : ('bifurcation' as const),
    quality: 30 + Math.floor(r() * 70),
  }));
  return ridgeFlow({ width: 400, height: 500, ppi: 500, position: 0, quality: 70, minutiae });
}

const flows = Array.from({ length: 8 }, (_, i) => randomFlow(1000 + i));

/** Ten fingers of test person `n`. */
export function testPerson(n: number): FingerTemplate[] {
  return syntheticTenprint(flows, 77, n);
}

/** A livescan capture of `fingers`, one per `take`. */
export function capture(fingers: readonly FingerTemplate[], take: number): FingerTemplate[] {
  const r = seededRandom(mixSeed(take, 99));
  return fingers.map((f) => impression(f, r));
}
