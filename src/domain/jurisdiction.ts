/** Jurisdictions and their dated activation history (DOMAIN.md §2). */
export interface Jurisdiction {
  id: string;
  name: string;
  state: string;
  ori: string;
  /** The rule set its jail answers detainers under (a policies/*.policy id). */
  rulesetId: string;
}

/**
 * One dated row of a jail's activation history: its state from `effectiveFrom` on. Whether a
 * request not to share has effect is not part of it: the federal opt-out policy in force decides
 * (src/pipeline/participation.ts).
 */
export interface Activation {
  effectiveFrom: Date;
  activated: boolean;
  optOutRequested: boolean;
  note: string;
}
