/**
 * The facts a rule may name, with their types: the one place that ties the rule language to
 * CaseFacts. Case facts are dotted (`immigration.final-removal-order`); item fields inside
 * `any(convictions where …)` are bare (`felony`, `years-ago`). Dates are computed against the
 * evaluation date, never the wall clock.
 */
import { fullYearsBetween, type LocalDate } from '../time/local-date.ts';
import { DETAINER_FORMS, IMMIGRATION_STATUSES, type CaseFacts, type Charge, type Conviction, type Warrant } from './case-facts.ts';

export type FactType =
  | { readonly t: 'bool' }
  | { readonly t: 'number' }
  | { readonly t: 'date' }
  | { readonly t: 'string' }
  | { readonly t: 'symbol'; readonly domain?: readonly string[] };

/** null = unknown (e.g. no entry date): every comparison with it is false. */
export type FactValue = boolean | number | string | null;

export interface FactDef<S> {
  readonly name: string;
  readonly type: FactType;
  readonly doc: string;
  readonly get: (source: S, at: LocalDate) => FactValue;
}

const bool = { t: 'bool' } as const;
const num = { t: 'number' } as const;
const date = { t: 'date' } as const;
const str = { t: 'string' } as const;
const sym = (domain?: readonly string[]) => ({ t: 'symbol', domain }) as const;

function def<S>(name: string, type: FactType, doc: string, get: (s: S, at: LocalDate) => FactValue): FactDef<S> {
  return { name, type, doc, get };
}

const yearsSince = (d: string | undefined, at: LocalDate) => (d === undefined ? null : fullYearsBetween(d, at));

export const caseFacts: readonly FactDef<CaseFacts>[] = [
  def('person.age', num, 'Age in whole years at the evaluation date (unknown without a birth date).', (c, at) => yearsSince(c.person.birthDate, at)),
  def('person.claims-us-citizenship', bool, 'The person has claimed to be a US citizen.', (c) => c.person.citizenshipClaimAt !== undefined),
  def('person.sex-registrant', bool, 'Current registrant as a sex offender.', (c) => c.person.sexRegistrant),
  def('person.arson-registrant', bool, 'Current registrant as an arson offender.', (c) => c.person.arsonRegistrant),
  def('person.arrived-as-child', bool, 'Came to the US as a young child.', (c) => c.person.arrivedAsChild),
  def('person.education-in-us', bool, 'Graduated from or is pursuing education in the US.', (c) => c.person.educationInUs),
  def('person.military-service', bool, 'Veteran or member of the US armed forces.', (c) => c.person.militaryService),
  def('person.us-family-ties', num, 'Number of US-citizen or permanent-resident spouses, children and parents.', (c) => c.person.usFamilyTies),
  def('person.primary-caretaker', bool, 'Primary caretaker of a minor, disabled or seriously ill person.', (c) => c.person.primaryCaretaker),
  def('person.serious-health-condition', bool, 'Has a serious health condition.', (c) => c.person.seriousHealthCondition),
  def('person.pregnant-or-nursing', bool, 'Is pregnant or nursing.', (c) => c.person.pregnantOrNursing),
  def('person.victim-or-witness', bool, 'Victim of or witness to a crime, or plaintiff in civil-rights litigation.', (c) => c.person.victimOrWitness),
  def('immigration.status', sym(IMMIGRATION_STATUSES), 'Status as the IAR reports it.', (c) => c.immigration.status),
  def('immigration.removable', bool, 'ERO found probable cause that the person is removable.', (c) => c.immigration.removable),
  def('immigration.entry-date', date, 'Date of (last) entry to the US, if known.', (c) => c.immigration.entryDate ?? null),
  def('immigration.years-since-entry', num, 'Whole years since entry at the evaluation date (unknown without an entry date).', (c, at) => yearsSince(c.immigration.entryDate, at)),
  def('immigration.entered-without-inspection', bool, 'Entered without inspection.', (c) => c.immigration.enteredWithoutInspection),
  def('immigration.apprehended-at-border', bool, 'Apprehended at the border or a port of entry while attempting to enter unlawfully.', (c) => c.immigration.apprehendedAtBorder),
  def('immigration.visa-abuse', bool, 'Significantly abused the visa or visa-waiver programs.', (c) => c.immigration.visaAbuse),
  def('immigration.prior-removal-order', bool, 'Has an outstanding order of removal (final or not).', (c) => c.immigration.priorRemovalOrder || c.immigration.finalRemovalOrder),
  def('immigration.final-removal-order', bool, 'Subject to a final order of removal.', (c) => c.immigration.finalRemovalOrder),
  def('immigration.removal-order-date', date, 'Date of the removal order, if any.', (c) => c.immigration.removalOrderDate ?? null),
  def('immigration.illegal-reentry', bool, 'Re-entered unlawfully after removal or return.', (c) => c.immigration.illegalReentry),
  def('immigration.fraud', bool, 'Found to have knowingly committed immigration fraud.', (c) => c.immigration.fraud),
  def('security.tsdb-match', bool, 'Possible match in the federal Terrorist Screening Database.', (c) => c.security.tsdbMatch),
  def('security.gang-member', bool, 'Identified as a known gang member in NCIC or a similar database.', (c) => c.security.gangMember),
  def('security.security-risk-group', bool, 'Designated a Security Risk Group member by a Department of Correction.', (c) => c.security.securityRiskGroup),
  def('security.national-security-threat', bool, 'Engaged in or suspected of terrorism or espionage, or otherwise a threat to national security.', (c) => c.security.nationalSecurityThreat),
  def('detainer.form', sym([...DETAINER_FORMS, 'none']), 'The request ICE sent the jail (none when there is none).', (c) => c.detainer?.form ?? 'none'),
  def('detainer.reimbursement-agreed', bool, 'The federal government agreed in writing to reimburse the cost of the hold.', (c) => c.detainer?.reimbursementAgreed ?? false),
  def('detainer.judicial-warrant', bool, 'The request comes with a warrant issued or signed by a judicial officer.', (c) => c.detainer?.judicialWarrant ?? false),
  def('ero.probable-cause', bool, 'The ICE officer recorded probable cause of removability beyond the match.', (c) => c.ero.probableCause),
  def('ero.special-circumstances', bool, 'The ICE officer recorded special circumstances for a detainer instead of a notification request.', (c) => c.ero.specialCircumstances),
  def('ero.transfer-requested', bool, 'The ICE officer asks for a transfer of custody.', (c) => c.ero.transferRequested),
  def('ero.significant-risk', bool, 'The ICE officer judged a significant risk to national security, border security or public safety.', (c) => c.ero.significantRisk),
  def('jail.public-safety-risk', bool, "The jail officer judged an unacceptable risk to public safety.", (c) => c.jail.publicSafetyRisk),
];

type Offense = Charge | Conviction;

function offenseFields<S extends Offense>(): FactDef<S>[] {
  return [
    def<S>('code', str, 'Statute section or NCIC offense code.', (o) => o.code),
    def<S>('family', sym(), 'Offense family (assault, burglary, dui, drug-sale …).', (o) => o.family),
    def<S>('felony', bool, 'A felony.', (o) => o.severity === 'felony'),
    def<S>('misdemeanor', bool, 'A misdemeanor.', (o) => o.severity === 'misdemeanor'),
    def<S>('infraction', bool, 'An infraction (not a crime).', (o) => o.severity === 'infraction'),
    def<S>('class', sym(), "The state's class of the offense (e.g. A, B for Connecticut felonies).", (o) => o.class ?? null),
    def<S>('max-sentence-months', num, 'Statutory maximum in months (life is larger than any number).', (o) => (o.maxSentenceMonths === 'life' ? Infinity : o.maxSentenceMonths)),
    def<S>('aggravated-felony', bool, 'An aggravated felony, 8 U.S.C. 1101(a)(43).', (o) => o.aggravatedFelony),
    def<S>('state', sym(), 'Two-letter code of the state whose law defines it (unknown for federal offenses).', (o) => o.state ?? null),
    def<S>('federal', bool, 'A federal offense.', (o) => o.federal),
    def<S>('ca-serious', bool, 'Serious felony, Cal. Penal Code 1192.7(c).', (o) => o.caSerious),
    def<S>('ca-violent', bool, 'Violent felony, Cal. Penal Code 667.5(c).', (o) => o.caViolent),
    def<S>('state-prison', bool, 'Felony punishable by imprisonment in state prison.', (o) => o.statePrison),
    def<S>('wobbler', bool, 'Chargeable as a misdemeanor or a felony.', (o) => o.wobbler),
    def<S>('traffic', bool, 'A traffic offense.', (o) => o.traffic),
    def<S>('immigration-status-offense', bool, 'A state or local offense whose element is immigration status.', (o) => o.immigrationStatusOffense),
    def<S>('gang-element', bool, 'Active participation in a criminal street gang is an element.', (o) => o.gangElement),
  ];
}

export const chargeFields: readonly FactDef<Charge>[] = [
  ...offenseFields<Charge>(),
  def('pending', bool, 'The charge is still pending.', (c) => c.pending),
  def('bond-posted', bool, 'Bond on the charge has been posted.', (c) => c.bondPosted),
  def('probable-cause-finding', bool, "A magistrate found probable cause on the charge.", (c) => c.probableCauseFinding),
];

export const convictionFields: readonly FactDef<Conviction>[] = [
  ...offenseFields<Conviction>(),
  def('date', date, 'Date of conviction.', (c) => c.date),
  def('years-ago', num, 'Whole years from the conviction to the evaluation date ("within 5 years" is years-ago < 5).', (c, at) => fullYearsBetween(c.date, at)),
  def('custody-days', num, 'Custody imposed and not suspended, in days.', (c) => c.custodyDays),
];

export const warrantFields: readonly FactDef<Warrant>[] = [
  def('issuer', sym(['state', 'federal', 'local']), 'Who issued the warrant.', (w) => w.issuer),
  def('state', sym(), 'Two-letter code of the issuing state (unknown for federal warrants).', (w) => w.state ?? null),
  def('judicial', bool, 'Signed by a judge or magistrate.', (w) => w.judicial),
  def('felony', bool, 'For a felony.', (w) => w.felony),
  def('immigration', bool, 'A civil immigration warrant.', (w) => w.immigration),
];

interface CollectionDef<I> {
  readonly fields: readonly FactDef<I>[];
  readonly items: (c: CaseFacts) => readonly I[];
  readonly label: (item: I, index: number) => string;
}

export const collections = {
  charges: {
    fields: chargeFields,
    items: (c) => c.charges,
    label: (x, i) => `charges[${i}] ${x.code}${x.description ? ` (${x.description})` : ''}`,
  } satisfies CollectionDef<Charge>,
  convictions: {
    fields: convictionFields,
    items: (c) => c.convictions,
    label: (x, i) => `convictions[${i}] ${x.date} ${x.code}${x.description ? ` (${x.description})` : ''}`,
  } satisfies CollectionDef<Conviction>,
  warrants: {
    fields: warrantFields,
    items: (c) => c.warrants,
    label: (x, i) => `warrants[${i}] ${x.issuer}${x.state ? ` ${x.state}` : ''}${x.description ? ` (${x.description})` : ''}`,
  } satisfies CollectionDef<Warrant>,
} as const;

export type CollectionName = keyof typeof collections;

export function isCollection(name: string): name is CollectionName {
  return Object.hasOwn(collections, name);
}

/** The fields of each item of a collection, by name, with types (for the checker). */
export function fieldTypes(name: CollectionName): ReadonlyMap<string, FactType> {
  return new Map((collections[name].fields as readonly FactDef<unknown>[]).map((f) => [f.name, f.type]));
}

export const caseFactTypes: ReadonlyMap<string, FactType> = new Map(caseFacts.map((f) => [f.name, f.type]));

/** One item of a collection with its field values, ready for evaluation. */
export interface ItemFacts {
  readonly label: string;
  readonly fields: ReadonlyMap<string, FactValue>;
}

/** All facts of a case at a date: computed once, read by every rule. */
export interface FactTable {
  readonly at: LocalDate;
  readonly facts: ReadonlyMap<string, FactValue>;
  readonly collections: ReadonlyMap<CollectionName, readonly ItemFacts[]>;
}

export function factTable(c: CaseFacts, at: LocalDate): FactTable {
  const facts = new Map(caseFacts.map((f) => [f.name, f.get(c, at)]));
  const table = new Map<CollectionName, ItemFacts[]>();
  for (const name of Object.keys(collections) as CollectionName[]) {
    const col = collections[name] as unknown as CollectionDef<unknown>;
    table.set(
      name,
      col.items(c).map((item, i) => ({ label: col.label(item, i), fields: new Map(col.fields.map((f) => [f.name, f.get(item, at)])) })),
    );
  }
  return { at, facts, collections: table };
}
