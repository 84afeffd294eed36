/**
 * The policy port backed by the rule book (src/policy, policies/*.policy): the one place where the
 * pipeline's booking, charges and IAR become the engine's CaseFacts, and the engine's decision
 * becomes the port's outcome. The detainer clock is the engine's: 48 hours excluding weekends and
 * federal holidays in the jail's zone, or what the jail's law puts in its place.
 *
 * What the pipeline's records do not carry, and how it is filled:
 * - statutory maxima: records give the Secure Communities level, so stand-in maxima (24 months for
 *   levels 1–2, 6 for level 3) reproduce that level under the rules; a level-1 single offense is
 *   an aggravated felony;
 * - offense families: from the NCIC offense code (table below);
 * - the state of an arrest charge: the state of the booking jurisdiction's rule file;
 * - bond: posted — the question is asked at the otherwise-release time, when nothing in the
 *   criminal case holds the person any more;
 * - removability: no lawful status (overstay, entry without inspection, removed), or a lawful one
 *   (LPR, asylee, visa) with an aggravated-felony conviction; naturalized citizens never;
 * - the jail's time zone: `timeZoneOf`, else the rule file's `timezone` (a typed error if neither).
 * Not carried at all (so never true here): felony classes, warrants, gang/TSDB flags,
 * discretion factors, citizenship claims.
 */
import type { IarBody, ImmigrationStatus } from '../domain/lesc.ts';
import type { OffenseLevel } from '../domain/offense.ts';
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

interface Offense {
  ncic: string;
  offense: string;
  level: OffenseLevel;
  felony: boolean;
}

function offenseFacts(o: Offense, state: string | undefined) {
  const fam = family(o.ncic);
  return {
    code: o.ncic,
    description: o.offense,
    family: fam,
    severity: o.felony || o.level < 3 ? ('felony' as const) : ('misdemeanor' as const),
    maxSentenceMonths: o.level === 3 ? 6 : 24,
    aggravatedFelony: o.level === 1,
    traffic: fam === 'traffic',
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

export interface RuleBookPolicyOptions {
  book?: RuleBook;
  /** The jail's IANA zone; default: the `timezone` of its rule file or the nearest parent's. */
  timeZoneOf?: (c: EroCase) => string | undefined;
}

/** The case facts the engine decides on, from the pipeline's case (and the request, for the jail). */
export function caseFactsFor(book: RuleBook, c: EroCase, timeZone: string, form?: DetainerForm): CaseFacts {
  const state = chainOf(book, c.rulesetId).reverse().find((j) => j.state)?.state;
  const iar = c.iar;
  return parseCaseFacts(
    {
      caseId: c.bookingId,
      booking: { jurisdiction: c.rulesetId, timeZone, bookedAt: c.arrestedAt.toISOString(), releaseAt: c.releaseDueAt.toISOString() },
      person: { birthDate: iar.biographics.dob },
      immigration: {
        status: STATUS[iar.status],
        removable: removable(iar),
        enteredWithoutInspection: iar.status === 'entered_without_inspection',
        illegalReentry: iar.status === 'removed',
        priorRemovalOrder: iar.priorRemovalOrder,
        finalRemovalOrder: iar.priorRemovalOrder,
      },
      charges: c.charges.map((x) => ({ ...offenseFacts(x, state), bondPosted: true })),
      convictions: iar.criminalHistory.convictions.map((x) => ({ ...offenseFacts(x, undefined), aggravatedFelony: x.aggravated, date: x.convictedOn })),
      ...(form ? { detainer: { form } } : {}),
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
  const zoneOf = (c: EroCase): string => {
    const tz = opts.timeZoneOf?.(c) ?? chainOf(book, c.rulesetId).reverse().find((j) => j.timeZone)?.timeZone;
    if (!tz) {
      throw new SeccomError('SECCOM_POLICY_TIME_INVALID', `no time zone for the jail of booking ${c.bookingId}: give one, or add "timezone" to the ${c.rulesetId} rule file`, {
        location: { booking: c.bookingId, jurisdiction: c.rulesetId },
      });
    }
    return tz;
  };
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
        reason: `${ero.action} (${ero.at}): ${because(ero.explanation) || 'no rule fired'}`,
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
        reason: `${answer.response} ${form} under ${answer.decidedBy} (${d.at}): ${because(answer.explanation) || 'default of the rules in force'}${clock ? `; hold until ${clock.expiresAt} (${clock.rule})` : ''}`,
      };
    },
  };
}
