/**
 * Huffman categories of WSQ entropy-coded data (IAFIS-IC-0110 Table 3): 1..100 zero runs of that
 * length, 101..106 escapes (8/16-bit positive and negative coefficients, 8/16-bit zero runs),
 * 107..254 coefficients -73..74 offset by 180. Modules copy these into local constants (hot loops).
 */
export const CATEGORY = {
  MAX_SHORT_RUN: 100,
  POS_8: 101,
  NEG_8: 102,
  POS_16: 103,
  NEG_16: 104,
  RUN_8: 105,
  RUN_16: 106,
  COEFF_OFFSET: 180,
  MIN_COEFF: -73,
  MAX_COEFF: 74,
} as const;
