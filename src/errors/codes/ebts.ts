import { defineCodes } from '../define.ts';

/** FBI EBTS transactions and their field rules (src/formats/ebts). */
export const ebtsCodes = defineCodes({
  SECCOM_EBTS_RULES_INVALID: {
    status: 500,
    title: 'EBTS rule file unreadable',
    description:
      'The OpenEBTS verification file (or a value list it refers to) is missing or does not parse. The location gives the file and line. Set SECCOM_EBTS_RULES to the file path if it lives elsewhere.',
  },
  SECCOM_EBTS_UNKNOWN_TOT: {
    status: 422,
    title: 'Unknown type of transaction',
    description: 'The 1.004 TOT is not defined in the EBTS rule file, or is not the kind this entry point accepts (intake accepts CAR and CNA).',
  },
  SECCOM_EBTS_MISSING_FIELD: {
    status: 422,
    title: 'Mandatory EBTS field missing',
    description: 'The rules for the transaction type make this field (or item) mandatory and the record does not have it. The location names the record and field.',
  },
  SECCOM_EBTS_BAD_FIELD: {
    status: 422,
    title: 'Malformed EBTS field',
    description:
      'A field breaks its EBTS rule: wrong length, characters outside its type (A, N, AN, ANS, NS, AS plus listed specials), too many or too few occurrences, a value outside its code list, an invalid date, or a failed pattern. The message quotes the rule.',
  },
  SECCOM_EBTS_RECORD_COUNT: {
    status: 422,
    title: 'Wrong number of records for the transaction',
    description: 'The transaction type requires a number of records of a type (for example 1 to 14 Type-4/14 fingerprint records for CAR) and the file has another.',
  },
});
