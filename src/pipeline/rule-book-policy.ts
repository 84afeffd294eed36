/**
 * The policy port backed by the rule book (src/policy, policies/*.policy): the one place where the
 * pipeline's booking, charges, IAR and claims become the engine's CaseFacts, and the engine's
 * decision becomes the port's outcome with its whole explanation. The detainer clock is the
 * engine's: 48 hours excluding weekends and federal holidays in the jail's zone, or what the
 * jail's law puts in its place.
 *
 * What the records give, and how the rest is read (docs/policy-case-format.md, "From the pipeline"):
 * - statutory maxima and felony classes as recorded; a record without a maximum (an EBTS booking,
 *   an IAR sent before migration 0008) gets one that reproduces its level (maxMonthsOfLevel);
 * - offense families and California's classifications from the NCIC code (tables below);
 * - the state of an arrest charge: the state of the booking jurisdiction's rule file;
 * - bail: as recorded; unknown is read as posted, which can only make the jail hold less;
 * - warrants, NCIC gang and terrorist-screening hits, Security Risk Group designation and
 *   registrations: from the IAR's criminal history;
 * - a claim of US citizenship recorded for the booking (citizenship_claims) by the decision time;
 * - removability: no lawful status (overstay, entry without inspection, removed), or a lawful one
 *   (LPR, asylee, visa) with an aggravated-felony conviction; naturalized citizens never;
 * - what the ICE officer records (this system's reading, unverified): probable cause = removable;
 *   special circumstances (PEP detainer) = a terrorist-screening or gang hit or an aggravated
 *   felony; a transfer is asked for a person under a final removal order; significant risk =
 *   a gang hit; the request comes with a judicial warrant when a federal judge's warrant is
 *   outstanding; ICE never agreed in writing to reimburse a hold (Cook County 11-O-73);
 * - the jail's time zone: `timeZoneOf`, else the rule file's `timezone` (a typed error if neither).
 * Not carried (so never true here): discretion factors, entry dates, the jail officer's
 * public-safety judgment, gang elements of offenses.
 */
import type { IarBody, ImmigrationStatus } from '../domain/lesc.ts';
import { maxMonthsOfLevel, type OffenseLevel, type Warrant } from '../domain/offense.ts';
import { SeccomError } from '../errors/index.ts';
import {
  chainOf,
  evaluateCase,
  loadRuleBook,
  parseCaseFacts,
  type CaseDecision,
  type CaseFacts,
  type CaseFactsInput,
  type DecisionTrace,
  type Level,
  type RuleBook,
} from '../policy/index.ts';
import type { DetainerForm, EroCase, EroOutcome, JailOutcome, PolicyPort } from './ports.ts';

/** NCIC offense-code prefixes (NCIC Uniform Offense Classifications) to the families rules name. */
const NCIC_FAMILIES: ReadonlyArray<[prefix: string, family: string]> = [
  ['0301', 'illegal-entry'],
  ['5403', 'dui'],
  ['5404', 'dui'],
  ['5401', 'hit-and-run'],
  ['09', 'homicide'],
  ['10', 'kidnapping'],
  ['11', 'sexual-abuse'],
  ['12', 'robbery'],
  ['13', 'assault'],
  ['22', 'burglary'],
  ['23', 'theft'],
  ['25', 'forgery'],
  ['26', 'fraud'],
  ['27', 'embezzlement'],
  ['29', 'vandalism'],
  ['35', 'drugs'],
  ['36', 'sexual-abuse'],
  ['49', 'escape'],
  ['50', 'obstruction-of-justice'],
  ['51', 'bribery'],
  ['52', 'weapons'],
  ['54', 'traffic'],
];

function family(ncic: string): string {
  return NCIC_FAMILIES.find(([p]) => ncic.startsWith(p))?.[1] ?? 'other';
}

type CaliforniaClass = Partial<Record<'caSerious' | 'caViolent' | 'statePrison' | 'wobbler', true>>;

/**
 * California's classification of the synthetic offense codes (Penal Code 1192.7(c) serious,
 * 667.5(c) violent, felonies punishable in state prison, "wobblers" chargeable either way), most
 * specific prefix first. Approximate: the NCIC code does not name the statute or its degree.
 */
const CALIFORNIA: ReadonlyArray<[prefix: string, traits: CaliforniaClass]> = [
  ['09', { caSerious: true, caViolent: true, statePrison: true }], // murder: 1192.7(c)(1), 667.5(c)(1)
  ['12', { caSerious: true, caViolent: true, statePrison: true }], // robbery: 1192.7(c)(19), 667.5(c)(9)
  ['1399', { caSerious: true, statePrison: true, wobbler: true }], // assault with a deadly weapon: 1192.7(c)(31); PC 245
  ['22', { caSerious: true, statePrison: true }], // first-degree burglary: 1192.7(c)(18)
  ['3599', { statePrison: true }], // sale of a controlled substance: H&S 11352
  ['2399', { wobbler: true }], // grand theft: PC 487, 489
  ['5404', { statePrison: true, wobbler: true }], // DUI causing injury: Vehicle Code 23153
  ['2303', { wobbler: true }], // petty theft with a prior: PC 666
  ['3562', { wobbler: true }], // possession before Proposition 47 (2014): H&S 11350
];

interface Offense {
  ncic: string;
  offense: string;
  level: OffenseLevel;
  felony: boolean;
  maxMonths?: number;
  felonyClass?: string | null;
}

function offenseFacts(o: Offense, state: string | undefined) {
  const fam = family(o.ncic);
  return {
    code: o.ncic,
    description: o.offense,
    family: fam,
    severity: o.felony || o.level < 3 ? ('felony' as const) : ('misdemeanor' as const),
    ...(o.felonyClass ? { class: o.felonyClass } : {}),
    maxSentenceMonths: o.maxMonths ?? maxMonthsOfLevel(o.level),
    aggravatedFelony: o.level === 1,
    traffic: fam === 'traffic',
    ...(CALIFORNIA.find(([p]) => o.ncic.startsWith(p))?.[1] ?? {}),
    ...(state ? { state } : {}),
  };
}

const STATUS: Record<ImmigrationStatus, NonNullable<CaseFactsInput['immigration']>['status']> = {
  naturalized: 'us-citizen',
  lpr: 'lawful-permanent-resident',
  asylum: 'asylee',
  visa: 'nonimmigrant',
  overstay: 'unlawfully-present',
  entered_without_inspection: 'unlawfully-present',
  removed: 'unlawfully-present',
};

function removable(iar: IarBody): boolean {
  if (iar.status === 'naturalized') return false;
  if (iar.status === 'lpr' || iar.status === 'asylum' || iar.status === 'visa') return iar.criminalHistory.convictions.some((x) => x.aggravated);
  return true;
}

/** A federal judge's warrant ICE can attach to its request (Conn. Gen. Stat. 54-192h(b)(1)(A)(i), 2019). */
function judicialWarrant(warrants: readonly Warrant[]): boolean {
  return warrants.some((w) => w.issuer === 'federal' && w.judicial && !w.immigration);
}

export interface RuleBookPolicyOptions {
  book?: RuleBook;
  /** The jail's IANA zone; default: the `timezone` of its rule file or the nearest parent's. */
  timeZoneOf?: (c: EroCase) => string | undefined;
}

/** The jail's zone from its rule file or the nearest parent's (a typed error if none declares one). */
export function rulesetZone(book: RuleBook, rulesetId: string, about: string): string {
  const tz = chainOf(book, rulesetId).reverse().find((j) => j.timeZone)?.timeZone;
  if (!tz) {
    throw new SeccomError('SECCOM_POLICY_TIME_INVALID', `no time zone for the jail of ${about}: give one, or add "timezone" to the ${rulesetId} rule file`, {
      location: { jurisdiction: rulesetId },
    });
  }
  return tz;
}

/** The case facts the engine decides on, from the pipeline's case (and the request, for the jail). */
export function caseFactsFor(book: RuleBook, c: EroCase, timeZone: string, form?: DetainerForm): CaseFacts {
  const state = chainOf(book, c.rulesetId).reverse().find((j) => j.state)?.state;
  const iar = c.iar;
  const history = iar.criminalHistory;
  const flags = history.flags;
  const warrants = history.warrants ?? [];
  const canRemove = removable(iar);
  const aggravated = history.convictions.some((x) => x.aggravated);
  return parseCaseFacts(
    {
      caseId: c.bookingId,
      booking: { jurisdiction: c.rulesetId, timeZone, bookedAt: c.arrestedAt.toISOString(), releaseAt: c.releaseDueAt.toISOString() },
      person: {
        birthDate: iar.biographics.dob,
        ...(c.citizenshipClaimAt ? { citizenshipClaimAt: c.citizenshipClaimAt.toISOString() } : {}),
        sexRegistrant: flags?.sexRegistrant ?? false,
        arsonRegistrant: flags?.arsonRegistrant ?? false,
      },
      immigration: {
        status: STATUS[iar.status],
        removable: canRemove,
        enteredWithoutInspection: iar.status === 'entered_without_inspection',
        illegalReentry: iar.status === 'removed',
        priorRemovalOrder: iar.priorRemovalOrder,
        finalRemovalOrder: iar.priorRemovalOrder,
      },
      security: { tsdbMatch: flags?.tsdbMatch ?? false, gangMember: flags?.gangMember ?? false, securityRiskGroup: flags?.securityRiskGroup ?? false },
      charges: c.charges.map((x) => ({ ...offenseFacts(x, state), bondPosted: x.bondPosted ?? true, probableCauseFinding: x.probableCauseFinding ?? false })),
      convictions: history.convictions.map((x) => ({ ...offenseFacts(x, undefined), aggravatedFelony: x.aggravated, federal: x.federal ?? false, date: x.convictedOn })),
      warrants: warrants.map((w) => ({ issuer: w.issuer, ...(w.state ? { state: w.state } : {}), judicial: w.judicial, felony: w.felony, immigration: w.immigration, description: w.description })),
      ...(form ? { detainer: { form, judicialWarrant: judicialWarrant(warrants) } } : {}),
      ero: {
        probableCause: canRemove,
        specialCircumstances: Boolean(flags?.tsdbMatch || flags?.gangMember || aggravated),
        transferRequested: iar.priorRemovalOrder,
        significantRisk: flags?.gangMember ?? false,
      },
    },
    `booking ${c.bookingId}`,
  );
}

const LEVEL: Record<Level, OffenseLevel | null> = { 'level-1': 1, 'level-2': 2, 'level-3': 3, none: null };

/** "decision=value (rule, file:line)" for each decision that a rule decided. */
function because(traces: readonly DecisionTrace[]): string {
  return traces
    .filter((t) => t.fired.length)
    .map((t) => `${t.decision}=${t.value} (${t.fired.map((f) => `${f.rule}, ${t.file}:${f.line}`).join('; ')})`)
    .join('; ');
}

export function ruleBookPolicy(opts: RuleBookPolicyOptions = {}): PolicyPort {
  const book = opts.book ?? loadRuleBook();
  const zoneOf = (c: EroCase): string => opts.timeZoneOf?.(c) ?? rulesetZone(book, c.rulesetId, `booking ${c.bookingId}`);
  const decide = (c: EroCase, form?: DetainerForm): CaseDecision =>
    evaluateCase(book, caseFactsFor(book, c, zoneOf(c), form), { jurisdiction: c.rulesetId, at: c.at.toISOString() });

  return {
    name: 'rule-book',
    ero(c: EroCase): EroOutcome {
      const { ero } = decide(c);
      const priority = /^priority-(\d)$/.exec(ero.priority ?? '');
      return {
        action: ero.action,
        chargeLevel: LEVEL[ero.chargeLevel],
        convictionLevel: LEVEL[ero.convictionLevel],
        priority: priority ? Number(priority[1]) : null,
        reason: `${ero.action} (${ero.at}): ${because(ero.explanation) || 'no rule fired'}${ero.safeguards.map((g) => `; safeguard ${g.id}: ${g.effect}`).join('')}`,
        explanation: ero,
      };
    },
    jail(c: EroCase, form: DetainerForm): JailOutcome {
      const d = decide(c, form);
      const answer = d.jail!;
      // The case always carries the otherwise-release time, so every hold has its clock.
      const clock = d.clock;
      return {
        response: answer.response,
        hold: answer.hold,
        holdExpiresAt: clock ? new Date(clock.expiresAtMs) : null,
        reason: `${answer.response} ${form} under ${answer.decidedBy} (${d.at}): ${because(answer.explanation) || 'default of the rules in force'}${answer.safeguards.map((g) => `; safeguard ${g.id}: ${g.effect}`).join('')}${clock ? `; hold until ${clock.expiresAt} (${clock.rule})` : ''}`,
        explanation: { ...answer, clock },
      };
    },
  };
}
