/**
 * The standard's analysis filters (IAFIS-IC-0110, the biorthogonal 9/7 pair): symmetric, given from
 * the centre tap outwards. The encoder filters with them and stores these halves in its DTT; a
 * decoder derives its synthesis filters from the DTT (tables.ts).
 */
export const ANALYSIS_LOWPASS_HALF = [
  0.852698679009403, 0.377402855612654, -0.110624404418423, -0.023849465019381, 0.037828455506995,
] as const;

export const ANALYSIS_HIGHPASS_HALF = [0.788485616405664, -0.418092273222212, -0.040689417609558, 0.064538882628938] as const;
