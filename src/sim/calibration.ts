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
} as const;
