/**
 * Synthetic fingers and impressions, built from real templates (docs/biometrics-search.md).
 *
 * Geometric transforms of the 60 real FVC fingers alone would give a million clones of 60
 * identities: every non-mated search would meet its own finger rotated. So a new identity keeps
 * what is fingerprint-like about a real template — its ridge flow (orientation field interpolated
 * from the minutia directions), its foreground, minutia count, type mix and qualities — and draws
 * new minutia positions on that flow (at least MIN_SPACING apart), then bends the whole finger
 * with a smooth random warp, so that two identities from one real finger differ like two real
 * fingers of one pattern class.
 *
 * An impression (an enrolment, a booking capture, a probe) is a noisy reading of a finger:
 * rotation, translation, elastic distortion, position and direction jitter, dropout (low quality
 * first), ending/bifurcation swaps, spurious minutiae and sometimes a partial capture.
 *
 * Coordinates are 500-ppi pixels, angles as in FingerTemplate (counter-clockwise as viewed).
 */
import type { FingerTemplate, Minutia, MinutiaType } from '../template.ts';
import { gaussian, mixSeed, seededRandom, type Random } from './random.ts';

/** A real template's ridge flow: doubled-angle orientation per cell and the foreground cells. */
export interface RidgeFlow {
  readonly cell: number;
  readonly cols: number;
  readonly rows: number;
  readonly cos2: Float32Array;
  readonly sin2: Float32Array;
  readonly mask: Uint8Array;
  readonly foreground: number;
  readonly count: number;
  readonly bifurcationShare: number;
  readonly qualities: Uint8Array;
}

const CELL = 16;
/** Gaussian reach of one minutia's direction when interpolating the flow. */
const FLOW_SIGMA = 28;
/** Weight sum a cell needs to count as foreground (about one minutia within FLOW_SIGMA). */
const FOREGROUND_WEIGHT = 0.6;
/** Closest two minutiae of a synthetic finger, in pixels (about one and a half ridge periods). */
export const MIN_SPACING = 10;

export function ridgeFlow(t: FingerTemplate): RidgeFlow {
  const s = 500 / (t.ppi > 0 ? t.ppi : 500);
  const cols = Math.ceil((t.width * s) / CELL);
  const rows = Math.ceil((t.height * s) / CELL);
  const cos2 = new Float32Array(cols * rows);
  const sin2 = new Float32Array(cols * rows);
  const mask = new Uint8Array(cols * rows);
  const n = t.minutiae.length;
  const mx = Float64Array.from(t.minutiae, (m) => m.x * s);
  const my = Float64Array.from(t.minutiae, (m) => m.y * s);
  const mc = Float64Array.from(t.minutiae, (m) => Math.cos(2 * m.angle));
  const ms = Float64Array.from(t.minutiae, (m) => Math.sin(2 * m.angle));
  let foreground = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const cx = (c + 0.5) * CELL;
      const cy = (r + 0.5) * CELL;
      let w = 0;
      let sc = 0;
      let ss = 0;
      for (let i = 0; i < n; i++) {
        const d2 = (mx[i]! - cx) ** 2 + (my[i]! - cy) ** 2;
        const wi = Math.exp(-d2 / (2 * FLOW_SIGMA * FLOW_SIGMA));
        w += wi;
        sc += wi * mc[i]!;
        ss += wi * ms[i]!;
      }
      const k = r * cols + c;
      const norm = Math.hypot(sc, ss) || 1;
      cos2[k] = sc / norm;
      sin2[k] = ss / norm;
      if (w >= FOREGROUND_WEIGHT) {
        mask[k] = 1;
        foreground++;
      }
    }
  }
  const bif = t.minutiae.filter((m) => m.type === 'bifurcation').length;
  return {
    cell: CELL,
    cols,
    rows,
    cos2,
    sin2,
    mask,
    foreground,
    count: n,
    bifurcationShare: n ? bif / n : 0.5,
    qualities: Uint8Array.from(t.minutiae, (m) => Math.max(1, Math.min(100, Math.round(m.quality)))),
  };
}

/** A smooth random displacement field: two plane waves per axis, with its Jacobian. */
class Warp {
  private readonly waves: Float64Array;

  constructor(random: Random, amplitude: number, minWavelength: number, maxWavelength: number) {
    // Per wave: axis amplitude ax, ay; wave vector kx, ky; phase.
    this.waves = new Float64Array(4 * 5);
    for (let w = 0; w < 4; w++) {
      const dir = random() * 2 * Math.PI;
      const k = (2 * Math.PI) / (minWavelength + random() * (maxWavelength - minWavelength));
      const a = amplitude * (0.5 + random()) / 2;
      this.waves.set([w < 2 ? a : 0, w < 2 ? 0 : a, k * Math.cos(dir), k * Math.sin(dir), random() * 2 * Math.PI], w * 5);
    }
  }

  /** Displaced point and the image (as an angle) of direction `angle` (template convention). */
  apply(x: number, y: number, angle: number): [number, number, number] {
    let dx = 0;
    let dy = 0;
    let jxx = 1;
    let jxy = 0;
    let jyx = 0;
    let jyy = 1;
    const w = this.waves;
    for (let i = 0; i < w.length; i += 5) {
      const ph = w[i + 2]! * x + w[i + 3]! * y + w[i + 4]!;
      const sn = Math.sin(ph);
      const cs = Math.cos(ph);
      dx += w[i]! * sn;
      dy += w[i + 1]! * sn;
      jxx += w[i]! * cs * w[i + 2]!;
      jxy += w[i]! * cs * w[i + 3]!;
      jyx += w[i + 1]! * cs * w[i + 2]!;
      jyy += w[i + 1]! * cs * w[i + 3]!;
    }
    // Direction vector in image axes is (cos a, -sin a).
    const vx = Math.cos(angle);
    const vy = -Math.sin(angle);
    const ux = jxx * vx + jxy * vy;
    const uy = jyx * vx + jyy * vy;
    return [x + dx, y + dy, normAngle(Math.atan2(-uy, ux))];
  }
}

function normAngle(a: number): number {
  const t = a % (2 * Math.PI);
  return t < 0 ? t + 2 * Math.PI : t;
}

function quality(q: number): number {
  return Math.max(1, Math.min(100, Math.round(q)));
}

/** Wraps shifted minutiae into a template whose coordinates are all inside its frame. */
function frame(minutiae: Minutia[], position: number, imageQuality: number): FingerTemplate {
  const MARGIN = 12;
  let minX = Infinity;
  let minY = Infinity;
  for (const m of minutiae) {
    minX = Math.min(minX, m.x);
    minY = Math.min(minY, m.y);
  }
  const sx = minutiae.length && minX < MARGIN ? MARGIN - minX : 0;
  const sy = minutiae.length && minY < MARGIN ? MARGIN - minY : 0;
  let w = 2 * MARGIN;
  let h = 2 * MARGIN;
  for (const m of minutiae) {
    m.x = Math.round(m.x + sx);
    m.y = Math.round(m.y + sy);
    w = Math.max(w, m.x + MARGIN);
    h = Math.max(h, m.y + MARGIN);
  }
  return { width: w, height: h, ppi: 500, position, quality: imageQuality, minutiae };
}

/** A new finger on a real template's ridge flow (see the file comment). */
export function syntheticFinger(flow: RidgeFlow, random: Random, position = 0): FingerTemplate {
  const target = Math.max(12, Math.round(flow.count * (0.85 + 0.3 * random())));
  const warp = new Warp(random, 14, 160, 320);
  const { cell, cols, rows, mask } = flow;
  const xs: number[] = [];
  const ys: number[] = [];
  const minutiae: Minutia[] = [];
  for (let tries = 0; tries < target * 40 && minutiae.length < target; tries++) {
    const x = random() * cols * cell;
    const y = random() * rows * cell;
    const k = Math.floor(y / cell) * cols + Math.floor(x / cell);
    if (!mask[k]) continue;
    let free = true;
    for (let i = 0; i < xs.length && free; i++) free = (xs[i]! - x) ** 2 + (ys[i]! - y) ** 2 >= MIN_SPACING * MIN_SPACING;
    if (!free) continue;
    xs.push(x);
    ys.push(y);
    // Ridge orientation (mod π) from the flow; an ending or bifurcation points either way along it.
    const ridge = Math.atan2(flow.sin2[k]!, flow.cos2[k]!) / 2 + (random() < 0.5 ? Math.PI : 0) + 0.08 * gaussian(random);
    const [wx, wy, wa] = warp.apply(x, y, normAngle(ridge));
    const type: MinutiaType = random() < flow.bifurcationShare ? 'bifurcation' : 'ending';
    minutiae.push({ x: wx, y: wy, angle: wa, type, quality: flow.qualities[Math.floor(random() * flow.qualities.length)] ?? 60 });
  }
  return frame(minutiae, position, 60 + Math.floor(30 * random()));
}

/** How far an impression departs from the finger. */
export interface ImpressionNoise {
  /** Standard deviation of the rotation, radians. */
  readonly rotation: number;
  /** Standard deviation of the translation, pixels per axis. */
  readonly translation: number;
  /** Amplitude of the elastic distortion, pixels. */
  readonly distortion: number;
  /** Standard deviation of position jitter (pixels) and direction jitter (radians). */
  readonly jitter: number;
  readonly angleJitter: number;
  /** Share of minutiae lost (low quality ones more often). */
  readonly dropout: number;
  /** Spurious minutiae added, as a share of the finger's count. */
  readonly spurious: number;
  /** Probability that an ending reads as a bifurcation or the reverse. */
  readonly typeSwap: number;
  /** Probability of a partial capture, and the largest share of the finger it loses. */
  readonly partial: number;
  readonly partialShare: number;
}

/**
 * A rolled livescan ten-print capture (the FBI's 500-ppi prints): sizeable but not extreme
 * distortion and loss. The same noise makes gallery enrolments, so a search compares two noisy
 * impressions of one finger.
 */
export const LIVESCAN_NOISE: ImpressionNoise = {
  rotation: (10 * Math.PI) / 180,
  translation: 25,
  distortion: 6,
  jitter: 2,
  angleJitter: (6 * Math.PI) / 180,
  dropout: 0.15,
  spurious: 0.12,
  typeSwap: 0.1,
  partial: 0.15,
  partialShare: 0.35,
};

/** A noisy impression of `finger` (see ImpressionNoise); a pure function of the finger and the random stream. */
export function impression(finger: FingerTemplate, random: Random, noise: ImpressionNoise = LIVESCAN_NOISE): FingerTemplate {
  const s = 500 / (finger.ppi > 0 ? finger.ppi : 500);
  const src = finger.minutiae;
  let cx = 0;
  let cy = 0;
  for (const m of src) {
    cx += m.x * s;
    cy += m.y * s;
  }
  cx /= src.length || 1;
  cy /= src.length || 1;
  const rot = noise.rotation * gaussian(random);
  const cos = Math.cos(rot);
  const sin = Math.sin(rot);
  const tx = noise.translation * gaussian(random);
  const ty = noise.translation * gaussian(random);
  const warp = new Warp(random, noise.distortion, 120, 260);
  // A partial capture loses the side of a random line through the finger.
  const cut = random() < noise.partial;
  const cutDir = random() * 2 * Math.PI;
  const cutShare = noise.partialShare * random();
  const nx = Math.cos(cutDir);
  const ny = Math.sin(cutDir);
  let cutAt = Infinity;
  if (cut && src.length) {
    const proj = src.map((m) => (m.x * s - cx) * nx + (m.y * s - cy) * ny).sort((a, b) => b - a);
    cutAt = proj[Math.floor(cutShare * proj.length)]!;
  }
  const out: Minutia[] = [];
  let kept = 0;
  for (const m of src) {
    const x0 = m.x * s;
    const y0 = m.y * s;
    if (cut && (x0 - cx) * nx + (y0 - cy) * ny > cutAt) continue;
    if (random() < noise.dropout * (1.5 - m.quality / 100)) continue;
    kept++;
    const [wx, wy, wa] = warp.apply(x0, y0, m.angle);
    const rx = cx + cos * (wx - cx) + sin * (wy - cy) + tx + noise.jitter * gaussian(random);
    const ry = cy - sin * (wx - cx) + cos * (wy - cy) + ty + noise.jitter * gaussian(random);
    const type: MinutiaType = m.type !== 'other' && random() < noise.typeSwap ? (m.type === 'ending' ? 'bifurcation' : 'ending') : m.type;
    out.push({ x: rx, y: ry, angle: normAngle(wa + rot + noise.angleJitter * gaussian(random)), type, quality: quality(m.quality + 8 * gaussian(random)) });
  }
  // Spurious minutiae fall inside the captured area (the bounding box of what was kept).
  if (out.length) {
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (const m of out) {
      x0 = Math.min(x0, m.x);
      y0 = Math.min(y0, m.y);
      x1 = Math.max(x1, m.x);
      y1 = Math.max(y1, m.y);
    }
    const extra = Math.round(noise.spurious * kept * 2 * random());
    for (let e = 0; e < extra; e++) {
      out.push({
        x: x0 + random() * (x1 - x0),
        y: y0 + random() * (y1 - y0),
        angle: random() * 2 * Math.PI,
        type: random() < 0.5 ? 'ending' : 'bifurcation',
        quality: quality(20 + 30 * random()),
      });
    }
  }
  return frame(out, finger.position, quality(finger.quality + 5 * gaussian(random)));
}

/**
 * The ten fingers (FGP 1..10) of synthetic person `person`: each finger on the ridge flow of a
 * real template picked by a hash of (seed, person, finger), drawn from its own random stream, so
 * any person of a gallery of any size can be regenerated alone.
 */
export function syntheticTenprint(flows: readonly RidgeFlow[], seed: number, person: number): FingerTemplate[] {
  return Array.from({ length: 10 }, (_, f) => {
    const flow = flows[mixSeed(seed, person, f, 1) % flows.length]!;
    return syntheticFinger(flow, seededRandom(mixSeed(seed, person, f, 2)), f + 1);
  });
}
