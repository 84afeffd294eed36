/**
 * Whole-sample symmetric extension (…, x2, x1, x0, x1, x2, …, x[n-2], x[n-1], x[n-2], …): the index
 * of the sample that position k takes, for n >= 2 (frames are at least 32 pixels a side).
 */
export function reflect(k: number, n: number): number {
  const period = 2 * (n - 1);
  const m = ((k % period) + period) % period;
  return m < n ? m : period - m;
}
