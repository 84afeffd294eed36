/** Jurisdictions and their dated activation (DOMAIN.md §2): the row in force at a time decides sharing with DHS. */
export interface Jurisdiction {
  id: string;
  name: string;
  state: string;
  ori: string;
  /** The rule set its jail answers detainers under (a policies/*.policy id). */
  rulesetId: string;
}

export interface Activation {
  effectiveFrom: Date;
  activated: boolean;
  optOutRequested: boolean;
  /** Whether federal policy at that time gives an opt-out request effect (it stopped on 5 Aug 2011). */
  optOutHonoured: boolean;
  note: string;
}

export interface SharingDecision {
  forward: boolean;
  reason: string;
}

/** Whether prints booked at `at` go on to DHS: activated, and no opt-out that policy honours. */
export function dhsSharingAt(activations: readonly Activation[], at: Date): SharingDecision {
  let current: Activation | undefined;
  for (const a of activations) {
    if (a.effectiveFrom.getTime() <= at.getTime() && (!current || a.effectiveFrom > current.effectiveFrom)) current = a;
  }
  if (!current || !current.activated) return { forward: false, reason: 'jurisdiction not activated' };
  if (current.optOutRequested && current.optOutHonoured) return { forward: false, reason: 'opt-out requested and honoured' };
  if (current.optOutRequested) return { forward: true, reason: 'activated; opt-out requested but not honoured (participation mandatory)' };
  return { forward: true, reason: 'activated' };
}
