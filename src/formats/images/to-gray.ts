/**
 * Channel reduction to 8-bit gray. Colour uses ITU-R BT.601 luma in integers, so gray pixels
 * stored as R=G=B come back unchanged; alpha is composited over white (paper) so transparent
 * margins do not turn into black ridges.
 */
export function interleavedToGray(data: Uint8Array, pixelCount: number, channels: number, hasAlpha: boolean): Uint8Array {
  const out = new Uint8Array(pixelCount);
  const colour = channels - (hasAlpha ? 1 : 0) >= 3;
  for (let i = 0, p = 0; i < pixelCount; i++, p += channels) {
    let g = colour ? luma(data[p]!, data[p + 1]!, data[p + 2]!) : data[p]!;
    if (hasAlpha) {
      const a = data[p + channels - 1]!;
      g = Math.floor((g * a + 255 * (255 - a) + 127) / 255);
    }
    out[i] = g;
  }
  return out;
}

export function luma(r: number, g: number, b: number): number {
  return Math.floor((r * 299 + g * 587 + b * 114 + 500) / 1000);
}
