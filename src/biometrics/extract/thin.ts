/**
 * Thinning of the binary ridge image to a one-pixel skeleton: Zhang–Suen's two sub-iterations
 * (table-driven), then one sequential pass deleting the remaining simple non-end pixels so that
 * staircase corners go and every skeleton pixel has exactly the neighbours its topology needs
 * (1 at an ending, 2 along a ridge, 3 or more at a junction).
 */
import { thinWasm } from './filters-core.ts';

/** 8-neighbour code, bit 0 = N then clockwise: N, NE, E, SE, S, SW, W, NW. */
export function neighbourCode(img: Uint8Array, i: number, w: number): number {
  return (
    img[i - w]! |
    (img[i - w + 1]! << 1) |
    (img[i + 1]! << 2) |
    (img[i + w + 1]! << 3) |
    (img[i + w]! << 4) |
    (img[i + w - 1]! << 5) |
    (img[i - 1]! << 6) |
    (img[i - w - 1]! << 7)
  );
}

const bit = (code: number, k: number) => (code >> (k & 7)) & 1;

/** Number of set neighbours. */
export const NEIGHBOURS = Uint8Array.from({ length: 256 }, (_, c) => {
  let n = 0;
  for (let k = 0; k < 8; k++) n += bit(c, k);
  return n;
});

/** 0→1 transitions around the neighbourhood (Rutovitz crossing number × 2 / 2 for binary rings). */
export const TRANSITIONS = Uint8Array.from({ length: 256 }, (_, c) => {
  let t = 0;
  for (let k = 0; k < 8; k++) if (!bit(c, k) && bit(c, k + 1)) t++;
  return t;
});

/** Yokoi 8-connectivity number: how many 8-connected neighbour groups removing the pixel would separate. */
const CONNECTIVITY8 = Uint8Array.from({ length: 256 }, (_, c) => {
  // Work in E, NE, N, NW, W, SW, S, SE order, complemented.
  const order = [2, 1, 0, 7, 6, 5, 4, 3];
  const xb = (k: number) => 1 - bit(c, order[k % 8]!);
  let n = 0;
  for (const k of [0, 2, 4, 6]) n += xb(k) - xb(k) * xb(k + 1) * xb(k + 2);
  return n;
});

function zhangSuenTable(second: boolean): Uint8Array {
  return Uint8Array.from({ length: 256 }, (_, c) => {
    const b = NEIGHBOURS[c]!;
    if (b < 2 || b > 6 || TRANSITIONS[c] !== 1) return 0;
    const [n, e, s, w] = [bit(c, 0), bit(c, 2), bit(c, 4), bit(c, 6)];
    return second ? (n * e * w === 0 && n * s * w === 0 ? 1 : 0) : n * e * s === 0 && e * s * w === 0 ? 1 : 0;
  });
}

const STEP1 = zhangSuenTable(false);
const STEP2 = zhangSuenTable(true);

const TABLES = Uint8Array.from([...STEP1, ...STEP2, ...NEIGHBOURS, ...CONNECTIVITY8]);

/**
 * Thins `bin` in place (it must have a background frame of one pixel). A pixel is only re-tested
 * by a sub-iteration when a neighbour was deleted since that sub-iteration last kept it; the rest
 * would be kept again (wasm/extract/binary.ts).
 */
export function thin(bin: Uint8Array, w: number): void {
  thinWasm(bin, w, TABLES);
}
