import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FingerTemplate, Minutia } from '../template.ts';
import { EDGE_NEIGHBOURS, MAX_EDGE, packTemplate } from './packed-template.ts';

/** Each minutia's neighbours as the plain scan over every other one orders them: nearest first, ties to the lower index. */
function plainNeighbours(x: ArrayLike<number>, y: ArrayLike<number>): number[][] {
  return Array.from({ length: x.length }, (_, i) =>
    Array.from({ length: x.length }, (_, j) => ({ j, d: (x[j]! - x[i]!) ** 2 + (y[j]! - y[i]!) ** 2 }))
      .filter((o) => o.j !== i && o.d <= MAX_EDGE * MAX_EDGE)
      .sort((a, b) => a.d - b.d || a.j - b.j)
      .slice(0, EDGE_NEIGHBOURS)
      .map((o) => o.j),
  );
}

test('packing keeps each minutia’s nearest neighbours as a plain scan would, ties and the edge limit included', () => {
  let seed = 11;
  const r = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  for (let t = 0; t < 200; t++) {
    // A coarse grid gives many equal distances; a wide spread gives edges past MAX_EDGE.
    const grid = t % 2 === 0;
    const spread = grid ? 12 : 100 + r() * 800;
    const minutiae: Minutia[] = Array.from({ length: 2 + Math.floor(r() * 80) }, () => ({
      x: grid ? Math.floor(r() * spread) * 20 : r() * spread,
      y: grid ? Math.floor(r() * spread) * 20 : r() * spread,
      angle: r() * 2 * Math.PI,
      type: 'ending',
      quality: Math.floor(r() * 100),
    }));
    const template: FingerTemplate = { width: 1000, height: 1000, ppi: 500, position: 0, quality: 50, minutiae };
    const p = packTemplate(template);
    const got = Array.from({ length: p.count }, (_, i) => Array.from(p.edgeTo.subarray(p.edgeStart[i]!, p.edgeStart[i + 1]!)));
    assert.deepEqual(got, plainNeighbours(p.x, p.y), `template ${t}`);
  }
});
