/**
 * Binarisation of the enhanced image by sign (ridge = 1), then removal of ridge islands and
 * valley holes smaller than a few ridge widths: dots, pores and noise that would otherwise
 * become false endings and false bifurcation pairs after thinning.
 */
import { extractParams } from './params.ts';

/**
 * Flips every component of `value` (8-connected for ridges, 4 for valleys) smaller than minArea.
 * The mask's outer frame is background, so neighbours of masked pixels are always in the image.
 */
function removeSmall(bin: Uint8Array, mask: Uint8Array, w: number, value: number, minArea: number, seen: Uint8Array, queue: Int32Array): void {
  seen.fill(0);
  const offsets = Int32Array.from(value === 1 ? [-w - 1, -w, -w + 1, -1, 1, w - 1, w, w + 1] : [-w, -1, 1, w]);
  const nOff = offsets.length;
  for (let s = 0; s < bin.length; s++) {
    if (seen[s] || bin[s] !== value || !mask[s]) continue;
    // Breadth-first: when the queue drains, queue[0 .. count) is the whole component.
    let count = 0;
    let open = false;
    queue[count++] = s;
    seen[s] = 1;
    for (let head = 0; head < count; head++) {
      const c = queue[head]!;
      for (let k = 0; k < nOff; k++) {
        const nb = c + offsets[k]!;
        if (!mask[nb]) open = true;
        else if (!seen[nb] && bin[nb] === value) {
          seen[nb] = 1;
          queue[count++] = nb;
        }
      }
    }
    // A valley open to the background is not a hole, however small.
    if (count < minArea && !(value === 0 && open)) {
      for (let k = 0; k < count; k++) bin[queue[k]!] = 1 - value;
    }
  }
}

export function binarize(enhanced: Float32Array, mask: Uint8Array, w: number, h: number): Uint8Array {
  const bin = new Uint8Array(w * h);
  for (let i = 0; i < bin.length; i++) bin[i] = mask[i] && enhanced[i]! > 0 ? 1 : 0;
  const { minArea } = extractParams.binarize;
  const seen = new Uint8Array(bin.length);
  const queue = new Int32Array(bin.length);
  removeSmall(bin, mask, w, 1, minArea, seen, queue);
  removeSmall(bin, mask, w, 0, minArea, seen, queue);
  return bin;
}
