/**
 * Whether a jurisdiction's bookings reach DHS at a date (DOMAIN.md §2): it shares once it (or a
 * jurisdiction above it) is activated, or once ICE activated everyone; a request not to share has
 * effect only while the federal opt-out policy in force says participation can be withdrawn.
 * Events come from the rule files along the chain and, for a jail, from its own dated records
 * (the store's activation history), which count as the nearest jurisdiction's.
 */
import { SeccomError } from '../../errors/index.ts';
import type { EventNode } from '../language/ast.ts';
import type { CompiledJurisdiction } from '../language/compile.ts';
import type { OptOutPolicy } from '../outcomes.ts';
import { chainOf, type RuleBook } from '../rule-book.ts';
import type { LocalDate } from '../time/local-date.ts';
import { caseFreeVersion } from './case-free.ts';
import { requireFederal, type ChainEvaluation } from './evaluate-chain.ts';

export interface ParticipationReason {
  readonly jurisdiction: string;
  readonly event: EventNode['kind'] | 'opt-out-policy';
  readonly date: string;
  readonly cite: string;
  /** The rule file, or where a record is kept (e.g. "store: jurisdiction_activations"). */
  readonly file: string;
  /** Line in the rule file; null for a record. */
  readonly line: number | null;
}

/** A dated participation event recorded outside the rule files: a jail's own activation history. */
export interface ParticipationRecord {
  readonly kind: 'activated' | 'requested-not-share' | 'withdrew-not-share';
  readonly date: LocalDate;
  /** The jail the record is about. */
  readonly jurisdiction: string;
  readonly cite: string;
  /** Where it is kept, shown in place of a file. */
  readonly source: string;
}

export interface Participation {
  readonly jurisdiction: string;
  readonly at: string;
  readonly activated: boolean;
  readonly notShareRequested: boolean;
  readonly optOutPolicy: OptOutPolicy;
  /** Prints go on to DHS IDENT. */
  readonly sharing: boolean;
  readonly reasons: readonly ParticipationReason[];
}

/** The federal opt-out policy in force, as the reasons cite it. */
interface OptOutPolicyVersion {
  readonly value: OptOutPolicy;
  readonly jurisdiction: string;
  readonly file: string;
  readonly from: string;
  readonly source: string;
  readonly line: number;
}

/** Participation as part of a case's evaluation. */
export function participation(ev: ChainEvaluation): Participation {
  const t = requireFederal(ev, 'opt-out-policy');
  const policy = { value: t.value as OptOutPolicy, jurisdiction: t.jurisdiction, file: t.file, from: t.version.from, source: t.version.source, line: t.version.line };
  return participationOf(ev.chain, ev.jurisdiction, ev.at, policy, []);
}

/**
 * Participation without a case: for the SIB hop, which decides whether prints go on to DHS,
 * with the jail's own dated records besides the rule files' events.
 */
export function participationAt(book: RuleBook, jurisdiction: string, at: LocalDate, records: readonly ParticipationRecord[] = []): Participation {
  const chain = chainOf(book, jurisdiction);
  const v = caseFreeVersion(chain[0]!, 'opt-out-policy', at);
  if (!v) {
    throw new SeccomError('SECCOM_POLICY_NOT_IN_FORCE', `no federal opt-out policy is in force on ${at} (${chain[0]!.file})`, {
      location: { file: chain[0]!.file, rule: 'opt-out-policy', date: at },
    });
  }
  const policy = { value: v.default!.v as OptOutPolicy, jurisdiction: v.jurisdiction, file: v.file, from: v.from, source: v.source, line: v.line };
  return participationOf(chain, jurisdiction, at, policy, records);
}

interface DatedEvent {
  readonly kind: EventNode['kind'];
  readonly date: string;
  readonly reason: ParticipationReason;
}

function participationOf(
  chain: readonly CompiledJurisdiction[],
  jurisdiction: string,
  at: LocalDate,
  policy: OptOutPolicyVersion,
  records: readonly ParticipationRecord[],
): Participation {
  // Chain order (federal first), then the records: on the same day the nearer one decides.
  const events: DatedEvent[] = [
    ...chain.flatMap((j) =>
      j.events.map((e) => ({ kind: e.kind, date: e.date, reason: { jurisdiction: j.id, event: e.kind, date: e.date, cite: e.cite!, file: j.file, line: e.line } })),
    ),
    ...records.map((r) => ({ kind: r.kind, date: r.date, reason: { jurisdiction: r.jurisdiction, event: r.kind, date: r.date, cite: r.cite, file: r.source, line: null } })),
  ];
  const past = events.filter((e) => e.date <= at);
  const reasons: ParticipationReason[] = [];
  const activation = past
    .filter((x) => x.kind === 'activated' || x.kind === 'all-activated')
    .reduce<DatedEvent | undefined>((a, x) => (a === undefined || x.date < a.date ? x : a), undefined);
  if (activation) reasons.push(activation.reason);
  // The latest request or withdrawal decides; on the same day the nearer jurisdiction's.
  const requests = past.filter((x) => x.kind === 'requested-not-share' || x.kind === 'withdrew-not-share');
  const latest = requests.reduce<DatedEvent | undefined>((a, x) => (a === undefined || x.date >= a.date ? x : a), undefined);
  const notShareRequested = latest?.kind === 'requested-not-share';
  if (latest) reasons.push(latest.reason);
  if (notShareRequested) {
    reasons.push({ jurisdiction: policy.jurisdiction, event: 'opt-out-policy', date: policy.from, cite: policy.source, file: policy.file, line: policy.line });
  }
  const activated = activation !== undefined;
  return {
    jurisdiction,
    at,
    activated,
    notShareRequested,
    optOutPolicy: policy.value,
    sharing: activated && !(notShareRequested && policy.value === 'withdrawable'),
    reasons,
  };
}
