/**
 * Binarisation of the enhanced image by sign (ridge = 1), then removal of ridge islands and
 * valley holes smaller than a few ridge widths: dots, pores and noise that would otherwise
 * become false endings and false bifurcation pairs after thinning.
 */
import { extractParams } from './params.ts';

/**
 * Flips every component of `value` (8-connected for ridges, 4 for valleys) smaller than minArea;
 * a valley touching the background is never a hole. Each search stops as soon as the component is
 * known to stay (large enough, open, or touching a pixel already known to stay) and marks what it
 * saw, so the whole image costs about one visit per pixel. The mask's outer frame is background,
 * so neighbours of masked pixels are always inside the image.
 */
function removeSmall(bin: Uint8Array, mask: Uint8Array, w: number, value: number, minArea: number, state: Uint8Array, queue: Int32Array): void {
  const UNSEEN = 0;
  const QUEUED = 1;
  const STAYS = 2;
  state.fill(UNSEEN);
  const offsets = Int32Array.from(value === 1 ? [-w - 1, -w, -w + 1, -1, 1, w - 1, w, w + 1] : [-w, -1, 1, w]);
  const nOff = offsets.length;
  for (let s = 0; s < bin.length; s++) {
    if (state[s] !== UNSEEN || bin[s] !== value || !mask[s]) continue;
    let count = 0;
    let stays = false;
    queue[count++] = s;
    state[s] = QUEUED;
    for (let head = 0; head < count && !stays; head++) {
      const c = queue[head]!;
      for (let k = 0; k < nOff; k++) {
        const nb = c + offsets[k]!;
        if (!mask[nb]) {
          if (value === 0) stays = true;
        } else if (bin[nb] === value) {
          if (state[nb] === STAYS) stays = true;
          else if (state[nb] === UNSEEN) {
            state[nb] = QUEUED;
            queue[count++] = nb;
          }
        }
      }
      if (count >= minArea) stays = true;
    }
    for (let k = 0; k < count; k++) {
      const q = queue[k]!;
      state[q] = STAYS;
      if (!stays) bin[q] = 1 - value;
    }
  }
}

export function binarize(enhanced: Float32Array, mask: Uint8Array, w: number, h: number): Uint8Array {
  const bin = new Uint8Array(w * h);
  for (let i = 0; i < bin.length; i++) bin[i] = mask[i] && enhanced[i]! > 0 ? 1 : 0;
  const { minArea } = extractParams.binarize;
  const state = new Uint8Array(bin.length);
  const queue = new Int32Array(bin.length);
  removeSmall(bin, mask, w, 1, minArea, state, queue);
  removeSmall(bin, mask, w, 0, minArea, state, queue);
  return bin;
}
