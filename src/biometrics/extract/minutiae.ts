/**
 * Minutiae from the cleaned skeleton graph: endings are nodes with one edge, bifurcations nodes
 * with three. Directions follow ISO/IEC 19794-2 as other extractors write it (checked against
 * the FVC ISO templates): an ending points back into its ridge; a bifurcation points between its
 * two branches, away from the stem. Both point from the "single" side to the "double" side, so
 * an ending misread as a bifurcation (or the reverse) keeps its direction. Facing endings across a short gap (a broken ridge) and minutiae near
 * the segmentation border are dropped.
 */
import { extractParams } from './params.ts';
import type { SkeletonGraph } from './skeleton-graph.ts';
import { nearBackground, type Segmentation } from './segment.ts';

/** Minutiae in working-image coordinates, as parallel arrays; angles in image coordinates (y down). */
export interface RawMinutiae {
  count: number;
  x: Float32Array;
  y: Float32Array;
  /** atan2(dy, dx) in image coordinates, [0, 2π). */
  angle: Float32Array;
  /** 1 = ending, 2 = bifurcation. */
  kind: Uint8Array;
}

const TWO_PI = 2 * Math.PI;

/** Point reached after tracing `dist` pixels along edge e away from node u. */
function traceFrom(g: SkeletonGraph, e: number, u: number, dist: number): [number, number] {
  const pix = g.pathFrom(e, u);
  let x = g.nodeX[u]!;
  let y = g.nodeY[u]!;
  let walked = 0;
  let px = x;
  let py = y;
  for (const q of pix) {
    const qx = q % g.width;
    const qy = (q / g.width) | 0;
    walked += Math.hypot(qx - px, qy - py);
    px = qx;
    py = qy;
    x = qx;
    y = qy;
    if (walked >= dist) break;
  }
  if (walked < dist) {
    const end = g.other(e, u);
    x = g.nodeX[end]!;
    y = g.nodeY[end]!;
  }
  return [x, y];
}

function angleOf(dx: number, dy: number): number {
  const a = Math.atan2(dy, dx);
  return a < 0 ? a + TWO_PI : a;
}

function angleDiff(a: number, b: number): number {
  const d = Math.abs(a - b) % TWO_PI;
  return d > Math.PI ? TWO_PI - d : d;
}

export function readMinutiae(g: SkeletonGraph, seg: Segmentation, h: number): RawMinutiae {
  const p = extractParams;
  const trace = p.skeleton.directionTrace;
  const xs: number[] = [];
  const ys: number[] = [];
  const as: number[] = [];
  const ks: number[] = [];
  for (let u = 0; u < g.nodeX.length; u++) {
    if (!g.nodeAlive[u]) continue;
    const inc = g.incident(u);
    const x = g.nodeX[u]!;
    const y = g.nodeY[u]!;
    if (inc.length === 1) {
      const [tx, ty] = traceFrom(g, inc[0]!, u, trace);
      xs.push(x);
      ys.push(y);
      as.push(angleOf(tx - x, ty - y));
      ks.push(1);
    } else if (inc.length === 3 && new Set(inc).size === 3) {
      const dirs = inc.map((e) => {
        const [tx, ty] = traceFrom(g, e, u, trace);
        return angleOf(tx - x, ty - y);
      });
      // The two branches leave the fork close together; the stem is the odd one out.
      let stem = 0;
      let best = Infinity;
      for (let k = 0; k < 3; k++) {
        const d = angleDiff(dirs[(k + 1) % 3]!, dirs[(k + 2) % 3]!);
        if (d < best) {
          best = d;
          stem = k;
        }
      }
      xs.push(x);
      ys.push(y);
      as.push((dirs[stem]! + Math.PI) % TWO_PI);
      ks.push(2);
    }
  }
  const n = xs.length;
  const keep = new Uint8Array(n).fill(1);
  // Broken ridges: two endings facing each other across a short gap.
  const gap = p.skeleton.gap;
  for (let i = 0; i < n; i++) {
    if (ks[i] !== 1) continue;
    for (let j = i + 1; j < n; j++) {
      if (ks[j] !== 1) continue;
      const dx = xs[j]! - xs[i]!;
      const dy = ys[j]! - ys[i]!;
      const d = Math.hypot(dx, dy);
      if (d >= gap) continue;
      const towards = angleOf(dx, dy);
      // Each ending's ridge comes from behind it: facing endings point away from each other.
      const facing = angleDiff(as[i]!, towards + Math.PI) < Math.PI / 4 && angleDiff(as[j]!, towards) < Math.PI / 4;
      const opposite = angleDiff(as[i]!, as[j]! + Math.PI) < Math.PI / 4;
      if (d < 4 || (facing && opposite)) keep[i] = keep[j] = 0;
    }
  }
  const w = g.width;
  for (let i = 0; i < n; i++) {
    if (keep[i] && nearBackground(seg, w, h, xs[i]!, ys[i]!, p.minutiae.borderDistance)) keep[i] = 0;
  }
  const out: RawMinutiae = {
    count: 0,
    x: new Float32Array(n),
    y: new Float32Array(n),
    angle: new Float32Array(n),
    kind: new Uint8Array(n),
  };
  for (let i = 0; i < n; i++) {
    if (!keep[i]) continue;
    const k = out.count++;
    out.x[k] = xs[i]!;
    out.y[k] = ys[i]!;
    out.angle[k] = as[i]!;
    out.kind[k] = ks[i]!;
  }
  return out;
}
