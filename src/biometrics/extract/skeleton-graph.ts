/**
 * The ridge skeleton as a graph: nodes are endings (one neighbour) and junctions (three or more,
 * adjacent junction pixels merged), edges are the ridge paths between them. Cleaning the graph
 * removes the usual artefacts of thinning before minutiae are read off it: dots and short
 * fragments, spurs, pores and lakes (short loops) and bridges across a valley. A node left with
 * two edges is dissolved by joining them, so later rules see whole ridges.
 */
import { nodeCandidatesWasm } from './filters-core.ts';
import { NEIGHBOURS, neighbourCode } from './thin.ts';
import { extractParams } from './params.ts';

const DX = [0, 1, 1, 1, 0, -1, -1, -1];
const DY = [-1, -1, 0, 1, 1, 1, 0, -1];

export class SkeletonGraph {
  readonly nodeX: number[] = [];
  readonly nodeY: number[] = [];
  readonly nodeAlive: number[] = [];
  readonly edgeA: number[] = [];
  readonly edgeB: number[] = [];
  readonly edgeLen: number[] = [];
  readonly edgeAlive: number[] = [];
  /** Path pixels of edge e, from A to B, excluding the nodes: path[pathStart[e] .. + pathCount[e]). */
  readonly pathStart: number[] = [];
  readonly pathCount: number[] = [];
  readonly path: number[] = [];
  /** Edges ever attached to each node; `incident` filters the live ones. */
  private readonly attached: number[][] = [];

  constructor(readonly width: number) {}

  addNode(x: number, y: number): number {
    this.nodeX.push(x);
    this.nodeY.push(y);
    this.nodeAlive.push(1);
    this.attached.push([]);
    return this.nodeX.length - 1;
  }

  addEdge(a: number, b: number, pixels: readonly number[], len: number): number {
    this.edgeA.push(a);
    this.edgeB.push(b);
    this.edgeLen.push(len);
    this.edgeAlive.push(1);
    this.pathStart.push(this.path.length);
    this.pathCount.push(pixels.length);
    for (const p of pixels) this.path.push(p);
    const e = this.edgeA.length - 1;
    this.attached[a]!.push(e);
    if (b !== a) this.attached[b]!.push(e);
    return e;
  }

  /** Live edges at node u (a self-loop appears twice). */
  incident(u: number): number[] {
    const out: number[] = [];
    for (const e of this.attached[u]!) {
      if (!this.edgeAlive[e]) continue;
      out.push(e);
      if (this.edgeA[e] === this.edgeB[e]) out.push(e);
    }
    return out;
  }

  other(e: number, u: number): number {
    return this.edgeA[e] === u ? this.edgeB[e]! : this.edgeA[e]!;
  }

  /** Path pixels of e walking away from node u. */
  pathFrom(e: number, u: number): number[] {
    const s = this.pathStart[e]!;
    const pix = this.path.slice(s, s + this.pathCount[e]!);
    return this.edgeA[e] === u ? pix : pix.reverse();
  }
}

/** Builds the graph of a thinned image (with a background frame). */
export function buildGraph(skel: Uint8Array, w: number, h: number): SkeletonGraph {
  const g = new SkeletonGraph(w);
  const nodeOf = new Int32Array(w * h).fill(-1);
  const stack: number[] = [];
  // Node pixels are endings and junction pixels: found by one scan of the image.
  const candidates = nodeCandidatesWasm(skel, w, h);
  for (let ci = 0; ci < candidates.length; ci++) {
    const i = candidates[ci]!;
    if (nodeOf[i]! >= 0) continue;
    const nb = NEIGHBOURS[neighbourCode(skel, i, w)]!;
    // Endings are single pixels; junction pixels touching each other form one node.
    const id = g.addNode(0, 0);
    let sx = 0;
    let sy = 0;
    let n = 0;
    stack.push(i);
    nodeOf[i] = id;
    while (stack.length) {
      const c = stack.pop()!;
      sx += c % w;
      sy += (c / w) | 0;
      n++;
      if (nb === 1) continue;
      for (let k = 0; k < 8; k++) {
        const q = c + DY[k]! * w + DX[k]!;
        if (skel[q] && nodeOf[q]! < 0 && NEIGHBOURS[neighbourCode(skel, q, w)]! >= 3) {
          nodeOf[q] = id;
          stack.push(q);
        }
      }
    }
    g.nodeX[id] = sx / n;
    g.nodeY[id] = sy / n;
  }
  const visited = new Uint8Array(w * h);
  // Every candidate is now a node pixel (endings seed nodes, junction pixels seed or join one).
  for (let ci = 0; ci < candidates.length; ci++) {
    const i = candidates[ci]!;
    const u = nodeOf[i]!;
    for (let k = 0; k < 8; k++) {
      const q = i + DY[k]! * w + DX[k]!;
      if (!skel[q]) continue;
      const v0 = nodeOf[q]!;
      if (v0 === u) continue;
      if (v0 >= 0) {
        if (u < v0 && !g.incident(u).some((e) => g.other(e, u) === v0)) g.addEdge(u, v0, [], k & 1 ? Math.SQRT2 : 1);
        continue;
      }
      if (visited[q]) continue;
      const pixels: number[] = [];
      let len = k & 1 ? Math.SQRT2 : 1;
      let prev = i;
      let cur = q;
      let end = -1;
      while (end < 0) {
        visited[cur] = 1;
        pixels.push(cur);
        let next = -1;
        let step = 1;
        for (let j = 0; j < 8; j++) {
          const r = cur + DY[j]! * w + DX[j]!;
          if (r === prev || !skel[r]) continue;
          // Prefer a node over a path pixel so paths end where they touch a junction.
          if (next < 0 || (nodeOf[r]! >= 0 && nodeOf[next]! < 0)) {
            next = r;
            step = j & 1 ? Math.SQRT2 : 1;
          }
        }
        if (next < 0 || (visited[next] && nodeOf[next]! < 0)) break; // unterminated loop piece
        len += step;
        if (nodeOf[next]! >= 0) end = nodeOf[next]!;
        prev = cur;
        cur = next;
      }
      if (end >= 0) g.addEdge(u, end, pixels, len);
    }
  }
  return g;
}

/** Joins the two edges of a node left with two, so the ridge through it is one edge. */
function dissolve(g: SkeletonGraph, u: number, inc: number[]): void {
  const [e1, e2] = inc as [number, number];
  g.nodeAlive[u] = 0;
  g.edgeAlive[e1] = 0;
  g.edgeAlive[e2] = 0;
  if (e1 === e2) return; // an isolated loop: no minutiae
  const x = g.other(e1, u);
  const y = g.other(e2, u);
  const here = Math.round(g.nodeY[u]!) * g.width + Math.round(g.nodeX[u]!);
  const pixels = [...g.pathFrom(e1, u).reverse(), here, ...g.pathFrom(e2, u)];
  g.addEdge(x, y, pixels, g.edgeLen[e1]! + g.edgeLen[e2]!);
}

function kill(g: SkeletonGraph, e: number): void {
  g.edgeAlive[e] = 0;
}

/**
 * Removes thinning artefacts. `orientationAt(x, y)` gives the ridge orientation (radians, mod π)
 * so that bridges (links across the ridge flow) can be told from short ridge pieces.
 */
export function cleanGraph(g: SkeletonGraph, orientationAt: (x: number, y: number) => number): void {
  const p = extractParams.skeleton;
  for (let round = 0; round < 6; round++) {
    let changed = false;
    const nodes = g.nodeX.length;
    const deg = new Int32Array(nodes);
    for (let e = 0; e < g.edgeA.length; e++) {
      if (!g.edgeAlive[e]) continue;
      deg[g.edgeA[e]!]++;
      deg[g.edgeB[e]!]++;
    }
    for (let e = 0; e < g.edgeA.length; e++) {
      if (!g.edgeAlive[e]) continue;
      const a = g.edgeA[e]!;
      const b = g.edgeB[e]!;
      const len = g.edgeLen[e]!;
      const da = deg[a]!;
      const db = deg[b]!;
      let remove = false;
      if (da === 1 && db === 1) remove = len < p.fragment;
      else if ((da === 1 && db >= 3) || (db === 1 && da >= 3)) remove = len < p.spur;
      else if (a === b) remove = len < p.loop;
      else if (da >= 3 && db >= 3) {
        const twin = g.incident(a).find((f) => f !== e && g.other(f, a) === b);
        if (twin !== undefined && len + g.edgeLen[twin]! < p.loop) remove = len > g.edgeLen[twin]! || (len === g.edgeLen[twin]! && e > twin);
        else if (len < p.bridge) {
          const theta = orientationAt((g.nodeX[a]! + g.nodeX[b]!) / 2, (g.nodeY[a]! + g.nodeY[b]!) / 2);
          const link = Math.atan2(g.nodeY[b]! - g.nodeY[a]!, g.nodeX[b]! - g.nodeX[a]!);
          const across = Math.abs(Math.sin(link - theta));
          remove = across > Math.SQRT1_2;
        }
      }
      if (!remove) continue;
      kill(g, e);
      deg[a]--;
      deg[b]--;
      if (deg[a] === 0) g.nodeAlive[a] = 0;
      if (deg[b] === 0) g.nodeAlive[b] = 0;
      changed = true;
    }
    for (let u = 0; u < nodes; u++) {
      if (!g.nodeAlive[u]) continue;
      const inc = g.incident(u);
      if (inc.length === 0) g.nodeAlive[u] = 0;
      else if (inc.length === 2) {
        dissolve(g, u, inc);
        changed = true;
      }
    }
    if (!changed) break;
  }
}
