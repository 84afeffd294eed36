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
function removeSmall(bin: Uint8Array, mask: Uint8Array, w: number, value: number, minArea: number): void {
  const seen = new Uint8Array(bin.length);
  const stack = new Int32Array(bin.length);
  const members = new Int32Array(bin.length);
  const offsets = value === 1 ? [-w - 1, -w, -w + 1, -1, 1, w - 1, w, w + 1] : [-w, -1, 1, w];
  const nOff = offsets.length;
  for (let s = 0; s < bin.length; s++) {
    if (seen[s] || bin[s] !== value || !mask[s]) continue;
    let top = 0;
    let count = 0;
    let open = false;
    stack[top++] = s;
    seen[s] = 1;
    while (top > 0) {
      const c = stack[--top]!;
      members[count++] = c;
      for (let k = 0; k < nOff; k++) {
        const nb = c + offsets[k]!;
        if (!mask[nb]) open = true;
        else if (!seen[nb] && bin[nb] === value) {
          seen[nb] = 1;
          stack[top++] = nb;
        }
      }
    }
    // A valley open to the background is not a hole, however small.
    if (count < minArea && !(value === 0 && open)) {
      for (let k = 0; k < count; k++) bin[members[k]!] = 1 - value;
    }
  }
}

export function binarize(enhanced: Float32Array, mask: Uint8Array, w: number, h: number): Uint8Array {
  const bin = new Uint8Array(w * h);
  for (let i = 0; i < bin.length; i++) bin[i] = mask[i] && enhanced[i]! > 0 ? 1 : 0;
  const { minArea } = extractParams.binarize;
  removeSmall(bin, mask, w, 1, minArea);
  removeSmall(bin, mask, w, 0, minArea);
  return bin;
}
