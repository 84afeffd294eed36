/**
 * Verification error rates from genuine and impostor score lists (higher score = more similar;
 * a comparison matches when score ≥ threshold). Rates are fractions.
 */
export interface ErrorRates {
  /** Equal error rate: where FMR and FNMR cross (their mean at the closest threshold). */
  eer: number;
  /** FNMR at the lowest threshold whose FMR ≤ 1%, 0.1% and 0. */
  fnmrAt1e2: number;
  fnmrAt1e3: number;
  zeroFmr: number;
}

/** FNMR at the lowest threshold whose FMR does not exceed `fmr`. */
function fnmrAtFmr(gen: Float64Array, imp: Float64Array, fmr: number): number {
  // Allowed false matches; the threshold must lie above the (allowed + 1)-th highest impostor score.
  const allowed = Math.floor(fmr * imp.length + 1e-9);
  if (allowed >= imp.length) return 0;
  const bar = imp[imp.length - 1 - allowed]!;
  let rejected = 0;
  for (const g of gen) if (g <= bar) rejected++;
  return rejected / gen.length;
}

export function errorRates(genuine: ArrayLike<number>, impostor: ArrayLike<number>): ErrorRates {
  const gen = Float64Array.from(genuine).sort();
  const imp = Float64Array.from(impostor).sort();
  // Sweep thresholds over all distinct scores (plus one above all).
  const all = Float64Array.from([...gen, ...imp, Infinity]).sort();
  let eer = 1;
  let bestGap = Infinity;
  let gi = 0;
  let ii = 0;
  for (let t = 0; t < all.length; t++) {
    const thr = all[t]!;
    if (t > 0 && thr === all[t - 1]) continue;
    while (gi < gen.length && gen[gi]! < thr) gi++;
    while (ii < imp.length && imp[ii]! < thr) ii++;
    const fnmr = gi / gen.length;
    const fmr = (imp.length - ii) / imp.length;
    const gap = Math.abs(fnmr - fmr);
    if (gap < bestGap) {
      bestGap = gap;
      eer = (fnmr + fmr) / 2;
    }
  }
  return {
    eer,
    fnmrAt1e2: fnmrAtFmr(gen, imp, 0.01),
    fnmrAt1e3: fnmrAtFmr(gen, imp, 0.001),
    zeroFmr: fnmrAtFmr(gen, imp, 0),
  };
}
