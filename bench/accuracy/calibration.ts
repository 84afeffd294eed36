/**
 * A fixed integer loop timed in CPU time, printed with the figures: on a shared or throttled
 * machine every speed figure scales with it, so runs taken under different load can be compared
 * (a modern core at rest needs about 1–1.5 ns per iteration).
 */
export function calibrationNsPerIteration(): number {
  const a = new Int32Array(4096).map((_, i) => i * 7);
  let s = 0;
  const iterations = 4096 * 5000;
  const c0 = process.cpuUsage().user;
  for (let r = 0; r < 5000; r++) for (let i = 0; i < 4096; i++) s += a[(i * 13) & 4095]! ^ r;
  const ns = ((process.cpuUsage().user - c0) * 1000) / iterations;
  return s === 0.5 ? -1 : ns; // uses s so the loop cannot be dropped
}
