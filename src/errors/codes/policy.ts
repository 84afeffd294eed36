import { defineCodes } from '../define.ts';

/** Policy engine: rule files, case files, evaluation and the detainer clock. */
export const policyCodes = defineCodes({
  SECCOM_POLICY_SYNTAX: {
    status: 422,
    title: 'Malformed rule file',
    description:
      'A policies/*.policy file does not follow the rule language (docs/policy-language.md). The location names the file, line and rule; fix the line and run `npx seccom policy check`.',
  },
  SECCOM_POLICY_SCHEMA: {
    status: 422,
    title: 'Invalid rule',
    description:
      'A rule file parses but breaks the schema: an unknown fact, a value outside a decision\'s values, a type mismatch, a missing citation or date. The location names the file, line and rule.',
  },
  SECCOM_POLICY_CONTRADICTION: {
    status: 422,
    title: 'Contradictory rules',
    description:
      'Two versions of the same decision are in force on the same date, two rules with the same condition give different outcomes, or rules that fired on a case disagree. Nothing is decided by default: fix the rule files.',
  },
  SECCOM_POLICY_UNKNOWN_JURISDICTION: {
    status: 404,
    title: 'Unknown jurisdiction',
    description: 'No rule file under policies/ declares this jurisdiction id. `npx seccom policy check` lists the known ones.',
  },
  SECCOM_POLICY_NOT_IN_FORCE: {
    status: 422,
    title: 'No rules in force at that date',
    description:
      'The date lies outside the range of every rule set that could decide this question (for example before Secure Communities began on 2008-10-27). The engine never falls back to a default.',
  },
  SECCOM_POLICY_CASE_INVALID: {
    status: 422,
    title: 'Invalid case facts',
    description: 'A case file or case record does not match the case format (docs/policy-case-format.md). The location names the field.',
  },
  SECCOM_POLICY_TIME_INVALID: {
    status: 422,
    title: 'Invalid time or time zone',
    description:
      'A release time is not ISO 8601 with an offset (e.g. 2024-12-24T17:00:00-05:00), a date is not YYYY-MM-DD, or a time zone is not an IANA name (e.g. America/New_York).',
  },
});
