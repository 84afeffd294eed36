/**
 * WSQ stores reals as (scale exponent, integer): value = integer / 10^scale. Decoders must divide by
 * ten once per step in single precision, as the reference implementation does, or reconstructed
 * pixels differ by one here and there.
 */
export function scaledToFloat(raw: number, scale: number): number {
  let v = Math.fround(raw);
  for (let i = 0; i < scale; i++) v = Math.fround(v / 10);
  return v;
}
