/** Resolution from a JFIF APP0 segment body (density in dots per inch or per cm); undefined when absent. */
const CM_PER_INCH = 2.54;

export function jfifPpi(body: Uint8Array): number | undefined {
  if (body.length < 12 || String.fromCharCode(...body.subarray(0, 5)) !== 'JFIF\0') return undefined;
  const units = body[7]!;
  const density = (body[8]! << 8) | body[9]!;
  if (density > 0 && units === 1) return density;
  if (density > 0 && units === 2) return Math.round(density * CM_PER_INCH);
  return undefined;
}
