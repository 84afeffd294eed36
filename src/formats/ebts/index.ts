/**
 * FBI EBTS transactions on top of ANSI/NIST-ITL: field rules loaded at run time from the
 * OpenEBTS verification file, validation per type of transaction, and typed builders and readers
 * for CAR/CNA submissions and SRE/ERRT answers.
 */
export { loadEbtsRules, defaultRulesPath } from './rules.ts';
export { parseRuleFile, type EbtsRuleSet, type FieldRule, type TransactionDef } from './rules-file.ts';
export { validateEbts, requirementFor } from './validate.ts';
export { readHeader, type TransactionHeader } from './header.ts';
export {
  readTransaction,
  tenprintFromFile,
  tenprintTots,
  type TenprintSubmission,
  type TenprintTot,
  type Subject,
  type Arrest,
  type Offense,
  type ReadTransactionOptions,
} from './tenprint.ts';
export {
  buildTenprint,
  buildSre,
  buildErrt,
  errtMessages,
  respondTo,
  type TenprintInput,
  type FingerprintInput,
  type SreInput,
  type ErrtInput,
  type ResponseRouting,
} from './build.ts';
export { readResponse, type SreResponse, type ErrtResponse } from './responses.ts';
