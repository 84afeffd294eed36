/**
 * The facts of one case, as the policy engine reads them (docs/policy-case-format.md). The
 * pipeline maps its booking, IAR and detainer records to this shape; the CLI reads it from JSON.
 * Everything a rule may ask about is here, so a decision depends on nothing else.
 */
import { z } from 'zod';
import { SeccomError } from '../../errors/index.ts';
import { isLocalDate } from '../time/local-date.ts';
import { parseInstant } from '../time/zoned-time.ts';

const localDate = z.string().refine(isLocalDate, 'a calendar date YYYY-MM-DD');
const instant = z.string().refine((s) => {
  try {
    parseInstant(s);
    return true;
  } catch {
    return false;
  }
}, 'an ISO 8601 time with offset, e.g. 2024-12-24T17:00:00-05:00');
const symbol = z.string().regex(/^[A-Za-z][A-Za-z0-9_.\-/]*$/, 'a word: letters, digits, - _ . /');
const stateCode = z.string().regex(/^[A-Z]{2}$/, 'a two-letter state code');
const flag = z.boolean().default(false);

export const DETAINER_FORMS = ['I-247', 'I-247D', 'I-247N', 'I-247X'] as const;
export type DetainerForm = (typeof DETAINER_FORMS)[number];
export const IMMIGRATION_STATUSES = ['us-citizen', 'lawful-permanent-resident', 'asylee', 'nonimmigrant', 'unlawfully-present', 'unknown'] as const;

const offense = {
  /** Statute section or NCIC offense code. */
  code: z.string().min(1),
  description: z.string().default(''),
  /** Offense family used by the lists in the rules (assault, burglary, dui, drug-sale …). */
  family: symbol.default('other'),
  severity: z.enum(['felony', 'misdemeanor', 'infraction']),
  /** The state's class of the offense where it has one (Conn.: felony classes A–E, "unclassified"). */
  class: symbol.optional(),
  /** Statutory maximum, months of imprisonment; "life" for life. */
  maxSentenceMonths: z.union([z.number().min(0), z.literal('life')]),
  /** Meets 8 U.S.C. 1101(a)(43) as determined by the source record. */
  aggravatedFelony: flag,
  /** The state whose law defines it; absent for federal offenses. */
  state: stateCode.optional(),
  federal: flag,
  /** California classifications: Penal Code 1192.7(c) serious, 667.5(c) violent, state-prison felony. */
  caSerious: flag,
  caViolent: flag,
  statePrison: flag,
  /** Chargeable as misdemeanor or felony ("wobbler"). */
  wobbler: flag,
  traffic: flag,
  /** A state or local offense whose essential element is immigration status. */
  immigrationStatusOffense: flag,
  /** Active participation in a criminal street gang is an element. */
  gangElement: flag,
};

export const chargeSchema = z.strictObject({
  ...offense,
  pending: z.boolean().default(true),
  bondPosted: flag,
  /** A magistrate found probable cause (Cal. Gov. Code 7282.5(b)). */
  probableCauseFinding: flag,
});

export const convictionSchema = z.strictObject({
  ...offense,
  date: localDate,
  /** Custody imposed and not suspended, in days. */
  custodyDays: z.number().int().min(0).default(0),
});

export const warrantSchema = z.strictObject({
  issuer: z.enum(['state', 'federal', 'local']),
  state: stateCode.optional(),
  /** Signed by a judge or magistrate (an ICE I-200/I-205 is not). */
  judicial: flag,
  felony: flag,
  /** A civil immigration warrant. */
  immigration: flag,
  description: z.string().default(''),
});

export const caseFactsSchema = z.strictObject({
  caseId: z.string().min(1),
  booking: z.strictObject({
    /** Jurisdiction id of the jail (a policies/*.policy file). */
    jurisdiction: symbol,
    /** IANA zone of the jail: its calendar decides the detainer clock's days. */
    timeZone: z.string().min(1),
    bookedAt: instant,
    /** When the person would otherwise be released: the detainer clock starts here. */
    releaseAt: instant.optional(),
  }),
  person: z
    .strictObject({
      birthDate: localDate.optional(),
      /** A claim of US citizenship, and when it was made. Stops any detainer clock and escalates. */
      citizenshipClaimAt: instant.optional(),
      sexRegistrant: flag,
      arsonRegistrant: flag,
      arrivedAsChild: flag,
      educationInUs: flag,
      militaryService: flag,
      /** US-citizen or permanent-resident spouse, children, parents. */
      usFamilyTies: z.number().int().min(0).default(0),
      primaryCaretaker: flag,
      seriousHealthCondition: flag,
      pregnantOrNursing: flag,
      victimOrWitness: flag,
    })
    .prefault({}),
  immigration: z
    .strictObject({
      status: z.enum(IMMIGRATION_STATUSES).default('unknown'),
      /** ERO's finding that there is probable cause the person is removable. */
      removable: flag,
      entryDate: localDate.optional(),
      enteredWithoutInspection: flag,
      apprehendedAtBorder: flag,
      visaAbuse: flag,
      priorRemovalOrder: flag,
      finalRemovalOrder: flag,
      removalOrderDate: localDate.optional(),
      illegalReentry: flag,
      fraud: flag,
    })
    .prefault({}),
  security: z
    .strictObject({
      tsdbMatch: flag,
      gangMember: flag,
      /** Designated a Security Risk Group member by a Department of Correction. */
      securityRiskGroup: flag,
      nationalSecurityThreat: flag,
    })
    .prefault({}),
  charges: z.array(chargeSchema).default([]),
  convictions: z.array(convictionSchema).default([]),
  warrants: z.array(warrantSchema).default([]),
  /** The request ICE sent, when the jail's answer is asked for. */
  detainer: z
    .strictObject({
      form: z.enum(DETAINER_FORMS),
      /** The federal government agreed in writing to reimburse the cost (Cook County 11-O-73). */
      reimbursementAgreed: flag,
      /** The request comes with a warrant issued or signed by a judicial officer (Conn. P.A. 19-20). */
      judicialWarrant: flag,
    })
    .optional(),
  /** What the ICE officer recorded. */
  ero: z
    .strictObject({
      reasons: z.string().optional(),
      probableCause: flag,
      specialCircumstances: flag,
      transferRequested: flag,
      significantRisk: flag,
    })
    .prefault({}),
  /** What the jail's officer recorded. */
  jail: z
    .strictObject({
      publicSafetyRisk: flag,
      reasons: z.string().optional(),
    })
    .prefault({}),
});

export type CaseFacts = z.output<typeof caseFactsSchema>;
export type CaseFactsInput = z.input<typeof caseFactsSchema>;
export type Charge = z.output<typeof chargeSchema>;
export type Conviction = z.output<typeof convictionSchema>;
export type Warrant = z.output<typeof warrantSchema>;

/** Validates case facts (from JSON or an adapter), naming the first bad field. */
export function parseCaseFacts(input: unknown, source = 'case'): CaseFacts {
  const r = caseFactsSchema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const field = issue.path.map(String).join('.') || '(root)';
  throw new SeccomError('SECCOM_POLICY_CASE_INVALID', `${source}: ${field}: ${issue.message}`, {
    location: { file: source, field },
    details: r.error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message })),
  });
}
