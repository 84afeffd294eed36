/**
 * The synthetic world's proportions, taken from the public figures in DOMAIN.md §6 (not data about
 * any person). How each number is derived is in docs/architecture.md, "The synthetic world".
 */
export const calibration = {
  /**
   * Citizenship of people booked. About 1 million of roughly 13 million yearly arrests are of
   * non-citizens (seed 001 and FBI UCR totals): about 8–9 %, split below.
   */
  citizenship: { us_born: 0.88, naturalized: 0.03, lpr: 0.03, visa_holder: 0.01, undocumented: 0.05 },
  /**
   * Share of each group with a record in the IDENT gallery. Naturalized citizens keep the
   * encounters from before naturalization (so US citizens do match); a few US-born citizens carry
   * a wrong record. Gives an IDENT match rate of about 7–9 % of bookings (ICE: 477,035 matches of
   * about 7 million prints, 6.6 %).
   */
  inGallery: { us_born: 0.003, naturalized: 0.9, lpr: 1, visa_holder: 1, undocumented: 0.45 },
  /** Naturalized citizens whose IDENT record still shows their former status (not updated). */
  staleStatusAfterNaturalization: 0.3,
  /**
   * Share with no conviction. TRAC: 77.4 % of detainers (FY2008–2012) and 47.7 % (Oct 2011 – Jan
   * 2013) were on people with no conviction; between the two, 55 % for the world.
   */
  noConviction: 0.55,
  /** Level of the worst conviction among those convicted (ICE matches: L1 71,197; L2 24,884; L3 49,019 booked). */
  convictionLevel: { 1: 0.3, 2: 0.2, 3: 0.5 },
  /** Status in IDENT of undocumented people: entry without inspection, overstay, or removed before. */
  undocumentedStatus: { entered_without_inspection: 0.6, overstay: 0.25, removed: 0.15 },
  /** Visa holders who overstayed. */
  visaOverstay: 0.3,
  /** People with a conviction are re-arrested more often: weight of a convicted person in the booking draw. */
  rearrestWeight: 3,
  /** Level of the charge at booking. */
  chargeLevel: { 1: 0.1, 2: 0.3, 3: 0.6 },

  // The figures below are this system's assumptions, not published figures: DOMAIN.md §6 gives
  // none for them. They are set so that each jurisdiction's rules meet cases now and then.

  /** People with a criminal record flagged in the national files (NCIC Gang and KST files, the state DOC, registries). */
  recordFlags: { gangMember: 0.05, tsdbMatch: 0.002, securityRiskGroup: 0.03, sexRegistrant: 0.03, arsonRegistrant: 0.003 },
  /** People with a criminal record who have an outstanding arrest warrant, and who issued it. */
  outstandingWarrant: 0.08,
  warrantIssuer: { state: 0.7, federal: 0.2, local: 0.1 },
  /** Warrants signed by a judge (arrest and bench warrants; parole or local administrative ones are not). */
  judicialWarrant: { state: 0.95, federal: 0.9, local: 0.5 },
  felonyWarrant: 0.4,
  /** Felony convictions from a federal court (about 6 % of felony convictions: BJS, state vs. federal sentencing totals). */
  federalConviction: 0.06,
  /**
   * Bail posted before the otherwise-release time, by the level of the worst charge (BJS, Felony
   * Defendants in Large Urban Counties, 2009: 62 % of felony defendants released before disposition,
   * fewer for the most serious charges).
   */
  bondPosted: { 1: 0.3, 2: 0.5, 3: 0.75 },
  /** Felony charges held without bail that a magistrate found probable cause on by the time ICE asks. */
  probableCauseFinding: 0.8,
  /**
   * Claims of US citizenship by people ICE encounters (an IDENT record): most US citizens matched
   * by mistake say so once served the detainer notice (Dec 2011 I-247: notice and hotline); some
   * non-citizens claim too (derived citizenship they did not know of, or a false claim).
   */
  citizenshipClaim: { citizen: 0.8, nonCitizen: 0.03 },
  /** Hours after the booking that the claim is made: from the detainer notice to days into a hold. */
  claimDelayHours: { min: 1, max: 96 },
  /** Who hears the claim. */
  claimChannel: { jail: 0.7, hotline: 0.3 },
} as const;
