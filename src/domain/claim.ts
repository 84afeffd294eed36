/**
 * A claim of US citizenship (DOMAIN.md §4, §8): whoever hears it records it with its time, and it
 * stops any detainer clock for good and escalates the case (src/pipeline/claims.ts).
 */

/** Who heard the claim: the jail, the LESC analyst, the ICE officer, or the hotline on the I-247 notice (Dec 2011). */
export const CLAIM_CHANNELS = ['jail', 'lesc', 'ero', 'hotline'] as const;
export type ClaimChannel = (typeof CLAIM_CHANNELS)[number];
