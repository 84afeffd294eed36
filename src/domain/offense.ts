/** Offenses as charged at booking and as convicted, with their Secure Communities level (DOMAIN.md §3). */

/** 1 = aggravated felony or 2+ crimes over a year; 2 = other felony or 3+ under a year; 3 = under a year. */
export type OffenseLevel = 1 | 2 | 3;

export interface ArrestCharge {
  offense: string;
  /** NCIC offense code, 4 digits. */
  ncic: string;
  level: OffenseLevel;
  felony: boolean;
}

export interface Conviction {
  id: string;
  offense: string;
  ncic: string;
  level: OffenseLevel;
  felony: boolean;
  aggravated: boolean;
  maxMonths: number;
  convictedOn: string;
}

/** The most serious level among convictions (1 beats 2 beats 3), or null for none ("non-criminal"). */
export function convictionLevel(convictions: readonly Pick<Conviction, 'level'>[]): OffenseLevel | null {
  let best: OffenseLevel | null = null;
  for (const c of convictions) if (best === null || c.level < best) best = c.level;
  return best;
}
