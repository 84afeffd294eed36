/** Offenses as charged at booking and as convicted, with their Secure Communities level (DOMAIN.md §3). */

/** 1 = aggravated felony or 2+ crimes over a year; 2 = other felony or 3+ under a year; 3 = under a year. */
export type OffenseLevel = 1 | 2 | 3;

export interface ArrestCharge {
  offense: string;
  /** NCIC offense code, 4 digits. */
  ncic: string;
  level: OffenseLevel;
  felony: boolean;
  /** Statutory maximum in months, when the submission gives it (else it is read from the level). */
  maxMonths?: number;
  /** The state's felony class (Connecticut A–E), when given. */
  felonyClass?: string;
  /** Bail posted; unknown is read as posted, the protective reading (no "bond not posted" hold). */
  bondPosted?: boolean;
  /** A magistrate found probable cause on the charge (Cal. Gov. Code 7282.5(b)). */
  probableCauseFinding?: boolean;
}

export interface Conviction {
  id: string;
  offense: string;
  ncic: string;
  level: OffenseLevel;
  felony: boolean;
  aggravated: boolean;
  maxMonths: number;
  /** The state's felony class (Connecticut A–E); null for misdemeanors and unclassified felonies. */
  felonyClass: string | null;
  /** Convicted in a federal court. */
  federal: boolean;
  convictedOn: string;
}

/**
 * A statutory maximum that reproduces a Secure Communities level when the record does not give
 * one: level 3 is "punishable by less than one year", levels 1–2 by more.
 */
export function maxMonthsOfLevel(level: OffenseLevel): number {
  return level === 3 ? 6 : 24;
}

/** An outstanding arrest warrant (NCIC Wanted Person File). */
export interface Warrant {
  issuer: 'state' | 'federal' | 'local';
  /** Two-letter code of the issuing state; null for federal warrants. */
  state: string | null;
  /** Issued or signed by a judge or magistrate. */
  judicial: boolean;
  felony: boolean;
  /** A civil immigration warrant. */
  immigration: boolean;
  description: string;
  issuedOn: string;
}

/** What the national files say about a person beyond convictions (NCIC Gang and KST files, registries, the state DOC). */
export interface RecordFlags {
  gangMember: boolean;
  tsdbMatch: boolean;
  securityRiskGroup: boolean;
  sexRegistrant: boolean;
  arsonRegistrant: boolean;
}

/** The most serious level among convictions (1 beats 2 beats 3), or null for none ("non-criminal"). */
export function convictionLevel(convictions: readonly Pick<Conviction, 'level'>[]): OffenseLevel | null {
  let best: OffenseLevel | null = null;
  for (const c of convictions) if (best === null || c.level < best) best = c.level;
  return best;
}
