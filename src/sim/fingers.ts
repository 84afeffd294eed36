/**
 * Synthetic finger templates: random but ridge-plausible minutiae sets. Each finger gets a smooth
 * orientation field (a loop or whorl core plus a gentle tilt); minutiae are spread with a minimum
 * spacing inside an elliptical print area, and point along the local ridge flow. Not images: the
 * galleries enrol them, and each booking captures a noisy impression of them (bookings.ts).
 */
import type { FingerTemplate, Minutia } from '../biometrics/template.ts';
import type { Prng } from './prng.ts';

const width = 400;
const height = 500;
const minSpacing = 18;

export function syntheticFinger(rng: Prng, position: number): FingerTemplate {
  const cx = rng.int(170, 230);
  const cy = rng.int(200, 280);
  const whorl = rng.chance(0.3);
  const tilt = (rng.next() - 0.5) * 0.6;
  const count = rng.int(28, 42);
  const minutiae: Minutia[] = [];
  for (let tries = 0; minutiae.length < count && tries < count * 30; tries++) {
    const x = rng.int(40, width - 40);
    const y = rng.int(40, height - 40);
    const ex = (x - width / 2) / (width / 2 - 30);
    const ey = (y - height / 2) / (height / 2 - 30);
    if (ex * ex + ey * ey > 1) continue;
    if (minutiae.some((m) => (m.x - x) ** 2 + (m.y - y) ** 2 < minSpacing ** 2)) continue;
    const around = Math.atan2(y - cy, x - cx);
    const flow = whorl ? around + Math.PI / 2 : around / 2 + Math.PI / 2 + tilt;
    const angle = (((flow + (rng.chance(0.5) ? Math.PI : 0)) % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
    minutiae.push({ x, y, angle: Math.round(angle * 100) / 100, type: rng.chance(0.55) ? 'ending' : 'bifurcation', quality: rng.int(40, 100) });
  }
  return { width, height, ppi: 500, position, quality: rng.int(50, 100), minutiae };
}

export function syntheticHand(rng: Prng): FingerTemplate[] {
  return Array.from({ length: 10 }, (_, i) => syntheticFinger(rng, i + 1));
}
