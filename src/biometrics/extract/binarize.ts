/**
 * Binarisation of the enhanced image by sign (ridge = 1), then removal of ridge islands and
 * valley holes smaller than a few ridge widths: dots, pores and noise that would otherwise
 * become false endings and false bifurcation pairs after thinning.
 */
import { extractParams } from './params.ts';

/**
 * Flips every component of `value` (8-connected for ridges, 4 for valleys) smaller than minArea;
 * a valley touching the background is never a hole. `cell` holds 0 outside the mask, else 1 +
 * the pixel's value, so each neighbour costs one read. Each search stops as soon as the
 * component is known to stay (large enough, open, or touching a pixel already known to stay) and
 * marks what it saw, so the whole image costs about one visit per pixel. The mask's outer frame
 * is background, so neighbours of masked pixels are always inside the image.
 */
function removeSmall(cell: Uint8Array, w: number, h: number, frame: number, value: number, minArea: number, state: Uint8Array, queue: Int32Array): void {
  const UNSEEN = 0;
  const QUEUED = 1;
  const STAYS = 2;
  state.fill(UNSEEN);
  const offsets = Int32Array.from(value === 1 ? [-w - 1, -w, -w + 1, -1, 1, w - 1, w, w + 1] : [-w, -1, 1, w]);
  const nOff = offsets.length;
  const mine = 1 + value;
  for (let y = frame; y < h - frame; y++) {
    for (let s = y * w + frame, end = y * w + w - frame; s < end; s++) {
      if (state[s] !== UNSEEN || cell[s] !== mine) continue;
      let count = 0;
      let stays = false;
      queue[count++] = s;
      state[s] = QUEUED;
      for (let head = 0; head < count && !stays; head++) {
        const c = queue[head]!;
        for (let k = 0; k < nOff; k++) {
          const nb = c + offsets[k]!;
          const v = cell[nb]!;
          if (v === mine) {
            const st = state[nb]!;
            if (st === STAYS) stays = true;
            else if (st === UNSEEN) {
              state[nb] = QUEUED;
              queue[count++] = nb;
            }
          } else if (v === 0 && value === 0) stays = true;
        }
        if (count >= minArea) stays = true;
      }
      const flipped = 3 - mine;
      for (let k = 0; k < count; k++) {
        const q = queue[k]!;
        state[q] = STAYS;
        if (!stays) cell[q] = flipped;
      }
    }
  }
}

export function binarize(enhanced: Float32Array, mask: Uint8Array, w: number, h: number): Uint8Array {
  const cell = new Uint8Array(w * h);
  for (let i = 0; i < cell.length; i++) cell[i] = mask[i] ? (enhanced[i]! > 0 ? 2 : 1) : 0;
  const { minArea } = extractParams.binarize;
  // Mask pixels lie inside the segmentation frame.
  const frame = extractParams.segmentation.frame;
  const state = new Uint8Array(cell.length);
  const queue = new Int32Array(cell.length);
  removeSmall(cell, w, h, frame, 1, minArea, state, queue);
  removeSmall(cell, w, h, frame, 0, minArea, state, queue);
  for (let i = 0; i < cell.length; i++) cell[i] = cell[i] === 2 ? 1 : 0;
  return cell;
}
